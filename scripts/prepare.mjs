// npm's `prepare` step, run by `npm ci` / `npm install` in this repository: builds the web UI, the
// server bundle and the embedded database's migrated template once at install, so that `npm start` on
// a fresh clone starts the server at once (issue 11 point 20). A failed build does not fail the
// install: `npm start` rebuilds the web UI and the bundle and says why; a first start migrates.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebIfNeeded } from './lib/web-build.mjs';
import { bundleServer } from './lib/server-bundle.mjs';
import { makeDatabaseTemplate } from './lib/db-template.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Vite needs the project's Node 24 (npm puts node_modules/.bin first on PATH, but say so if it did not).
if (Number(process.versions.node.split('.')[0]) < 24) {
  const node24 = join(root, 'node_modules/.bin/node');
  if (existsSync(node24)) process.exit(spawnSync(node24, [fileURLToPath(import.meta.url)], { stdio: 'inherit' }).status ?? 0);
  console.warn('警告 warning: Node 24 is not installed yet; the web UI will be built by `npm start`.');
  process.exit(0);
}
await bundleServer(root);
makeDatabaseTemplate(root);
if (process.env.YUNWEI_SKIP_WEB_BUILD === '1') process.exit(0);
if (!buildWebIfNeeded(root)) console.warn('警告 warning: the web UI did not build at install; `npm start` will try again.');
