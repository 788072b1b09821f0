import { flagText, wholeNumberFlag } from './bench-args.ts';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { REGISTRY_HEADER, writeRegistryCsv } from './registry-generator.ts';
import { openDatabase, type Database } from '../src/db/connection.ts';
import { createServerDatabase, createTestDatabase } from '../src/test-support/test-database.ts';
import { generateDemoDataset } from '../src/services/demo/demo-generator.ts';
import { prepareInstallation } from '../src/services/setup.service.ts';
import { chinaDivisionRegions } from '../src/services/reference/regions.service.ts';
import { searchEnterprises } from '../src/services/registry/enterprise-query.service.ts';
import { readTableFile } from '../src/services/tables/table-reader.ts';
import { buildEnterpriseRecord } from '../src/services/import/enterprise-record.ts';
import { enterpriseKeys } from '../src/services/registry/enterprise-keys.ts';
import { mapHeaders } from '../src/domain/import-values.ts';
import { ChainClassifier, ChainClassifiers } from '../src/domain/classification.ts';
import { readChainTemplates } from '../src/services/reference/chain-templates.service.ts';
import { learnedModelFor } from '../src/services/classification/learned-models.ts';
import { benchApi } from './api.bench.ts';
import { benchClassify } from './classify.bench.ts';
import { benchReport } from './report.bench.ts';
import { benchResponsiveness } from './responsiveness.bench.ts';

/** A benchmark prints its own figures; names are what `npm run bench -- NAME` takes. */
const BENCHMARKS: Record<string, { about: string; run: () => Promise<void> }> = {
  classify: {
    about:
      'Classification CPU time per enterprise on one core, rules alone and rules + learned ' +
      'model side by side, over every labelled record the repository holds (--passes N)',
    run: benchClassify,
  },
  import: {
    about:
      'Generate a national registry CSV (--rows N, default 100000), then time a bare COPY of it ' +
      'against chainlead import + classify into a fresh database (DATABASE_URL, else PGlite); ' +
      '--peer "COMMAND" also times COMMAND FILE URL (a peer script) on a fresh server database',
    run: benchImport,
  },
  demo: {
    about:
      'Generate and load the Wuxi demo into a fresh database (PGlite, or the server in ' +
      'DATABASE_URL), then time registry searches on it',
    run: benchDemo,
  },
  report: {
    about:
      'On the PostgreSQL server in DATABASE_URL, a 1,000,000-enterprise registry (--rows N) ' +
      'loaded by COPY and classified; time the chain analysis of one city (--region, default ' +
      '3202) against one hand-written SQL query of the same node figures',
    run: benchReport,
  },
  api: {
    about:
      'The demo on PGlite served in-process; autocannon on GET /api/chains/biomed/analysis' +
      '?region=3202, 32 connections for 10 s: p50/p99 latency and requests per second',
    run: benchApi,
  },
  responsiveness: {
    about:
      'The server (chainlead serve, PGlite, the demo) on 127.0.0.1:4151 (--port); a 100,000-row ' +
      'enterprise import (--rows N) and a 5,000-row project import (--projects N) through the ' +
      'API while GET /api/health and /api/enterprises?q=生物 are asked every 100 ms: p50/p99/max',
    run: benchResponsiveness,
  },
};

async function timed<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`${label.padEnd(44)} ${(performance.now() - started).toFixed(0).padStart(7)} ms`);
  return result;
}

async function benchDemo(): Promise<void> {
  const regions = chinaDivisionRegions();
  const dataset = await timed('generate dataset (in memory)', () => generateDemoDataset(regions));
  console.log(`  ${dataset.enterprises.length} enterprises, ${dataset.spaces.length} space units`);
  const database = process.env.DATABASE_URL
    ? await createTestDatabase()
    : await openDatabase({ path: 'memory://' });
  try {
    await timed(`prepare and load the demo (${database.kind})`, () =>
      prepareInstallation(database, { adminPassword: 'bench-password', demoOnFirstRun: true }),
    );
    const queries = [
      { label: 'search: Wuxi, first page', query: { region: '3202' } },
      { label: 'search: text 生物', query: { q: '生物' } },
      { label: 'search: tag high_tech, page 20', query: { tag: 'high_tech', page: 20 } },
    ];
    for (const { label, query } of queries) {
      const runs = 20;
      const started = performance.now();
      for (let i = 0; i < runs; i++) {
        await searchEnterprises(database.db, { page: 1, pageSize: 20, ...query });
      }
      const mean = (performance.now() - started) / runs;
      console.log(`${label.padEnd(44)} ${mean.toFixed(1).padStart(7)} ms mean of ${runs}`);
    }
  } finally {
    await database.close();
  }
}

async function benchImport(): Promise<void> {
  const rows = wholeNumberFlag('rows', 100_000);
  const folder = mkdtempSync(join(tmpdir(), 'chainlead-bench-'));
  chmodSync(folder, 0o755);
  const file = join(folder, 'registry.csv');
  await timed(`generate ${rows.toLocaleString('en')}-row registry CSV`, () =>
    writeRegistryCsv(file, rows, chinaDivisionRegions()),
  );
  chmodSync(file, 0o644);
  console.log(`  ${(statSync(file).size / 1e6).toFixed(1)} MB at ${file}`);
  let database = process.env.DATABASE_URL
    ? await createTestDatabase()
    : await openDatabase({ path: join(folder, 'db') });
  try {
    await prepareInstallation(database, { adminPassword: 'bench-password' });
    const columns = REGISTRY_HEADER.map((c) => `${c} text`).join(', ');
    await database.db.execute(sql.raw(`create table bench_copy (${columns})`));
    const copyStarted = performance.now();
    if (database.kind === 'postgres') {
      await database.db.execute(
        sql.raw(`copy bench_copy from '${file}' with (format csv, header true)`),
      );
    } else {
      const client = (database.db as unknown as { $client: PGlite }).$client;
      await client.query(`copy bench_copy from '/dev/blob' with (format csv, header true)`, [], {
        blob: new Blob([readFileSync(file)]),
      });
    }
    const copyMs = performance.now() - copyStarted;
    console.log(
      `${'bare COPY into a table of the same shape'.padEnd(44)} ${copyMs.toFixed(0).padStart(7)} ms`,
    );
    await cpuFloor(file, Math.min(rows, 100_000));
    // The import as a user runs it: `chainlead import enterprises` in a process of its own, on
    // the database just prepared (PGlite: its folder, closed here first; a server: its URL).
    if (database.kind === 'pglite') await database.close();
    const target = {
      dataFolder: join(folder, 'db'),
      serverUrl: database.kind === 'postgres' ? serverUrlOf(database) : null,
    };
    // What any command costs before it reads a row: start, open the database, check migrations.
    const startMs = (await timedCommand(['db', 'migrate'], target)).ms;
    const cli = await timedCommand(['import', 'enterprises', file, '--json'], target);
    const importMs = cli.ms;
    if (database.kind === 'pglite') database = await openDatabase({ path: join(folder, 'db') });
    console.log(
      `${'chainlead import enterprises (the command)'.padEnd(44)} ${importMs.toFixed(0).padStart(7)} ms`,
    );
    console.log(
      `  of which starting a command and opening the database (\`chainlead db migrate\`, no-op): ${startMs.toFixed(0)} ms`,
    );
    console.log(`  ${JSON.stringify(cli.counts)}`);
    console.log(
      `  ${Math.round(rows / (importMs / 1000)).toLocaleString('en')} rows/s; ratio to COPY ${(importMs / copyMs).toFixed(1)}×`,
    );
    console.log(
      `  peak memory of the command (max RSS) ${(cli.peakKb / 1024).toFixed(0)} MB on ${database.kind}`,
    );
    const floorMs = await databaseFloor(database);
    console.log(
      `  ratios: import / database floor ${(importMs / floorMs).toFixed(1)}×, ` +
        `database floor / bare COPY ${(floorMs / copyMs).toFixed(1)}×`,
    );
    const peer = flagText('peer');
    if (peer) await timePeer(peer, file, importMs);
  } finally {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A peer script (`--peer "COMMAND"`, e.g. a pandas pipeline kept outside the project) run as
 * `COMMAND FILE URL` on a fresh, empty database of the server in DATABASE_URL, timed beside
 * chainlead's import of the same file. What it prints is shown as it is.
 */
async function timePeer(command: string, file: string, importMs: number): Promise<void> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    console.log('peer script: not run (it needs a PostgreSQL server: set DATABASE_URL)');
    return;
  }
  const server = await createServerDatabase(serverUrl, 'chainlead_peer');
  try {
    const started = performance.now();
    const child = spawn('sh', ['-c', `${command} "$@"`, 'peer', file, server.url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const peerMs = performance.now() - started;
    if (code !== 0) throw new Error(`the peer script exited with ${code}`);
    console.log(`${'peer script (--peer)'.padEnd(44)} ${peerMs.toFixed(0).padStart(7)} ms`);
    for (const line of stdout.trim().split('\n')) if (line) console.log(`  ${line}`);
    console.log(`  ratio: chainlead import / peer script ${(importMs / peerMs).toFixed(2)}×`);
  } finally {
    await server.drop();
  }
}

/** The server URL of a test database: DATABASE_URL's, with the test database's name. */
function serverUrlOf(database: Database): string {
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.pathname = new URL(database.location).pathname;
  return url.toString();
}

/**
 * Runs `chainlead ARGS` as a child process on the target database and returns its wall time, the
 * counts of its JSON summary (if it printed one) and its peak memory
 * (bench/report-peak-memory.mjs, preloaded, reports it on exit).
 */
async function timedCommand(
  args: string[],
  target: { dataFolder: string; serverUrl: string | null },
): Promise<{ ms: number; counts: unknown; peakKb: number }> {
  const repo = fileURLToPath(new URL('..', import.meta.url));
  const env = { ...process.env };
  if (target.serverUrl) env.DATABASE_URL = target.serverUrl;
  else delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      join(repo, 'bench/report-peak-memory.mjs'),
      join(repo, 'bin/chainlead.js'),
      '--quiet',
      '--db',
      target.dataFolder,
      ...args,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`chainlead ${args.join(' ')} exited with ${code}: ${stderr}`);
  const peak = /chainlead-bench-peak-rss-kb (\d+)/.exec(stderr);
  const summary = args.includes('--json') ? (JSON.parse(stdout) as { counts?: unknown }) : {};
  return { ms, counts: summary.counts ?? null, peakKb: Number(peak?.[1] ?? 0) };
}

/** The tables an import fills, as it left them: what the database floor copies back in. */
const IMPORT_OUTPUT = ['enterprise', 'enterprise_year', 'classification'] as const;

/**
 * The database floor: the import's own finished rows (enterprises, yearly figures,
 * classifications, which the placements are a view of) copied out, then COPY'd into empty tables
 * with the same indexes. No import can write its output faster than this.
 */
async function databaseFloor(database: Database): Promise<number> {
  const dumps: { table: string; data: Buffer }[] = [];
  for (const table of IMPORT_OUTPUT) {
    await database.db.execute(sql.raw(`create table floor_${table} (like ${table} including all)`));
    dumps.push({ table, data: await copyOut(database, table) });
  }
  const started = performance.now();
  for (const { table, data } of dumps) await copyIn(database, `floor_${table}`, data);
  const floorMs = performance.now() - started;
  const megabytes = dumps.reduce((sum, d) => sum + d.data.length, 0) / 1e6;
  console.log(
    `${'database floor: COPY of the output, indexed'.padEnd(44)} ${floorMs.toFixed(0).padStart(7)} ms` +
      ` (${IMPORT_OUTPUT.join(', ')}: ${megabytes.toFixed(1)} MB)`,
  );
  return floorMs;
}

function pgliteOf(database: Database): PGlite {
  return (database.db as unknown as { $client: PGlite }).$client;
}

async function copyOut(database: Database, table: string): Promise<Buffer> {
  if (database.kind === 'pglite') {
    const result = await pgliteOf(database).query(`copy ${table} to '/dev/blob'`);
    return Buffer.from(await (result.blob ?? new Blob([])).arrayBuffer());
  }
  const client = await (database.db as unknown as { $client: pg.Pool }).$client.connect();
  try {
    const chunks: Buffer[] = [];
    await pipeline(
      client.query(copyStreams.to(`copy ${table} to stdout`)),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      }),
    );
    return Buffer.concat(chunks);
  } finally {
    client.release();
  }
}

async function copyIn(database: Database, table: string, data: Buffer): Promise<void> {
  if (database.kind === 'pglite') {
    await pgliteOf(database).query(`copy ${table} from '/dev/blob'`, [], {
      blob: new Blob([data]),
    });
    return;
  }
  const client = await (database.db as unknown as { $client: pg.Pool }).$client.connect();
  try {
    await pipeline(
      Readable.from([data]),
      client.query(copyStreams.from(`copy ${table} from stdin`)),
    );
  } finally {
    client.release();
  }
}

/**
 * The work an import does per row in Node, with no database: read, validate, key and classify.
 * No import of this file can be faster than this on one core, whatever the database does.
 */
async function cpuFloor(file: string, limit: number): Promise<void> {
  const regionCodes = new Set(chinaDivisionRegions().map((r) => r.code));
  const classifiers = new ChainClassifiers(
    readChainTemplates().map(
      ({ template }) =>
        new ChainClassifier(
          template.stages.flatMap((stage) => stage.nodes),
          learnedModelFor(template.code),
        ),
    ),
  );
  const table = await readTableFile(file);
  const context = {
    mapping: mapHeaders(table.headers),
    headers: table.headers,
    defaultRegion: null,
    defaultMoneyUnit: 'yuan' as const,
    regionExists: (code: string) => regionCodes.has(code),
  };
  const started = performance.now();
  let rows = 0;
  try {
    for await (const row of table.rows) {
      const built = buildEnterpriseRecord(row.rowNumber, row.cells, context);
      if (!('errors' in built)) {
        const { record } = built;
        enterpriseKeys(record);
        classifiers.classify({ ...record, products: record.products ?? [] });
      }
      if (++rows >= limit) break;
    }
  } finally {
    table.close();
  }
  const perRow = (performance.now() - started) / rows;
  console.log(
    `${'CPU only: read, validate, key, classify'.padEnd(44)} ${(perRow * 1000).toFixed(0).padStart(7)} µs/row` +
      ` (${Math.round(1000 / perRow).toLocaleString('en')} rows/s on one core, ${rows.toLocaleString('en')} rows)`,
  );
}

const name = process.argv[2];
const chosen = name ? BENCHMARKS[name] : undefined;
if (!chosen) {
  console.log('Usage: npm run bench -- <name>\n\nBenchmarks:');
  for (const [key, bench] of Object.entries(BENCHMARKS))
    console.log(`  ${key.padEnd(10)} ${bench.about}`);
  process.exitCode = name ? 2 : 0;
} else {
  await chosen.run();
}
