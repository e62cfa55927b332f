// V8 flags the server runs with (npm start, npm run dev, the bench's cold start). A 4 MB young
// generation takes the idle embedded server from ~420 MB to ~300 MB resident with no loss of
// requests/s (docs/performance.md). (--optimize-for-size saved as much but halved throughput.)
// V8's helper threads stay at Node's default: with one (--v8-pool-size=1, used until 2026-12) a
// process running PGlite's WebAssembly hung for good about one run in four (main thread and the
// only V8 worker each waiting on the other), and every start stalled ~2 s while the main thread
// waited for a task queued behind the background optimisation of PGlite's code
// (docs/decisions/0012-server-bundle.md). package.json's dev and bench scripts repeat the flag:
// keep them in step.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];
