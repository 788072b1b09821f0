import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The web's pure logic is tested here too; it imports `@shared/*` as web/tsconfig.json maps it.
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)) } },
  test: {
    include: [
      'src/**/*.test.ts',
      'bench/**/*.test.ts',
      'bin/**/*.test.ts',
      'scripts/**/*.test.ts',
      'web/src/**/*.test.ts',
    ],
    exclude: ['**/*.e2e.test.ts', 'node_modules/**'],
    // On a Citus cluster (scripts/citus/run.sh) three nodes share the machine: a test's many
    // round trips take several times longer there (the placement test's 40 decisions took 197 s).
    testTimeout: process.env.CHAINLEAD_TEST_CITUS_WORKERS?.trim() ? 600_000 : 60_000,
    hookTimeout: 120_000,
    // PGlite instances are memory-hungry WASM; two cores make two workers the sweet spot.
    maxWorkers: 2,
  },
});
