// The registry this site runs: the kernel's manifest, then the module list (src/server/modules/index.ts).
import type { Database, ModuleMigrations } from './kernel/db/client.ts';
import { ensureSeries } from './kernel/timeseries/ensure.ts';
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

/** Creates (or completes) every module's time series; idempotent, safe from several nodes at once. */
export async function ensureAllSeries(database: Database, registry: Registry): Promise<void> {
  for (const def of registry.series) await ensureSeries(database, def);
}
