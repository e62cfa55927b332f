// The embedded database's first start without initdb and migrations: `npm ci` (scripts/prepare.mjs)
// creates an empty PGlite cluster, applies every migration and dumps it to dist/pgdata-template/<key>.tar;
// a first start on an empty data directory loads that dump instead (initdb inside WebAssembly plus
// the migrations are most of a first start before the demo). The key covers the content of every
// migration, so a changed or added migration makes the dump unused (the start creates and migrates
// as before) until the next install or `npm run prepare`. Migrations run at every start anyway: a
// database loaded from the dump finds them applied.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS_DIR, openDatabase, type ModuleMigrations } from './client.ts';

export const TEMPLATE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../dist/pgdata-template');

/** A key of every migration's content: a changed or added migration makes a new one. */
export function migrationsKey(modules: readonly ModuleMigrations[]): string {
  const h = createHash('sha256');
  for (const [id, folder] of [['kernel', MIGRATIONS_DIR] as const, ...modules.map((m) => [m.id, m.folder] as const)]) {
    h.update(`\0${id}\0`);
    const journal = join(folder, 'meta/_journal.json');
    if (existsSync(journal)) h.update(readFileSync(journal));
    for (const f of readdirSync(folder)
      .filter((n) => n.endsWith('.sql'))
      .sort())
      h.update(f).update(readFileSync(join(folder, f)));
  }
  return h.digest('hex').slice(0, 24);
}

/**
 * The dump to start an empty PGlite data directory from: null when the directory already holds a
 * cluster, or no dump of these migrations exists.
 */
export function templateFor(pgdata: string, modules: readonly ModuleMigrations[], dir = TEMPLATE_DIR): Blob | null {
  if (existsSync(pgdata) && readdirSync(pgdata).length > 0) return null;
  const file = join(dir, `${migrationsKey(modules)}.tar`);
  return existsSync(file) ? new Blob([readFileSync(file)], { type: 'application/x-tar' }) : null;
}

/** A new in-memory cluster with the kernel's and these modules' migrations applied, dumped (tar). */
export async function dumpMigrated(modules: readonly ModuleMigrations[]): Promise<Blob> {
  const database = await openDatabase({ url: null, pgliteDir: null });
  try {
    await database.migrate(modules);
    return await database.pglite!.dumpDataDir('none');
  } finally {
    await database.close();
  }
}

/** Creates the dump of these migrations (written atomically) and removes older ones; returns its path. */
export async function makeTemplate(modules: readonly ModuleMigrations[], dir = TEMPLATE_DIR): Promise<string> {
  const file = join(dir, `${migrationsKey(modules)}.tar`);
  const blob = await dumpMigrated(modules);
  mkdirSync(dir, { recursive: true });
  const part = `${file}.${process.pid}.part`;
  writeFileSync(part, Buffer.from(await blob.arrayBuffer()));
  renameSync(part, file);
  for (const name of readdirSync(dir)) if (join(dir, name) !== file && !name.endsWith('.part')) rmSync(join(dir, name), { force: true });
  return file;
}
