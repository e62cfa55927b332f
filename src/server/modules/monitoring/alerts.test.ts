// Thresholds → alerts → desk tickets and back (issue 12 point 3), on a controlled clock against
// snmpsim: an interface that goes down is pending, then after the minimum duration an open alert with
// one fault ticket (channel monitoring) and a notice to the line's engineers; evaluated again, still
// one; back up, the alert closes and the ticket is resolved with a note. Utilisation above 80 % for
// five minutes raises, between 70 and 80 stays (hysteresis), below 70 clears; an interface's own
// threshold overrides the default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TMonAlert } from '../../../common/monitoring.ts';
import { evaluateAlerts } from './alerts.ts';
import { setSnmpLimits, snmpCollector } from './collectors.ts';
import { startSnmpsim, type Simulator } from './test/agents.ts';
import { register, round } from './test/helpers.ts';

const COMMUNITY = 'sim-alerts';
let t: TestApp;
let sim: Simulator;
let eng: Agent;
let octets = 0n;
let upTime = 100_000;

/** One 10 Mbit/s interface; `mbps` of traffic in since the last sample (60 s), operStatus as given. */
function agent(oper: 1 | 2, mbps: number): string[] {
  octets += BigInt(mbps * 1_000_000 * 60) / 8n;
  upTime += 6_000;
  return [
    `1.3.6.1.2.1.1.3.0|67|${upTime}`,
    '1.3.6.1.2.1.2.2.1.7.1|2|1',
    `1.3.6.1.2.1.2.2.1.8.1|2|${oper}`,
    '1.3.6.1.2.1.31.1.1.1.1.1|4|GE0/0/9',
    `1.3.6.1.2.1.31.1.1.1.6.1|70|${octets}`,
    '1.3.6.1.2.1.31.1.1.1.10.1|70|0',
    '1.3.6.1.2.1.31.1.1.1.15.1|66|10',
  ];
}

beforeAll(async () => {
  sim = await startSnmpsim(COMMUNITY, agent(1, 0));
  t = await testApp();
  setSnmpLimits({ timeoutMs: 1500, retries: 1 });
  eng = await t.userAgent('eng.alert', ['engineer'], { serviceLines: ['NET'] });
});
afterAll(async () => {
  setSnmpLimits({});
  await t?.close();
  await sim?.stop();
});

/** A minute passes: the agent's new values are polled, the alerts evaluated. */
async function minute(oper: 1 | 2, mbps: number) {
  sim.data(agent(oper, mbps));
  t.clock.advance(60_000);
  await round(t.ctx, snmpCollector);
  return evaluateAlerts(t.ctx);
}
const alerts = async () => json<{ items: TMonAlert[] }>(await eng.get('/api/monitoring/alerts')).items;
const ticket = async (id: string) => json<{ status: string; channel: string; title: string }>(await eng.get(`/api/tickets/${id}`));

describe('alerts from thresholds', () => {
  it('opens one ticket for an interface that went down and resolves it when the interface is back', async () => {
    const dev = await register(eng, { name: '汇聚交换机 A', snmp: { version: '2c', community: COMMUNITY, port: sim.port } });
    expect(await minute(1, 1)).toEqual({ opened: 0, closed: 0 });
    expect(await minute(2, 0)).toEqual({ opened: 0, closed: 0 });
    expect(await alerts()).toMatchObject([{ deviceId: dev.id, rule: 'if_down', object: '1', state: 'pending', ticketId: null }]);
    expect(await minute(2, 0)).toEqual({ opened: 1, closed: 0 }); // down for the default 60 s
    await evaluateAlerts(t.ctx); // again: still one alert, one ticket
    const [open] = await alerts();
    expect(open).toMatchObject({ state: 'open', deviceName: '汇聚交换机 A' });
    expect(open!.ticketNumber).toMatch(/\S/);
    expect(await ticket(open!.ticketId!)).toMatchObject({ channel: 'monitoring', title: '接口断开：汇聚交换机 A' });
    const bell = json<{ items: { event: string; body: string }[] }>(await eng.get('/api/notifications')).items;
    expect(bell).toHaveLength(1);
    expect(bell[0]).toMatchObject({ event: 'monitoring.alert' });
    expect(bell[0]!.body).toContain(open!.ticketNumber!);
    const listed = json<{ items: { openAlerts: number }[] }>(await eng.get('/api/monitoring/devices?state=alerting')).items;
    expect(listed).toMatchObject([{ openAlerts: 1 }]);

    expect(await minute(1, 1)).toEqual({ opened: 0, closed: 1 });
    const [closed] = await alerts();
    expect(closed).toMatchObject({ state: 'closed' });
    expect(closed!.closedAt).not.toBeNull();
    expect((await ticket(open!.ticketId!)).status).toBe('resolved');
  });

  it('raises utilisation above 80 % held five minutes, keeps it between 70 and 80, clears below 70', async () => {
    await minute(1, 9); // 90 %: pending
    for (let i = 0; i < 4; i++) expect((await minute(1, 9)).opened).toBe(0);
    expect((await minute(1, 9)).opened).toBe(1); // five minutes above 80 %
    const util = () => alerts().then((a) => a.find((x) => x.rule === 'utilisation' && x.state !== 'closed'));
    expect(await util()).toMatchObject({ state: 'open', value: 90 });
    await minute(1, 7.5); // 75 %: between the two values, stays open
    expect((await util())?.state).toBe('open');
    expect((await minute(1, 5)).closed).toBe(1);
    expect(await util()).toBeUndefined();
  });

  it('lets an interface have its own threshold', async () => {
    const [dev] = json<{ items: { id: string }[] }>(await eng.get('/api/monitoring/devices')).items;
    const res = await eng.post('/api/monitoring/thresholds', {
      rule: 'utilisation',
      deviceId: dev!.id,
      ifIndex: 1,
      raiseValue: 95,
      clearValue: 90,
    });
    expect(res.statusCode, res.body).toBe(201);
    await minute(1, 9.2);
    expect((await alerts()).filter((a) => a.state !== 'closed')).toEqual([]);
    const bad = await eng.post('/api/monitoring/thresholds', { rule: 'utilisation', deviceId: dev!.id, raiseValue: 50, clearValue: 60 });
    expect(bad.statusCode).toBe(400);
  });
});
