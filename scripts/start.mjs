// `npm start`: builds the web UI when it is missing or older than its sources, then runs the server
// (src/server/main.ts, TypeScript run directly by Node 24: the server needs no build) with the same
// Node, forwarding signals and the exit code. Plain JavaScript so that any Node can start it.
import { spawn, spawnSync } from 'node:child_process';
import { SERVER_NODE_FLAGS } from './lib/runtime.mjs';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

/** Newest modification time of a file or of any file below a directory (0 when absent). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) t = Math.max(t, newest(join(path, e.name)));
  return t;
}

function buildWebIfNeeded() {
  const config = join(root, 'vite.config.ts');
  if (!existsSync(config) || !existsSync(join(root, 'index.html'))) {
    console.warn('警告 warning: vite.config.ts 或 index.html 不存在，跳过网页构建 (no web app to build yet; the API still starts).');
    return;
  }
  const built = join(root, 'dist/web/index.html');
  // The web app bundles src/common (shared schemas) as well as src/web.
  const sources = ['src/web', 'src/common', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) =>
    newest(join(root, p)),
  );
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  if (builtAt > 0 && builtAt >= Math.max(...sources)) return;
  console.log(
    builtAt === 0
      ? '正在构建网页 Building the web UI (dist/web is missing)…'
      : '正在重新构建网页 Rebuilding the web UI (its sources changed since the last build)…',
  );
  const r = spawnSync(process.execPath, [join(root, 'node_modules/.bin/vite'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error(`网页构建失败 the web build failed (exit ${r.status ?? r.signal}); fix it or run \`npx vite build\` to see why.`);
    process.exit(r.status || 1);
  }
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
  buildWebIfNeeded();
  runForwarding(process.execPath, [...SERVER_NODE_FLAGS, join(root, 'src/server/main.ts'), ...process.argv.slice(2)]);
}
