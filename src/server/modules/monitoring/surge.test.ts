// Sudden interface-rate anomalies (R-MON-04) through the real polling path: snmpsim plays a 1 Gbit/s
// port whose octet counters the SNMP collector reads every minute on a controlled clock; the rates go
// to the monitoring store, and the alert job holds each rate against the port's own baseline (median
// of its last 12 polls). A jump to 20× its baseline held two minutes opens one alert with a fault
// ticket; back to normal, it clears and the ticket is resolved. A one-poll spike, a rise below the
// 10 Mbit/s floor, and a port that is always busy raise nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TMonAlert, TThreshold } from '../../../common/monitoring.ts';
import { evaluateAlerts } from './alerts.ts';
import { setSnmpLimits, snmpCollector } from './collectors.ts';
import { startSnmpsim, type Simulator } from './test/agents.ts';
import { register, round } from './test/helpers.ts';

const COMMUNITY = 'sim-surge';
let t: TestApp;
let sim: Simulator;
let eng: Agent;
let upTime = 100_000;
const octets = [0n, 0n];

/** Two 1 Gbit/s ports; `mbps[k]` of traffic in on port k+1 since the last sample (60 s). */
function agent(mbps: [number, number]): string[] {
  upTime += 6_000;
  const rows = [`1.3.6.1.2.1.1.3.0|67|${upTime}`];
  for (const k of [0, 1]) {
    octets[k]! += BigInt(Math.round(mbps[k]! * 1_000_000 * 60)) / 8n;
    const i = k + 1;
    rows.push(
      `1.3.6.1.2.1.2.2.1.7.${i}|2|1`,
      `1.3.6.1.2.1.2.2.1.8.${i}|2|1`,
      `1.3.6.1.2.1.31.1.1.1.1.${i}|4|GE0/0/${i}`,
      `1.3.6.1.2.1.31.1.1.1.6.${i}|70|${octets[k]}`,
      `1.3.6.1.2.1.31.1.1.1.10.${i}|70|0`,
      `1.3.6.1.2.1.31.1.1.1.15.${i}|66|1000`,
    );
  }
  return rows;
}

beforeAll(async () => {
  sim = await startSnmpsim(COMMUNITY, agent([0, 0]));
  t = await testApp();
  setSnmpLimits({ timeoutMs: 1500, retries: 1 });
  eng = await t.userAgent('eng.surge', ['engineer'], { serviceLines: ['NET'] });
});
afterAll(async () => {
  setSnmpLimits({});
  await t?.close();
  await sim?.stop();
});

/** A minute passes: port 1 carries `a`, port 2 `b` Mbit/s; polled, then the alerts evaluated. */
async function minute(a: number, b: number) {
  sim.data(agent([a, b]));
  t.clock.advance(60_000);
  await round(t.ctx, snmpCollector);
  return evaluateAlerts(t.ctx);
}
const live = async () =>
  json<{ items: TMonAlert[] }>(await eng.get('/api/monitoring/alerts')).items.filter(
    (a) => a.rule === 'rate_surge' && a.state !== 'closed',
  );

describe('interface rate surges (R-MON-04)', () => {
  it('is a default threshold, as data', async () => {
    const { items } = json<{ items: TThreshold[] }>(await eng.get('/api/monitoring/thresholds'));
    expect(items.find((x) => x.rule === 'rate_surge' && x.deviceId === null)).toMatchObject({
      raiseValue: 5,
      clearValue: 2,
      floorValue: 10,
      baselinePolls: 12,
      minDurationSec: 120,
      severity: 'high',
    });
  });

  it('raises a jump far above the port’s own baseline held two minutes, once, and clears when it returns', async () => {
    await register(eng, { name: '出口交换机', snmp: { version: '2c', community: COMMUNITY, port: sim.port } });
    // A baseline: port 1 at about 2 Mbit/s, port 2 always busy at 300 Mbit/s; port 1 once spikes for one poll.
    for (let i = 0; i < 14; i++) expect(await minute(i % 2 ? 2 : 1.5, 300)).toEqual({ opened: 0, closed: 0 });
    await minute(60, 300); // one poll at 60 Mbit/s: pending
    expect(await live()).toMatchObject([{ object: '1', state: 'pending' }]);
    expect(await minute(2, 300)).toEqual({ opened: 0, closed: 0 }); // back: the pending one is gone, nothing raised
    expect(await live()).toEqual([]);

    // The surge: 40 Mbit/s (20× the baseline) for three polls.
    expect((await minute(40, 300)).opened).toBe(0);
    expect((await minute(40, 300)).opened).toBe(0);
    expect((await minute(40, 300)).opened).toBe(1); // two minutes held
    await evaluateAlerts(t.ctx);
    const [open] = await live();
    expect(open).toMatchObject({ object: '1', state: 'open', value: 40, deviceName: '出口交换机' });
    expect(open!.message).toContain('GE0/0/1 流量突增至 40 Mbit/s（近期基线 2 Mbit/s');
    const ticket = json<{ title: string; channel: string; status: string }>(await eng.get(`/api/tickets/${open!.ticketId}`));
    expect(ticket).toMatchObject({ channel: 'monitoring', title: '接口流量突增：出口交换机' });
    // Still high: the baseline stays the one from before the surge, so it does not clear itself.
    for (let i = 0; i < 13; i++) expect((await minute(40, 300)).closed).toBe(0);
    expect(await live()).toHaveLength(1);
    // Back to normal: cleared, ticket resolved.
    expect(await minute(2, 300)).toEqual({ opened: 0, closed: 1 });
    expect(await live()).toEqual([]);
    expect(json<{ status: string }>(await eng.get(`/api/tickets/${open!.ticketId}`)).status).toBe('resolved');
  });

  it('takes a per-interface threshold: a lower floor makes a small port’s jump count', async () => {
    const [dev] = json<{ items: { id: string }[] }>(await eng.get('/api/monitoring/devices')).items;
    // Port 1 quiet at 0.2 Mbit/s long enough for a new baseline; a jump to 5 Mbit/s is under the default floor.
    for (let i = 0; i < 13; i++) await minute(0.2, 300);
    for (let i = 0; i < 3; i++) expect((await minute(5, 300)).opened).toBe(0);
    expect(await live()).toEqual([]);
    const res = await eng.post('/api/monitoring/thresholds', {
      rule: 'rate_surge',
      deviceId: dev!.id,
      ifIndex: 1,
      raiseValue: 5,
      clearValue: 2,
      floorValue: 1,
      baselinePolls: 6,
      minDurationSec: 0,
      severity: 'critical',
    });
    expect(res.statusCode, res.body).toBe(201);
    for (let i = 0; i < 6; i++) await minute(0.2, 300);
    expect((await minute(5, 300)).opened).toBe(1); // 25× over a 6-poll baseline, no wait
    expect(await live()).toMatchObject([{ object: '1', state: 'open' }]);
    const bad = await eng.post('/api/monitoring/thresholds', { rule: 'rate_surge', deviceId: dev!.id, baselinePolls: 1 });
    expect(bad.statusCode).toBe(400);
  });
});
