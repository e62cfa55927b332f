// R-MON-09 on both databases: the written report of security-device faults lists, for a period, the
// faults of monitored devices whose asset is a security device (a firewall here), with start, end,
// duration, the cause the ticket records and the ticket number; a switch's fault, a pending alert and
// a fault over before the period are left out; a fault still going is reported up to the period's end.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTx } from '../../kernel/context.ts';
import { queryRows } from '../../kernel/db/client.ts';
import { json, testApp, type TestApp } from '../../test/harness.ts';
import { registryOf } from '../../site.ts';
import { openDetectedTicket } from '../desk/api.ts';
import type { SecurityFault } from './security-faults.ts';
import { monAlerts } from './tables.ts';
import { register } from './test/helpers.ts';

let t: TestApp;
const START = new Date('2026-11-01T00:00:00+08:00');
const at = (min: number) => new Date(START.getTime() + min * 60_000);
let firewall: string;
let ticketA: { id: string; number: string };
let ticketB: { id: string; number: string };

beforeAll(async () => {
  t = await testApp();
  const eng = await t.userAgent('eng.r09', ['engineer'], { serviceLines: ['SEC', 'NET'] });
  const asset = async (name: string, classCode: string) => {
    const r = await eng.post('/api/assets', { name, classCode });
    expect(r.statusCode, r.body).toBe(201);
    return json<{ id: string; number: string }>(r).id;
  };
  firewall = (await register(eng, { name: '互联网出口防火墙', address: '127.0.0.1', assetId: await asset('出口防火墙', 'A02010301') })).id;
  const sw = (await register(eng, { name: '核心交换机', address: '127.0.0.2', assetId: await asset('核心交换机', 'A02010202') })).id;
  const ticket = (title: string) =>
    inTx(t.ctx, (tx) => openDetectedTicket(tx, { serviceLine: 'SEC', severity: 'high', title, description: title }));
  ticketA = await ticket('设备不可达：互联网出口防火墙');
  ticketB = await ticket('接口断开：互联网出口防火墙');
  const doc = (ticketId: string, kind: string, content: object) =>
    queryRows(
      t.ctx.db,
      sql`INSERT INTO ticket_documents (ticket_id, kind, version, content, created_at) VALUES (${ticketId}, ${kind}, 1, ${JSON.stringify(content)}::jsonb, now())`,
    );
  await doc(ticketA.id, 'diagnosis', { preliminaryCause: '疑似电源故障' });
  await doc(ticketA.id, 'report', { cause: '电源模块损坏，更换后恢复' });
  await doc(ticketB.id, 'diagnosis', { preliminaryCause: '上联光模块告警' });
  const alert = { object: '', message: '无法 ping 通' };
  await t.ctx.db.insert(monAlerts).values([
    {
      ...alert,
      deviceId: firewall,
      rule: 'unreachable',
      state: 'closed',
      since: at(10),
      openedAt: at(12),
      closedAt: at(70),
      ticketId: ticketA.id,
      ticketNumber: ticketA.number,
    },
    {
      deviceId: firewall,
      rule: 'if_down',
      object: '3',
      message: '接口 GE0/0/3 已断开（down）',
      state: 'open',
      since: at(1380),
      openedAt: at(1381),
      ticketId: ticketB.id,
      ticketNumber: ticketB.number,
    },
    { ...alert, deviceId: firewall, rule: 'snmp_failing', state: 'pending', since: at(200) },
    { ...alert, deviceId: firewall, rule: 'unreachable', state: 'closed', since: at(-300), closedAt: at(-200) },
    { ...alert, deviceId: sw, rule: 'unreachable', state: 'closed', since: at(30), closedAt: at(40) },
  ]);
});
afterAll(async () => t?.close());

describe('security-device faults (R-MON-09)', () => {
  it('reports each fault of a security device with its duration, cause and ticket', async () => {
    const e = registryOf().evidence.get('monitoring.security_device_faults')!;
    const r = (await e.read(t.ctx, { from: START.toISOString(), to: at(24 * 60).toISOString() })) as {
      securityDevices: number;
      faults: SecurityFault[];
      totalDurationMin: number;
      summary: string;
    };
    expect(r.securityDevices).toBe(1);
    expect(r.faults).toHaveLength(2);
    expect(r.faults[0]).toMatchObject({
      deviceId: firewall,
      deviceType: '防火墙',
      fault: '设备不可达',
      start: at(10).toISOString(),
      end: at(70).toISOString(),
      durationMin: 60,
      cause: '电源模块损坏，更换后恢复', // the report's cause wins over the diagnosis
      ticketNumber: ticketA.number,
    });
    expect(r.faults[0]!.text).toContain('2026-11-01 00:10');
    expect(r.faults[0]!.text).toContain(ticketA.number);
    expect(r.faults[1]).toMatchObject({
      fault: '接口断开',
      end: null,
      durationMin: 60,
      cause: '上联光模块告警',
      ticketNumber: ticketB.number,
    });
    expect(r.faults[1]!.text).toContain('尚未恢复');
    expect(r.totalDurationMin).toBe(120);
    expect(r.summary).toContain('共发生故障 2 次');
  });

  it('says so when no security device failed in the period', async () => {
    const e = registryOf().evidence.get('monitoring.security_device_faults')!;
    const r = (await e.read(t.ctx, { from: at(-100).toISOString(), to: at(0).toISOString() })) as { faults: unknown[]; summary: string };
    expect(r.faults).toEqual([]);
    expect(r.summary).toContain('未发生故障');
  });
});
