import { defineConfig } from 'vitest/config';

// End-to-end in Debian's Chromium through playwright-core, against the real server (`npm test` builds
// the web app first).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 360_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // A page on a busy 2-core machine may take seconds to show: polls wait up to 15 s (a wait, not a
    // speed target; speed lives in bench/).
    expect: { poll: { timeout: 15_000 } },
  },
});
