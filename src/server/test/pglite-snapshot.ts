// A migrated PGlite data directory, dumped once and loaded by every test database after it: creating
// an empty cluster (initdb inside WebAssembly) and migrating it takes about 3 s, loading the dump
// under 1 s, and the PGlite test run creates a database per test file. The dump is keyed by the
// content of every migration it applied, so a changed or added migration makes a new one; it lives
// in the temp directory and is written atomically (parallel test workers may race to make it).
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModuleMigrations } from '../kernel/db/client.ts';
import { dumpMigrated, migrationsKey } from '../kernel/db/template.ts';

export { migrationsKey };

const inMemory = new Map<string, Blob>();

/** The dump of a database migrated with the kernel's and these modules' migrations. */
export async function migratedSnapshot(modules: readonly ModuleMigrations[]): Promise<Blob> {
  const key = migrationsKey(modules);
  const cached = inMemory.get(key);
  if (cached) return cached;
  const file = join(tmpdir(), `yunwei-pglite-${key}.tar`);
  let blob: Blob;
  if (existsSync(file)) blob = new Blob([readFileSync(file)]);
  else {
    blob = await dumpMigrated(modules);
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
