// One node of the product: the roles its config names, over one database. main.ts starts one per
// process; tests start several in one process to prove how they share work (collectors, jobs).
//   api        the HTTP API and the web app
//   worker     scheduled jobs and the notification outbox
//   collector  the modules' listeners and pollers (kernel/collectors)
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import { bootstrap, type BootstrapResult } from './bootstrap.ts';
import { startCollectors } from './kernel/collectors/runtime.ts';
import type { CollectorRuntime } from './kernel/collectors/types.ts';
import type { Config } from './kernel/config.ts';
import { SYSTEM_ACTOR, type Ctx } from './kernel/context.ts';
import { keyring } from './kernel/crypto.ts';
import type { Database } from './kernel/db/client.ts';
import { NODE_ID, startJobs, type JobRunner } from './kernel/jobs.ts';
import { startOutbox, type OutboxLoop } from './kernel/notify/outbox.ts';
import { closePdfBrowser } from './kernel/office/pdf.ts';
import type { Registry } from './kernel/registry.ts';
import { ensureAllSeries, moduleMigrations, registryOf } from './site.ts';

export interface RunningNode {
  app: FastifyInstance | null;
  boot: BootstrapResult;
  collectors: CollectorRuntime | null;
  /** Stops what the node started, last started first; the database stays open (its owner closes it). */
  stop(): Promise<void>;
}

export async function startNode(o: {
  config: Config;
  database: Database;
  log: Logger;
  registry?: Registry;
  /** Several nodes in one process (tests) need ids of their own. */
  nodeId?: string;
}): Promise<RunningNode> {
  const { config, database, log } = o;
  const registry = o.registry ?? registryOf();
  // How long each step of the start took: one log line, so a slow start names its step.
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    const t = performance.now();
    phases[name] = Math.round(t - mark);
    mark = t;
  };
  await database.migrate(moduleMigrations(registry));
  phase('migrate');
  await ensureAllSeries(database, registry);
  phase('series');
  const keys = keyring(config.secretKey);
  const ctx: Ctx = { db: database.db, actor: SYSTEM_ACTOR, ip: null, requestId: 'bootstrap', now: () => new Date(), log, keys };
  const boot = await bootstrap(ctx, config, registry);
  phase('bootstrap');

  const roles = config.roles;
  // The API answers first: jobs, the outbox and the collectors start once it listens, so a restart is
  // "healthy" sooner. Health stays truthful meanwhile: it reports the collectors the database knows
  // live (none yet, or "starting"), and nothing the API serves needs a job runner in this process.
  const app = roles.has('api')
    ? await buildApp({
        database,
        registry,
        secretKey: config.secretKey,
        uploadMaxMb: config.uploadMaxMb,
        logger: log.child({ c: 'http' }),
        // Behind HTTPS (the public URL says so): Secure cookies and HSTS (issue 11 point 7).
        secureCookies: config.publicUrl.startsWith('https:'),
      })
    : null;
  phase('app');
  if (app) await app.listen({ host: config.host, port: config.port });
  phase('listen');

  let jobs: JobRunner | null = null;
  let outbox: OutboxLoop | null = null;
  let collectors: CollectorRuntime | null = null;
  try {
    jobs =
      roles.has('worker') || roles.has('api')
        ? await startJobs(database, { log, keys, url: config.databaseUrl }, registry, { work: roles.has('worker') })
        : null;
    phase('jobs');
    // E-mail and chat-robot delivery of notifications, on worker nodes (kernel/notify/outbox).
    outbox = roles.has('worker')
      ? startOutbox({ ...ctx, requestId: 'outbox', log: log.child({ c: 'outbox' }) }, { publicUrl: config.publicUrl })
      : null;
    collectors = roles.has('collector')
      ? await startCollectors({
          database,
          nodeId: o.nodeId ?? NODE_ID,
          log: log.child({ c: 'collectors' }),
          keys,
          listen: { host: config.host, snmpTrapPort: config.snmpTrapPort },
          site: { dataDir: config.dataDir, syslog: config.syslog, spool: config.spool },
          defs: registry.modules.flatMap((m) => [...(m.collectors ?? [])]),
        })
      : null;
    phase('collectors');
  } catch (e) {
    // A node that cannot run its roles does not keep serving half of them.
    await app?.close().catch(() => undefined);
    await outbox?.stop().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    throw e;
  }
  log.info({ startupMs: phases }, 'node started');

  return {
    app,
    boot,
    collectors,
    async stop() {
      await app?.close().catch(() => undefined);
      // The shared Chromium of PDF printing (kernel/office/pdf.ts), if a print launched it.
      await closePdfBrowser();
      // Collectors drain (their accepted rows are committed) before the database goes.
      await collectors?.stop().catch((err: unknown) => log.error({ err }, 'collectors did not stop cleanly'));
      await outbox?.stop().catch(() => undefined);
      await jobs?.stop().catch(() => undefined);
    },
  };
}
