// The kernel's collector runtime (issue 10, point 2): runs the collectors modules declare, in processes
// with the `collector` role (and in the single embedded process). startCollectors() joins the node
// membership, starts every collector and returns health() and a draining stop(). See docs/collectors.md.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Invalid } from '../errors.ts';
import { Membership } from './leases.ts';
import { Runner } from './runner.ts';
import { DEFAULTS, DEFAULT_LISTEN, type CollectorDef, type CollectorRuntime, type StartCollectorsOptions } from './types.ts';

export type * from './types.ts';
export { collectorHealth, type CollectorNodeHealth } from './health.ts';

function check(defs: CollectorDef[]): void {
  const seen = new Set<string>();
  for (const d of defs) {
    const bad = (why: string) => new Invalid('collector.invalid', `采集器 ${d.id} 定义有误：${why}`);
    if (!/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9._-]*$/.test(d.id)) throw bad('id 应为“模块.名称” (module.name)');
    if (seen.has(d.id)) throw bad('id 重复 (duplicate id)');
    seen.add(d.id);
    if (d.kind === 'poller' && (!d.poll || !d.intervalMs || d.intervalMs <= 0)) throw bad('轮询器需要 poll 和 intervalMs');
    if (d.kind === 'listener' && !d.start) throw bad('监听器需要 start');
  }
}

export async function startCollectors(opts: StartCollectorsOptions): Promise<CollectorRuntime> {
  check(opts.defs);
  const leaseMs = opts.leaseMs ?? DEFAULTS.leaseMs;
  const shards = opts.shards ?? DEFAULTS.shards;
  const drainMs = opts.drainMs ?? DEFAULTS.drainMs;
  const now = opts.now ?? (() => new Date());
  const log = opts.log.child({ c: 'collectors' });
  const stopCtl = new AbortController();
  const shardsOf = (d: CollectorDef) => (d.kind === 'poller' && d.targets ? shards : 1);
  const runners: Runner[] = [];
  const membership = new Membership({
    database: opts.database,
    nodeId: opts.nodeId,
    leaseMs,
    log,
    collectors: opts.defs.filter((d) => d.scope === 'global').map((d) => ({ id: d.id, shards: shardsOf(d) })),
    health: () => runners.map((r) => r.health(opts.nodeId)),
    onChange: () => runners.forEach((r) => r.sync()),
  });
  const site = opts.site ?? { dataDir: resolve('data'), syslog: { host: '127.0.0.1', port: 5514 } };
  const base = { nodeId: opts.nodeId, site, now, keys: opts.keys, db: opts.database.db, listen: opts.listen ?? DEFAULT_LISTEN };
  for (const def of opts.defs) {
    runners.push(
      new Runner(def, {
        base,
        log,
        membership,
        shards: shardsOf(def),
        retryMs: opts.retryMs ?? DEFAULTS.retryMs,
        stopping: stopCtl.signal,
      }),
    );
  }
  // Join first, so global work starts on the shards this node holds and not before.
  await membership.start();
  for (const r of runners) r.start();
  await Promise.all(runners.map((r) => r.firstAttempt));
  await membership.publish();
  log.info({ node: opts.nodeId, collectors: opts.defs.map((d) => d.id) }, 'collectors started');

  let stopped: Promise<void> | null = null;
  const stop = async (): Promise<void> => {
    const deadline = performance.now() + drainMs;
    const left = () => Math.max(0, deadline - performance.now());
    stopCtl.abort(new Error('collectors stopping'));
    // Listeners stop and polls end (they may still emit), then leases go back at once so other nodes
    // take over global work while this one writes its last rows.
    const settled = await Promise.race([
      Promise.all(runners.map((r) => r.settle())).then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), left()).unref()),
    ]);
    if (!settled) log.error({ waitedMs: drainMs }, 'collectors did not stop in time; writing what they emitted');
    await membership.releaseAll().catch((e: unknown) => log.warn({ err: e }, 'collector leases not released; they expire'));
    const unwritten = await Promise.all(runners.map((r) => r.writer.drain(left())));
    runners.forEach((r, i) => {
      const left = unwritten[i]!;
      // Rows left in a spool are on disk and written at the next start: nothing is lost.
      r.final = left > 0 && !r.writer.durable ? 'failed' : 'stopped';
      if (left > 0 && r.writer.durable)
        log.warn({ collector: r.def.id, rows: left }, 'collector rows left in the spool for the next start');
      else if (left > 0) log.error({ collector: r.def.id, rows: left, waitedMs: drainMs }, 'collector rows not written at shutdown');
    });
    await membership.leave().catch((e: unknown) => log.warn({ err: e }, 'collector node not removed; it ages out'));
    log.info({ node: opts.nodeId }, 'collectors stopped');
  };
  return {
    health: () => runners.map((r) => r.health(opts.nodeId)),
    stop: () => (stopped ??= stop()),
  };
}
