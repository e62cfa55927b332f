// The module manifest: everything the kernel needs from a module, declared once as plain data before
// anything runs (docs/modules.md, docs/decisions/0007). The kernel sorts the list by `dependsOn`,
// refuses duplicate ids and cycles, registers every contribution, and only then starts jobs and
// collectors in the processes whose roles run them. Removing a module from the list never drops its
// data or its grants: the kernel only stops offering what the module declared.
import type { FastifyInstance } from 'fastify';
import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { z, type ZodType } from 'zod';
import type { NotifyEventDef } from '../../common/notify.ts';
import type { AdminKind } from '../../common/permissions.ts';
import type { CollectorDef } from './collectors/types.ts';
import type { Ctx } from './context.ts';
import type { JobDef } from './jobs.ts';
import type { Registry } from './registry.ts';
import type { SeriesDef } from './timeseries/define.ts';

export type Bilingual = { zh: string; en: string };

/** A permission a module introduces, and the built-in roles that hold it by default. */
export interface PermissionDef extends Bilingual {
  /** Which screen of the role editor lists it (usually the module id). */
  group: string;
  /** Built-in role codes granted this permission when it first appears (never re-granted once removed). */
  grants?: readonly string[];
}

/** A built-in role. The kernel declares the contract's roles; a module may add its own. */
export interface RoleDef {
  code: string;
  nameZh: string;
  nameEn: string;
  description: string;
  adminKind: AdminKind | null;
}

/** What a route plugin receives besides the Fastify scope: the registry, for kernel-wide lists. */
export interface ModuleDeps {
  registry: Registry;
  /** Cookies marked Secure (the public URL is https). */
  secureCookies: boolean;
}
export type RoutePlugin = (app: FastifyInstance, deps: ModuleDeps) => Promise<void>;

/** The context a demo loader gets: the demo accounts' password and the day the demo is loaded. */
export interface DemoEnv {
  password: string;
  today: string;
  /** The site's registry: a demo that reads other modules' evidence (reports, assessment) takes it from here. */
  registry: Registry;
}
export interface DemoResult {
  /** Accounts the loader created, printed at start so anyone can try every role. */
  accounts?: string[];
}

/** One hit of the global search box. `url` is a path inside the product. */
export interface SearchHit {
  title: string;
  subtitle?: string;
  url: string;
}
export interface SearchProvider {
  id: string;
  label: Bilingual;
  /** Who may see these hits: a permission, several joined by '|', or 'user'. */
  access: string;
  search(ctx: Ctx, q: string, limit: number): Promise<SearchHit[]>;
}

/** One entry of a home-page to-do section. `url` is a path inside the product. */
export interface TodoItem {
  title: string;
  subtitle?: string;
  /** When it is due (ISO instant), if it has a deadline. */
  due?: string | null;
  /** When it happened or was filed (ISO instant), for items without a deadline. */
  at?: string;
  /** How urgent: 'breached' past due, 'warning' close to it; omitted: ordinary. */
  risk?: 'warning' | 'breached';
  /** A short state label (状态), e.g. 待确认. */
  tag?: string;
  url: string;
}
export interface TodoSection {
  /** How many there are in all (the items are only the first few). */
  count: number;
  items: TodoItem[];
}
/**
 * A section of the signed-in user's to-do list on the home page (issue 11 point 10): what waits for
 * them in a module, read with the user's own scope (service lines, party), in one statement (the
 * rows carry their total: `totalOver()` and `countedSection` in kernel/todos.ts).
 */
export interface TodoProvider {
  id: string;
  title: Bilingual;
  /** Who may see the section: a permission, several joined by '|', or 'user'. */
  access: string;
  /**
   * The built-in roles whose work this is (omitted: anyone with `access`). Permissions say what a
   * user may see; this says whose to-do it is, so a duty operator is not shown an engineer's queue.
   */
  roles?: readonly string[];
  /** Position on the page, smaller first. */
  order: number;
  /** The full list behind the section (a web route), if there is one. */
  url?: string;
  /** Shown when the count is 0. */
  empty?: Bilingual;
  read(ctx: Ctx, limit: number): Promise<TodoSection>;
}

/**
 * A named, typed read the reports and the assessment call to prove an obligation from what happened
 * (ARCHITECTURE.md principle 4). Parameters are validated with `params` before `read` runs.
 */
export interface EvidenceProvider<P extends ZodType = ZodType, R = unknown> {
  id: string;
  title: Bilingual;
  /** The requirement ids this evidence speaks to, e.g. ['R-SD-02']. */
  requirements: readonly string[];
  params: P;
  read(ctx: Ctx, params: z.output<P>): Promise<R>;
}

/** A confidential purge request (R-CON-15, 安全保密协议): what to clear, and whether only to count. */
export interface PurgeRequest {
  /** Records closed or created before this instant. */
  before: Date;
  dryRun: boolean;
}
export interface PurgeReport {
  module: string;
  /** What was (or would be) removed, by kind. */
  counts: Record<string, number>;
}

export interface ModuleManifest {
  /** Short, lower-case, unique: used in permission groups, job and collector names, migration tables. */
  id: string;
  name: Bilingual;
  /** One line for the sign-in page and the README: what the module lets people do (only what exists). */
  summary?: Bilingual;
  dependsOn?: readonly string[];
  /**
   * A folder of drizzle-kit migrations applied after the kernel's, with a journal table of the module's
   * own. Modules of the first release share the kernel's baseline stream (`migrations/`) and leave it out.
   */
  migrations?: string;
  permissions?: Readonly<Record<string, PermissionDef>>;
  roles?: readonly RoleDef[];
  events?: Readonly<Record<string, NotifyEventDef>>;
  routes?: readonly RoutePlugin[];
  jobs?: readonly JobDef[];
  /** Listeners and pollers run by the kernel's collector runtime in processes with the collector role. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a module's collectors have row types of their own
  collectors?: readonly CollectorDef<any, any>[];
  /** Append-only measurement and event tables (kernel/timeseries): created at start, kept by a kernel job. */
  series?: readonly SeriesDef[];
  /** Reference data present on every site (idempotent; runs at every start under the bootstrap lock). */
  seed?: (ctx: Ctx) => Promise<void>;
  /** Demo data: runs once per database, in dependency order, when the demo is enabled. */
  demo?: (ctx: Ctx, env: DemoEnv) => Promise<DemoResult | void>;
  search?: readonly SearchProvider[];
  /** Sections of the home page's to-do list (GET /api/home), each shown to the users it concerns. */
  todos?: readonly TodoProvider[];
  /** The tables a complete export hands over (the module's own data, nothing else). */
  exportTables?: readonly PgTable[];
  purge?: (ctx: Ctx, req: PurgeRequest) => Promise<PurgeReport>;
  /** The read functions other modules may call (the module's api.ts). */
  reads?: Readonly<Record<string, (...args: never[]) => unknown>>;
  evidence?: readonly EvidenceProvider[];
}

/** Declares a module; the identity function keeps the literal types for `reads` and `evidence`. */
export function defineModule<const M extends ModuleManifest>(m: M): M {
  return m;
}

/** The usual parameters of an evidence provider: a period [from, to) as ISO instants with an offset. */
export const ZEvidencePeriod = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((p) => Date.parse(p.from) < Date.parse(p.to), { message: '开始时间应早于结束时间' });

/** Declares one evidence provider with its parameter type inferred from the schema. */
export function defineEvidence<P extends ZodType, R>(e: EvidenceProvider<P, R>): EvidenceProvider<P, R> {
  return e;
}

/** The tables a module's tables.ts exports (for `exportTables: tablesIn(tables)`). */
export function tablesIn(ns: Record<string, unknown>): PgTable[] {
  return Object.values(ns).filter((t): t is PgTable => is(t, PgTable));
}
