// Everything the bench starts is undone here: asynchronously on a normal end or an error (close
// servers, drop databases), and synchronously on exit or a signal (kill children, remove temp dirs),
// so an interrupted run leaves neither processes nor directories behind.
type SyncFn = () => void;
type AsyncFn = () => Promise<void>;

const syncFns: { name: string; fn: SyncFn }[] = [];
const asyncFns: { name: string; fn: AsyncFn }[] = [];
let installed = false;

function runSync(): void {
  while (syncFns.length) {
    const { name, fn } = syncFns.pop()!;
    try {
      fn();
    } catch (e) {
      process.stderr.write(`bench cleanup (${name}) failed: ${(e as Error).message}\n`);
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runSync);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.on(signal, () => {
      process.stderr.write(`\nbench: ${signal}, cleaning up\n`);
      process.exit(code); // 'exit' runs the synchronous clean-ups
    });
  }
}

/** A clean-up that must also run on exit or a signal: synchronous only. Returns its remover. */
export function onExitSync(name: string, fn: SyncFn): () => void {
  install();
  const entry = { name, fn };
  syncFns.push(entry);
  return () => {
    const i = syncFns.indexOf(entry);
    if (i >= 0) syncFns.splice(i, 1);
  };
}

/** A clean-up run at the end of the bench (normal or error), newest first. Returns its remover. */
export function onCleanup(name: string, fn: AsyncFn): () => void {
  install();
  const entry = { name, fn };
  asyncFns.push(entry);
  return () => {
    const i = asyncFns.indexOf(entry);
    if (i >= 0) asyncFns.splice(i, 1);
  };
}

/** Runs every asynchronous clean-up (each bounded in time), then the synchronous ones. */
export async function cleanupAll(timeoutMs = 20_000): Promise<void> {
  while (asyncFns.length) {
    const { name, fn } = asyncFns.pop()!;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        fn(),
        new Promise<void>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (e) {
      process.stderr.write(`bench cleanup (${name}) failed: ${(e as Error).message}\n`);
    } finally {
      clearTimeout(timer);
    }
  }
  runSync();
}
