// What the configuration-backup tests share: registering a device, backing it up and waiting for the run.
import { expect } from 'vitest';
import { json, type Agent } from '../../../test/harness.ts';
import type { TDevice, TDeviceInput, TRun, TVersion } from '../../../../common/configbackup.ts';
import { settleRuns } from '../run.ts';

export const BASE = '/api/config-backup/devices';

export async function register(agent: Agent, input: Partial<TDeviceInput> & { port: number }): Promise<TDevice> {
  const res = await agent.post(BASE, {
    name: `dev-${input.port}-${Math.random()}`,
    address: '127.0.0.1',
    protocol: 'ssh',
    vendor: 'huawei-vrp',
    username: 'root',
    ...input,
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<TDevice>(res);
}

/** Backs the device up now, waits for the run, answers the device and its latest run. */
export async function backup(agent: Agent, id: string): Promise<{ device: TDevice; run: TRun }> {
  const started = await agent.post(`${BASE}/${id}/run`);
  expect(started.statusCode, started.body).toBe(202);
  await settleRuns();
  const device = json<TDevice>(await agent.get(`${BASE}/${id}`));
  const run = json<{ items: TRun[] }>(await agent.get(`${BASE}/${id}/runs`)).items[0]!;
  return { device, run };
}

export const versionsOf = async (agent: Agent, id: string) =>
  json<{ items: TVersion[]; total: number }>(await agent.get(`${BASE}/${id}/versions`));
