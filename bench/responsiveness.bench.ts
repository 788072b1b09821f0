import { wholeNumberFlag } from './bench-args.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chinaDivisionRegions } from '../src/services/reference/regions.service.ts';
import { writeRegistryCsv } from './registry-generator.ts';

// `npm run bench -- responsiveness [--rows N] [--projects N] [--port P]`: the real server
// (`chainlead serve`, PGlite in a temporary folder or the empty server database in DATABASE_URL,
// the demo loaded) as a child process on
// 127.0.0.1 (port 4151 by default). Through the API it starts an enterprise import of the import
// benchmark's generated registry (100,000 rows) and a project import of 5,000 rows, and meanwhile
// asks for GET /api/health and GET /api/enterprises?q=生物 every 100 ms, one request at a time
// each. Prints p50/p99/max of both while imports run (goal: /api/health p99 under 1 s).

const ADMIN_PASSWORD = 'Bench-responsiveness-2026';
const POLL_MS = 100;
const CLI = fileURLToPath(new URL('../bin/chainlead.js', import.meta.url));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A project file of `rows` new leads across the demo's city, in the import's own columns. */
async function writeProjectCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (line: string) =>
    out.write(line)
      ? Promise.resolve()
      : new Promise<void>((resolve) => out.once('drain', resolve));
  const counties = ['320205', '320206', '320211', '320213', '320214', '320281', '320282'];
  await write('项目名称,落地区域,阶段,投资方,投资额（万元）,下一步\n');
  for (let i = 0; i < rows; i++) {
    await write(
      `压测项目${i},${counties[i % counties.length]},线索,投资方${i % 397},${100 + (i % 50) * 10},电话回访\n`,
    );
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

interface Sample {
  at: number;
  ms: number;
  status: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

function summary(samples: Sample[]): string {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const bad = samples.filter((s) => s.status !== 200).length;
  const fmt = (n: number) => `${n.toFixed(0)} ms`;
  return (
    `n ${String(samples.length).padStart(5)}, p50 ${fmt(quantile(ms, 0.5)).padStart(8)}, ` +
    `p99 ${fmt(quantile(ms, 0.99)).padStart(8)}, max ${fmt(ms.at(-1) ?? NaN).padStart(8)}` +
    (bad > 0 ? `, ${bad} not 200` : '')
  );
}

async function waitForServer(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error('the server did not start within 10 minutes');
}

/**
 * A multipart upload through node:http, which has no response timeout (fetch gives up on a
 * response after 300 s, and a large project import answers when it is done).
 */
function postFile(
  url: string,
  cookie: string,
  name: string,
  content: Buffer,
): Promise<{ status: number; body: string }> {
  const boundary = `----chainlead-bench-${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\n` +
        'content-type: text/csv\r\n\r\n',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': body.length,
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The `responsiveness` benchmark: see the comment at the top of this file. */
export async function benchResponsiveness(): Promise<void> {
  const rows = wholeNumberFlag('rows', 100_000);
  const projects = wholeNumberFlag('projects', 5_000);
  const port = wholeNumberFlag('port', 4151);
  const folder = mkdtempSync(join(tmpdir(), 'chainlead-responsiveness-'));
  const registry = join(folder, 'registry.csv');
  const projectFile = join(folder, 'projects.csv');
  await writeRegistryCsv(registry, rows, chinaDivisionRegions());
  await writeProjectCsv(projectFile, projects);
  console.log(
    `files: ${rows.toLocaleString('en')}-row registry (${(statSync(registry).size / 1e6).toFixed(1)} MB), ` +
      `${projects.toLocaleString('en')}-row project file`,
  );

  const started = performance.now();
  // PGlite in the folder (its one connection is what this measures), or the PostgreSQL server in
  // DATABASE_URL, which must name an empty database: the demo loads on its first start.
  const serverUrl = process.env.DATABASE_URL?.trim() || null;
  const databaseKind = serverUrl ? 'PostgreSQL server' : 'PGlite';
  const serverEnv = { ...process.env, CHAINLEAD_ADMIN_PASSWORD: ADMIN_PASSWORD };
  const child = spawn(
    process.execPath,
    [
      CLI,
      '--quiet',
      '--db',
      join(folder, 'db'),
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--demo-on-first-run',
    ],
    {
      env: serverEnv,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(base, child);
    console.log(
      `server (${databaseKind}, demo loaded) up in ${((performance.now() - started) / 1000).toFixed(0)} s, pid ${child.pid}`,
    );
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (login.status !== 200 || !cookie) throw new Error(`login failed: ${login.status}`);
    const headers = { cookie };

    // Pollers: one request at a time per path, the next 100 ms after the last began (or at once
    // when it took longer). A blocked server shows as one long sample, not as missing ones.
    const samples = new Map<string, Sample[]>();
    let polling = true;
    const poll = async (path: string) => {
      const list: Sample[] = [];
      samples.set(path, list);
      while (polling) {
        const at = performance.now();
        let status = 0;
        try {
          const response = await fetch(`${base}${path}`, { headers });
          await response.arrayBuffer();
          status = response.status;
        } catch {
          status = -1;
        }
        const ms = performance.now() - at;
        list.push({ at, ms, status });
        await sleep(Math.max(0, POLL_MS - ms));
      }
    };
    const pollers = [poll('/api/health'), poll(`/api/enterprises?q=${encodeURIComponent('生物')}`)];
    await sleep(2_000); // a baseline before the imports

    const t0 = performance.now();
    const form = new FormData();
    form.set('file', new File([readFileSync(registry)], 'registry.csv'));
    const startImport = await fetch(`${base}/api/imports`, { method: 'POST', headers, body: form });
    if (startImport.status !== 202)
      throw new Error(`enterprise import: ${startImport.status} ${await startImport.text()}`);
    const { id } = (await startImport.json()) as { id: number };
    const enterpriseDone = (async () => {
      for (;;) {
        await sleep(1_000);
        const view = (await (await fetch(`${base}/api/imports/${id}`, { headers })).json()) as {
          status: string;
          counts: Record<string, number>;
        };
        if (view.status !== 'running') return { at: performance.now(), view };
      }
    })();
    const projectStarted = performance.now();
    const projectResponse = await postFile(
      `${base}/api/projects/import`,
      cookie,
      'projects.csv',
      readFileSync(projectFile),
    );
    const projectBody = projectResponse.body;
    const projectEnd = performance.now();
    const enterprise = await enterpriseDone;
    polling = false;
    await Promise.all(pollers);

    console.log(
      `enterprise import ${id}: ${enterprise.view.status} in ${((enterprise.at - t0) / 1000).toFixed(0)} s ` +
        `(±1 s) ${JSON.stringify(enterprise.view.counts)}`,
    );
    console.log(
      `project import: ${projectResponse.status} in ${((projectEnd - projectStarted) / 1000).toFixed(0)} s ${projectBody.slice(0, 200)}`,
    );
    const end = Math.max(enterprise.at, projectEnd);
    for (const [path, list] of samples) {
      console.log(`GET ${path}`);
      console.log(`  before the imports        ${summary(list.filter((s) => s.at < t0))}`);
      console.log(
        `  during both imports       ${summary(list.filter((s) => s.at >= projectStarted && s.at < Math.min(enterprise.at, projectEnd)))}`,
      );
      console.log(
        `  during any import         ${summary(list.filter((s) => s.at >= t0 && s.at < end))}`,
      );
    }
    const health = samples
      .get('/api/health')
      ?.filter((s) => s.at >= t0 && s.at < end)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    const p99 = quantile(health ?? [], 0.99);
    console.log(
      `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores; ` +
        `goal /api/health p99 < 1 s during the imports: ${p99 < 1000 ? 'met' : 'NOT met'}`,
    );
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => {
      if (child.exitCode !== null) resolve(undefined);
      else child.once('exit', resolve);
    });
    rmSync(folder, { recursive: true, force: true });
  }
}
