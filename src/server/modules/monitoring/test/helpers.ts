// What the monitoring tests share: registering a device, and one round of a collector driven by hand
// (targets, polls, then the sink's write in one transaction, as the runtime does).
import { expect } from 'vitest';
import { inTx, type Ctx } from '../../../kernel/context.ts';
import { DEFAULT_LISTEN, type CollectorContext, type CollectorDef } from '../../../kernel/collectors/types.ts';
import { json, type Agent } from '../../../test/harness.ts';
import type { TMonDeviceDetail, TMonDeviceInput } from '../../../../common/monitoring.ts';
import { settleFirstPolls } from '../collectors.ts';

export const BASE = '/api/monitoring/devices';

export async function register(agent: Agent, input: Partial<TMonDeviceInput>): Promise<TMonDeviceDetail> {
  const res = await agent.post(BASE, { name: `dev-${Math.random()}`, address: '127.0.0.1', icmp: false, ...input });
  expect(res.statusCode, res.body).toBe(201);
  await settleFirstPolls();
  return json<TMonDeviceDetail>(res);
}

export const device = async (agent: Agent, id: string) => json<TMonDeviceDetail>(await agent.get(`${BASE}/${id}`));

/** One round of a collector on this node: every due target polled, the rows written as one batch. */
export async function round<Row, Target>(ctx: Ctx, def: CollectorDef<Row, Target>): Promise<number> {
  const targets = await def.targets!(ctx);
  const rows: Row[] = [];
  const c: CollectorContext<Row> = {
    nodeId: 'test',
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
  await Promise.all(targets.map((t) => def.poll!(c, t.target)));
  if (rows.length) await inTx(ctx, (tx) => def.sink.write(tx, rows));
  return targets.length;
}
