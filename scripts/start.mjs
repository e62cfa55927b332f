// `npm start`: builds the web UI when it is missing or older than its sources, then runs the server with
// the same Node, forwarding signals and the exit code: the server bundle dist/server/main.mjs that
// `npm ci` built (rebuilt when a source is newer), or src/server/main.ts (TypeScript run directly by
// Node 24) when it cannot be built (docs/decisions/0012-server-bundle.md). Plain JavaScript so that
// any Node can start it.
import { spawn } from 'node:child_process';
import { SERVER_MALLOC_ENV, SERVER_NODE_FLAGS } from './lib/runtime.mjs';
import { buildWebIfNeeded } from './lib/web-build.mjs';
import { serverEntry } from './lib/server-bundle.mjs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a child with inherited stdio, forwarding our signals to it, and ends as it ends. */
function runForwarding(cmd, args, env = process.env) {
  const child = spawn(cmd, args, { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (e) => {
    console.error(`cannot start ${cmd}: ${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      // Ended by a signal: end the same way, so whoever started us sees it.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
}

// Started with the machine's older Node (not through npm)? Run again under the project's Node 24.
if (Number(process.versions.node.split('.')[0]) < 24) {
  const node24 = join(root, 'node_modules/.bin/node');
  if (!existsSync(node24) || process.env.YUNWEI_REEXEC === '1') {
    console.error(`Node ${process.version} is too old for Yunwei (needs 24) and ${node24} is missing: run npm ci first.`);
    process.exit(1);
  }
  runForwarding(node24, process.argv.slice(1), { ...process.env, YUNWEI_REEXEC: '1' });
} else {
  if (!buildWebIfNeeded(root)) process.exit(1);
  // Node keeps the compiled server code between starts (in the system's temp folder): later starts are faster.
  // The allocator's settings (lib/runtime.mjs) give back the memory a start used only briefly; the caller's own win.
  const env = {
    ...SERVER_MALLOC_ENV,
    ...process.env,
    NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache'),
  };
  runForwarding(process.execPath, [...SERVER_NODE_FLAGS, await serverEntry(root), ...process.argv.slice(2)], env);
}
