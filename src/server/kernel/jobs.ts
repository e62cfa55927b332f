// Background jobs on pg-boss, in the same database (PGlite through fromPglite). Cron schedules run
// once across all nodes: pg-boss's own locking decides which node takes each occurrence.
import { hostname } from 'node:os';
import { PgBoss, fromPglite } from 'pg-boss';
import { eq, lt } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from './db/client.ts';
import { jobRuns, sessions } from './db/tables.ts';
import { SYSTEM_ACTOR, type Ctx } from './context.ts';
import type { Keyring } from './crypto.ts';

export interface JobDef {
  name: string;
  /** Cron in Asia/Shanghai; absent for jobs that are only sent. */
  cron?: string;
  handler: (ctx: Ctx, data: unknown) => Promise<void>;
}

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
    cron: '* * * * *',
    handler: async (ctx) => {
      await ctx.db.delete(jobRuns).where(lt(jobRuns.startedAt, new Date(ctx.now().getTime() - 7 * 86_400_000)));
    },
  },
  {
    // Hourly: sessions that ended more than 30 days ago are deleted (their audit records stay).
    name: 'kernel-session-cleanup',
    cron: '17 * * * *',
    handler: async (ctx) => {
      await ctx.db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(ctx.now().getTime() - 30 * 86_400_000)));
    },
  },
];

export async function startJobs(
  database: Database,
  deps: { log: Logger; keys: Keyring; now?: () => Date; url: string | null },
  defs: JobDef[],
  opts: { work: boolean },
): Promise<JobRunner> {
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', schema: 'pgboss' })
      : new PgBoss({ connectionString: deps.url!, schema: 'pgboss', max: 4 });
  boss.on('error', (err: unknown) => deps.log.error({ err }, 'job queue error'));
  await boss.start();
  const now = deps.now ?? (() => new Date());
  for (const d of defs) {
    await boss.createQueue(d.name);
    if (d.cron) await boss.schedule(d.name, d.cron, null, { tz: 'Asia/Shanghai' });
    if (!opts.work) continue;
    await boss.work(d.name, async (jobs) => {
      for (const job of jobs) {
        const ctx: Ctx = {
          db: database.db,
          actor: SYSTEM_ACTOR,
          ip: null,
          requestId: `job:${job.id}`,
          now,
          log: deps.log,
          keys: deps.keys,
        };
        const [run] = await database.db
          .insert(jobRuns)
          .values({ job: d.name, node: NODE_ID, startedAt: now() })
          .returning({ id: jobRuns.id });
        try {
          await d.handler(ctx, job.data);
          if (run) await database.db.update(jobRuns).set({ finishedAt: now(), ok: true }).where(eq(jobRuns.id, run.id));
        } catch (e) {
          if (run)
            await database.db
              .update(jobRuns)
              .set({ finishedAt: now(), ok: false, error: String(e).slice(0, 2000) })
              .where(eq(jobRuns.id, run.id));
          throw e;
        }
      }
    });
  }
  return {
    boss,
    send: (name, data) => boss.send(name, data ?? null),
    stop: () => boss.stop({ graceful: true, timeout: 5000 }),
  };
}
