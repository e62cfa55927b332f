// What the monitoring tests share: registering a device, and one round of a collector driven by hand
// (targets, polls, then the sink's write in one transaction, as the runtime does).
import { expect } from 'vitest';
import { json, type Agent } from '../../../test/harness.ts';
import type { TMonDeviceDetail, TMonDeviceInput } from '../../../../common/monitoring.ts';
import { settleFirstPolls } from '../collectors.ts';

export { round } from './round.ts';

export const BASE = '/api/monitoring/devices';

export async function register(agent: Agent, input: Partial<TMonDeviceInput>): Promise<TMonDeviceDetail> {
  const res = await agent.post(BASE, { name: `dev-${Math.random()}`, address: '127.0.0.1', icmp: false, ...input });
  expect(res.statusCode, res.body).toBe(201);
  await settleFirstPolls();
  return json<TMonDeviceDetail>(res);
}

export const device = async (agent: Agent, id: string) => json<TMonDeviceDetail>(await agent.get(`${BASE}/${id}`));
