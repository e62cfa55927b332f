// One round of a collector driven by hand, as the kernel's runtime runs it (targets, polls, then the
// sink's writes, each batch in one transaction): the monitoring tests and the SNMP benchmark.
import { inTx, type Ctx } from '../../../kernel/context.ts';
import { DEFAULT_LISTEN, type CollectorContext, type CollectorDef } from '../../../kernel/collectors/types.ts';

export interface RoundOptions {
  /** Polls at once (default: all); the runtime uses the collector's `concurrency`. */
  concurrency?: number;
  /** Rows per write (default: all in one); the runtime uses the sink's `batchSize`. */
  batchSize?: number;
  /** The node this round runs on (default 'test'). */
  nodeId?: string;
}

/** One round of a collector on this node: every due target polled, the rows written; answers how many targets. */
export async function round<Row, Target>(ctx: Ctx, def: CollectorDef<Row, Target>, o: RoundOptions = {}): Promise<number> {
  const nodeId = o.nodeId ?? 'test';
  const targets = await def.targets!(ctx, nodeId);
  const rows: Row[] = [];
  const c: CollectorContext<Row> = {
    nodeId,
    listen: DEFAULT_LISTEN,
    log: ctx.log,
    now: ctx.now,
    keys: ctx.keys,
    db: ctx.db,
    signal: new AbortController().signal,
    emit: async (r) => void rows.push(...r),
    flushed: async () => undefined,
    paused: () => false,
    resumed: async () => undefined,
  };
  const width = o.concurrency ?? targets.length;
  let next = 0;
  const worker = async () => {
    while (next < targets.length) await def.poll!(c, targets[next++]!.target);
  };
  await Promise.all(Array.from({ length: Math.min(width, targets.length) }, worker));
  const size = o.batchSize ?? rows.length;
  for (let i = 0; i < rows.length; i += size) await inTx(ctx, (tx) => def.sink.write(tx, rows.slice(i, i + size)));
  return targets.length;
}
