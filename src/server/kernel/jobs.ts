// Background jobs. A `global` job runs on pg-boss in the same database (PGlite through fromPglite): each
// cron occurrence runs once across all worker nodes, pg-boss's own locking decides which node takes it.
// A `local` job runs on every worker node on its own timer (work about the node itself: its caches,
// its spool). Every job declares which it is (Backstage's scheduler scope; Strapi ran cron on every
// instance, #15634).
import { hostname } from 'node:os';
import { PgBoss, fromPglite } from 'pg-boss';
import { eq, lt } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from './db/client.ts';
import { jobRuns, sessions } from './db/tables.ts';
import { SYSTEM_ACTOR, type Ctx } from './context.ts';
import type { Keyring } from './crypto.ts';
import type { Registry } from './registry.ts';

/** What a job gets besides its context: the site's registry, to reach other modules' evidence providers. */
export interface JobEnv {
  registry: Registry;
}
interface JobBase {
  name: string;
  handler: (ctx: Ctx, data: unknown, env: JobEnv) => Promise<void>;
}
/** Once across all nodes: on a cron schedule in Asia/Shanghai, or only when sent (no cron). */
export interface GlobalJob extends JobBase {
  scope: 'global';
  cron?: string;
}
/** On every worker node, every `everyMs` milliseconds. */
export interface LocalJob extends JobBase {
  scope: 'local';
  everyMs: number;
}
export type JobDef = GlobalJob | LocalJob;

export const NODE_ID = `${hostname()}:${process.pid}`;

export interface JobRunner {
  boss: PgBoss;
  send(name: string, data?: object): Promise<string | null>;
  stop(): Promise<void>;
}

/** The kernel's own scheduled work. */
export const kernelJobs: JobDef[] = [
  {
    // Every minute: proves the scheduler runs (once per minute across nodes) and trims old runs.
    name: 'kernel-heartbeat',
    scope: 'global',
    cron: '* * * * *',
    handler: async (ctx) => {
      await ctx.db.delete(jobRuns).where(lt(jobRuns.startedAt, new Date(ctx.now().getTime() - 7 * 86_400_000)));
    },
  },
  {
    // Hourly: sessions that ended more than 30 days ago are deleted (their audit records stay).
    name: 'kernel-session-cleanup',
    scope: 'global',
    cron: '17 * * * *',
    handler: async (ctx) => {
      await ctx.db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(ctx.now().getTime() - 30 * 86_400_000)));
    },
  },
];

/** Scheduled jobs follow the agency's clock (China time). */
const JOB_TZ = 'Asia/Shanghai';
const WORK_POLL_SECONDS = 10;

export async function startJobs(
  database: Database,
  deps: { log: Logger; keys: Keyring; now?: () => Date; url: string | null },
  registry: Registry,
  opts: { work: boolean },
): Promise<JobRunner> {
  const defs: readonly JobDef[] = registry.jobs;
  const env: JobEnv = { registry };
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', schema: 'pgboss' })
      : new PgBoss({ connectionString: deps.url!, schema: 'pgboss', max: 4 });
  boss.on('error', (err: unknown) => deps.log.error({ err }, 'job queue error'));
  await boss.start();
  const now = deps.now ?? (() => new Date());
  /** One run of a job: its own context, and a row in job_runs with how it ended. */
  const run = async (d: JobDef, requestId: string, data: unknown) => {
    const ctx: Ctx = { db: database.db, actor: SYSTEM_ACTOR, ip: null, requestId, now, log: deps.log, keys: deps.keys };
    const [row] = await database.db.insert(jobRuns).values({ job: d.name, node: NODE_ID, startedAt: now() }).returning({ id: jobRuns.id });
    try {
      await d.handler(ctx, data, env);
      if (row) await database.db.update(jobRuns).set({ finishedAt: now(), ok: true }).where(eq(jobRuns.id, row.id));
    } catch (e) {
      if (row)
        await database.db
          .update(jobRuns)
          .set({ finishedAt: now(), ok: false, error: String(e).slice(0, 2000) })
          .where(eq(jobRuns.id, row.id));
      throw e;
    }
  };

  const global = defs.filter((d): d is GlobalJob => d.scope === 'global');
  // A job whose module left the list keeps its queue (and its history) but is no longer scheduled.
  const names = new Set(global.map((d) => d.name));
  const schedules = await boss.getSchedules();
  for (const s of schedules) if (!names.has(s.name)) await boss.unschedule(s.name, s.key);
  // A start after the first finds its queues and schedules in place: only what is new or changed is
  // written (each createQueue and schedule is a round of statements, and there are dozens of jobs).
  const queues = new Set((await boss.getQueues()).map((q) => q.name));
  for (const d of global) {
    if (!queues.has(d.name)) await boss.createQueue(d.name);
    const current = schedules.find((s) => s.name === d.name && s.key === '');
    if (d.cron && (current?.cron !== d.cron || current.timezone !== JOB_TZ)) await boss.schedule(d.name, d.cron, null, { tz: JOB_TZ });
    if (!d.cron && current) await boss.unschedule(d.name, '');
    if (!opts.work) continue;
    // Jobs here run on schedules of a minute or more and nothing sends one ad hoc: a fetch every
    // 10 s (pg-boss polls every 2 s by default, one query per queue) is soon enough and keeps an idle
    // embedded server quiet.
    await boss.work(d.name, { pollingIntervalSeconds: WORK_POLL_SECONDS }, async (jobs) => {
      for (const job of jobs) await run(d, `job:${job.id}`, job.data);
    });
  }

  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  if (opts.work)
    for (const d of defs) {
      if (d.scope !== 'local') continue;
      let busy = false; // a slow run is not overlapped by the next tick
      const tick = () => {
        if (busy) return;
        busy = true;
        const p = run(d, `local:${d.name}`, null)
          .catch((err: unknown) => deps.log.error({ err, job: d.name }, 'local job failed'))
          .finally(() => {
            busy = false;
            running.delete(p);
          });
        running.add(p);
      };
      timers.push(setInterval(tick, d.everyMs));
    }
  return {
    boss,
    send: (name, data) => boss.send(name, data ?? null),
    stop: async () => {
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running]);
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
