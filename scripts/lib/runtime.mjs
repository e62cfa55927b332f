// V8 flags the server runs with (npm start, npm run dev, the bench's cold start). Measured on the
// 2-core machines (docs/performance.md): one V8 helper thread instead of four and a 4 MB young
// generation take the idle embedded server from ~420 MB to ~240 MB resident, with no loss of
// requests/s. (--optimize-for-size saved as much but halved throughput.) package.json's dev and
// bench scripts repeat these two flags: keep them in step.
export const SERVER_NODE_FLAGS = ['--v8-pool-size=1', '--max-semi-space-size=4'];
