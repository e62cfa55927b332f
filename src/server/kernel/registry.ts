// The registry: the module list sorted by `dependsOn` and every contribution gathered and checked once,
// at start, before anything runs (STYLE.md, "Plugging modules in"). A mistake in a manifest — a
// duplicate id, an unknown or circular dependency, a permission declared twice, a grant to a role that
// does not exist — stops the start with a message naming the module, instead of surfacing later as a
// 403 nobody can explain.
import type { NotifyEventDef } from '../../common/notify.ts';
import type { JobDef } from './jobs.ts';
import { seriesMaintenanceJob } from './timeseries/maintain.ts';
import type { SeriesDef } from './timeseries/define.ts';
import type { EvidenceProvider, ModuleManifest, PermissionDef, RoleDef, SearchProvider, TodoProvider } from './module.ts';

export class ManifestError extends Error {
  constructor(message: string) {
    super(`模块清单错误 module manifest error: ${message}`);
    this.name = 'ManifestError';
  }
}

export interface Registry {
  /** In dependency order: a module comes after every module it depends on. */
  modules: readonly ModuleManifest[];
  permissions: ReadonlyMap<string, PermissionDef & { module: string }>;
  roles: readonly RoleDef[];
  events: ReadonlyMap<string, NotifyEventDef & { module: string }>;
  jobs: readonly (JobDef & { module: string })[];
  /** Every module's time series (kernel/timeseries), created at start and kept by the kernel's hourly job. */
  series: readonly SeriesDef[];
  search: readonly (SearchProvider & { module: string })[];
  /** The home page's to-do sections, in page order. */
  todos: readonly (TodoProvider & { module: string })[];
  evidence: ReadonlyMap<string, EvidenceProvider & { module: string }>;
  /** The manifest of one module; throws for an id that is not in the list. */
  module(id: string): ModuleManifest;
}

const ID = /^[a-z][a-z0-9_]{1,31}$/;

/**
 * Orders the modules so that each follows its dependencies; among those ready, the one earlier in the
 * list goes first, so the result is stable and import order never matters (Backstage #16554).
 */
export function orderModules(list: readonly ModuleManifest[]): ModuleManifest[] {
  const byId = new Map<string, ModuleManifest>();
  for (const m of list) {
    if (!ID.test(m.id)) throw new ManifestError(`模块标识 "${m.id}" 无效（小写字母开头，2–32 位小写字母、数字、下划线）`);
    if (byId.has(m.id)) throw new ManifestError(`模块 "${m.id}" 重复出现`);
    byId.set(m.id, m);
  }
  for (const m of list)
    for (const d of m.dependsOn ?? []) if (!byId.has(d)) throw new ManifestError(`模块 "${m.id}" 依赖的模块 "${d}" 不在模块列表中`);
  const out: ModuleManifest[] = [];
  const placed = new Set<string>();
  const waiting = [...list];
  while (waiting.length) {
    const i = waiting.findIndex((m) => (m.dependsOn ?? []).every((d) => placed.has(d)));
    if (i < 0) throw new ManifestError(`模块之间存在循环依赖：${cycleIn(waiting, byId).join(' → ')}`);
    const [m] = waiting.splice(i, 1);
    out.push(m!);
    placed.add(m!.id);
  }
  return out;
}

/** One cycle among modules none of which could be placed, for the message: a → b → … → a. */
function cycleIn(waiting: ModuleManifest[], byId: Map<string, ModuleManifest>): string[] {
  const path: string[] = [];
  let m = waiting[0]!;
  while (!path.includes(m.id)) {
    path.push(m.id);
    const next = (m.dependsOn ?? []).find((d) => waiting.some((w) => w.id === d))!;
    m = byId.get(next)!;
  }
  return [...path.slice(path.indexOf(m.id)), m.id];
}

function collect<T>(
  modules: readonly ModuleManifest[],
  what: string,
  pick: (m: ModuleManifest) => Iterable<[string, T]>,
): Map<string, T & { module: string }> {
  const out = new Map<string, T & { module: string }>();
  for (const m of modules)
    for (const [key, v] of pick(m)) {
      const prior = out.get(key);
      if (prior) throw new ManifestError(`${what} "${key}" 由模块 "${prior.module}" 和 "${m.id}" 重复声明`);
      out.set(key, { ...v, module: m.id });
    }
  return out;
}

/** Builds and checks the registry of a module list (the kernel's own manifest first). */
export function buildRegistry(list: readonly ModuleManifest[]): Registry {
  const modules = orderModules(list);
  const roleList: RoleDef[] = [];
  const roleIds = collect(modules, '角色', (m) => (m.roles ?? []).map((r) => [r.code, r] as [string, RoleDef]));
  for (const r of roleIds.values()) {
    const { module: _m, ...role } = r;
    roleList.push(role);
  }
  const permissions = collect(modules, '权限', (m) => Object.entries(m.permissions ?? {}));
  for (const [code, p] of permissions) {
    if (!code.includes('.')) throw new ManifestError(`权限 "${code}"（模块 "${p.module}"）应形如 "模块.动作"`);
    for (const g of p.grants ?? [])
      if (!roleIds.has(g)) throw new ManifestError(`模块 "${p.module}" 把权限 "${code}" 授予了不存在的角色 "${g}"`);
  }
  const events = collect(modules, '通知事件', (m) => Object.entries(m.events ?? {}));
  collect(modules, '时序表', (m) => (m.series ?? []).map((d) => [d.name, { name: d.name }] as [string, { name: string }]));
  const seriesList = modules.flatMap((m) => m.series ?? []);
  // The kernel keeps every series on one hourly job, declared only when some module has a series.
  const kernelJobs: JobDef[] = seriesList.length ? [seriesMaintenanceJob(seriesList)] : [];
  const jobs = collect([...modules, { id: 'kernel', name: { zh: '', en: '' }, jobs: kernelJobs }], '定时任务', (m) =>
    (m.jobs ?? []).map((j) => [j.name, j] as [string, JobDef]),
  );
  collect(modules, '采集器', (m) => (m.collectors ?? []).map((c) => [c.id, { id: c.id }] as [string, { id: string }]));
  const search = collect(modules, '搜索来源', (m) => (m.search ?? []).map((s) => [s.id, s] as [string, SearchProvider]));
  const todos = collect(modules, '待办', (m) => (m.todos ?? []).map((t) => [t.id, t] as [string, TodoProvider]));
  for (const t of todos.values()) {
    for (const r of t.roles ?? [])
      if (!roleIds.has(r)) throw new ManifestError(`模块 "${t.module}" 的待办 "${t.id}" 指向不存在的角色 "${r}"`);
    for (const p of t.access.split('|'))
      if (p !== 'user' && !permissions.has(p)) throw new ManifestError(`模块 "${t.module}" 的待办 "${t.id}" 需要未声明的权限 "${p}"`);
  }
  const evidence = collect(modules, '证据', (m) => (m.evidence ?? []).map((e) => [e.id, e] as [string, EvidenceProvider]));
  const byId = new Map(modules.map((m) => [m.id, m]));
  return {
    modules,
    permissions,
    roles: roleList,
    events,
    jobs: [...jobs.values()],
    series: seriesList,
    search: [...search.values()],
    todos: [...todos.values()].sort((a, b) => a.order - b.order),
    evidence,
    module(id) {
      const m = byId.get(id);
      if (!m) throw new ManifestError(`模块 "${id}" 不在模块列表中`);
      return m;
    },
  };
}

/** The permissions a built-in role holds by default, from every module's grants (the role editor's seed). */
export function defaultGrants(registry: Registry, role: string): string[] {
  return [...registry.permissions].filter(([, p]) => p.grants?.includes(role)).map(([code]) => code);
}
