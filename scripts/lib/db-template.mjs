// The embedded database's template (src/server/kernel/db/template.ts): made at install so that a first
// start loads a migrated cluster instead of creating and migrating one.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from './runtime.mjs';

/**
 * Writes dist/pgdata-template/<key>.tar for the current migrations; false (with a warning) when it failed.
 * @param {string} root
 */
export function makeDatabaseTemplate(root) {
  const r = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, join(root, 'src/server/template-main.ts')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status === 0) return true;
  console.warn(
    `警告 warning: the database template was not made (exit ${r.status ?? r.signal}); first starts create the database instead.`,
  );
  return false;
}
