// A migrated PGlite data directory, dumped once and loaded by every test database after it: creating
// an empty cluster (initdb inside WebAssembly) and migrating it takes about 3 s, loading the dump
// under 1 s, and the PGlite test run creates a database per test file. The dump is keyed by the
// content of every migration it applied, so a changed or added migration makes a new one; it lives
// in the temp directory and is written atomically (parallel test workers may race to make it).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_DIR, openDatabase, type ModuleMigrations } from '../kernel/db/client.ts';

const inMemory = new Map<string, Blob>();

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

/** The dump of a database migrated with the kernel's and these modules' migrations. */
export async function migratedSnapshot(modules: readonly ModuleMigrations[]): Promise<Blob> {
  const key = migrationsKey(modules);
  const cached = inMemory.get(key);
  if (cached) return cached;
  const file = join(tmpdir(), `yunwei-pglite-${key}.tar`);
  let blob: Blob;
  if (existsSync(file)) blob = new Blob([readFileSync(file)]);
  else {
    const database = await openDatabase({ url: null, pgliteDir: null });
    try {
      await database.migrate(modules);
      blob = await database.pglite!.dumpDataDir('none');
    } finally {
      await database.close();
    }
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, Buffer.from(await blob.arrayBuffer()));
    renameSync(part, file);
    forgetStale(file);
  }
  inMemory.set(key, blob);
  return blob;
}

/** Dumps of migrations that changed since (a developer's machine makes one per change): an hour old and gone. */
function forgetStale(keep: string): void {
  const dir = tmpdir();
  for (const name of readdirSync(dir).filter((n) => /^yunwei-pglite-[0-9a-f]+\.tar$/.test(n))) {
    const path = join(dir, name);
    if (path !== keep && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { force: true });
  }
}
