import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/connection.ts';
import { createTestDatabase } from '../src/db/test-database.ts';
import { generateDemoDataset } from '../src/services/demo/demo-generator.ts';
import { prepareInstallation } from '../src/services/setup.service.ts';
import { chinaDivisionRegions } from '../src/services/reference/regions.service.ts';
import { searchEnterprises } from '../src/services/registry/enterprise-query.service.ts';

/** A benchmark prints its own figures; names are what `npm run bench -- NAME` takes. */
const BENCHMARKS: Record<string, { about: string; run: () => Promise<void> }> = {
  demo: {
    about:
      'Generate and load the Wuxi demo into a fresh database (PGlite, or the server in ' +
      'DATABASE_URL), then time registry searches on it',
    run: benchDemo,
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
