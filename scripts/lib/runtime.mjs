// V8 flags the server runs with (npm start, npm run dev, the bench's cold start). A 4 MB young
// generation takes the idle embedded server from ~420 MB to ~300 MB resident with no loss of
// requests/s (docs/performance.md). (--optimize-for-size saved as much but halved throughput.)
// V8's helper threads stay at Node's default: with one (--v8-pool-size=1, used until 2026-12) a
// process running PGlite's WebAssembly hung for good about one run in four (main thread and the
// only V8 worker each waiting on the other), and every start stalled ~2 s while the main thread
// waited for a task queued behind the background optimisation of PGlite's code
// (docs/decisions/0012-server-bundle.md). package.json's dev and bench scripts repeat the flag:
// keep them in step. --expose-gc lets the server collect once when its start has settled (main.ts,
// settleAfterStart): about 10 MB less resident when idle (docs/decisions/0014-restart-and-idle-memory.md).
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--expose-gc'];

// glibc's allocator settings for the server process (environment variables read when a process
// starts; `npm start` sets them for the server unless the caller has). By default glibc raises its
// thresholds after a large block is freed (up to a 32 MB mmap threshold and a 64 MB trim
// threshold), and a start frees plenty: V8 compiles PGlite's WebAssembly in the background with
// several hundred MB of short-lived memory. That memory then stayed in the process (about 60 MB of
// the idle server's resident memory). Fixed thresholds (glibc's own defaults, no longer raised):
// blocks over 128 KB are mapped and unmapped on their own, and whatever is free above 1 MB at the
// top of a heap goes back. The idle server holds ~240 MB instead of ~310 MB (a 32 MB mmap threshold
// kept ~10 MB more); the CPU of a start and of the desk's requests did not change measurably
// (docs/decisions/0014-restart-and-idle-memory.md). Other C libraries ignore them.
export const SERVER_MALLOC_ENV = { MALLOC_TRIM_THRESHOLD_: String(1 << 20), MALLOC_MMAP_THRESHOLD_: String(128 << 10) };
