import { defineConfig } from 'vitest/config';

// End-to-end in Debian's Chromium through playwright-core, against the real server (`npm test` builds
// the web app first).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
