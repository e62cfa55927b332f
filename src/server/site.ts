// The registry this site runs: the kernel's manifest, then the module list (src/server/modules/index.ts).
import type { ModuleMigrations } from './kernel/db/client.ts';
import { kernelModule } from './kernel/kernel-module.ts';
import type { ModuleManifest } from './kernel/module.ts';
import { buildRegistry, type Registry } from './kernel/registry.ts';
import { modules } from './modules/index.ts';

/** The registry of a module list, the kernel first; the site's own list when none is given. */
export function registryOf(list: readonly ModuleManifest[] = modules): Registry {
  return buildRegistry([kernelModule, ...list]);
}

/** The modules' own migration folders, in dependency order (Database.migrate applies them after the kernel's). */
export function moduleMigrations(registry: Registry): ModuleMigrations[] {
  return registry.modules.flatMap((m) => (m.migrations ? [{ id: m.id, folder: m.migrations }] : []));
}
