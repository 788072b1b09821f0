import { defineConfig } from 'vitest/config';

// Browser tests: Chromium against the real server on the demo (see e2e/support/global-setup.ts).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 90_000,
    // A page waits on the server and the browser: give polled expectations time on a busy machine.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    hookTimeout: 180_000,
    // One server and two cores: files take turns, each with its own Chromium.
    fileParallelism: false,
  },
});
