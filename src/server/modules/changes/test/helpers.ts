// What the changes tests share: a change's input, filing and moving a change through the API.
import { expect } from 'vitest';
import type { TChangeDetail, TChangeInput } from '../../../../common/changes.ts';
import { json, type Agent } from '../../../test/harness.ts';

export const HOUR = 3600_000;

export function changeInput(o: Partial<TChangeInput> & { start: Date; hours?: number }): TChangeInput {
  const { start, hours = 2, ...rest } = o;
  return {
    type: 'normal',
    title: '核心交换机 VLAN 调整',
    category: 'configuration',
    risk: 'medium',
    reason: '新增业务网段',
    basis: 'notice',
    basisText: '信息中心变更通知',
    deviceIds: [],
    systems: '',
    plannedStart: start.toISOString(),
    plannedEnd: new Date(start.getTime() + hours * HOUR).toISOString(),
    steps: '1. 备份\n2. 配置 VLAN',
    rollback: '删除新增 VLAN',
    ...rest,
  };
}

export async function file(agent: Agent, input: TChangeInput): Promise<TChangeDetail> {
  const r = await agent.post('/api/changes', input);
  expect(r.statusCode, r.body).toBe(201);
  return json<TChangeDetail>(r);
}

/** Acts on a change and expects the status (200 by default); answers the change (or the problem). */
export async function act(agent: Agent, id: string, action: string, status = 200, comment = ''): Promise<TChangeDetail> {
  const r = await agent.post(`/api/changes/${id}/actions`, { action, comment });
  expect(r.statusCode, `${action}: ${r.body}`).toBe(status);
  return json<TChangeDetail>(r);
}
