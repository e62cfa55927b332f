import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // Each worker process runs file after file without re-importing the app for each (about half of
    // the run's time was imports). Every test file still opens its own database (harness.ts), and
    // what a file changes of the process (environment, the PDF browser's bounds) it puts back.
    isolate: false,
    reporters: ['default'],
  },
});
