// The web UI's production bundle (dist/web), built by Vite when missing or stale. Used by `npm ci`
// (the `prepare` script), `npm start` and `npm test`, so each builds only what changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time of a file or of any file below a directory (0 when absent). */
function newest(/** @type {string} */ path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) t = Math.max(t, newest(join(path, e.name)));
  return t;
}

/**
 * Builds dist/web when it is missing or older than its sources (npm ci does it once, through `prepare`,
 * so that `npm start` on a fresh clone starts at once). Returns false when the build failed.
 * @param {string} root
 */
export function buildWebIfNeeded(root) {
  const config = join(root, 'vite.config.ts');
  if (!existsSync(config) || !existsSync(join(root, 'index.html'))) {
    console.warn('警告 warning: vite.config.ts 或 index.html 不存在，跳过网页构建 (no web app to build yet; the API still starts).');
    return true;
  }
  const built = join(root, 'dist/web/index.html');
  // The web app bundles src/common (shared schemas) as well as src/web.
  const sources = ['src/web', 'src/common', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) =>
    newest(join(root, p)),
  );
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  if (builtAt > 0 && builtAt >= Math.max(...sources)) return true;
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
    return false;
  }
  return true;
}
