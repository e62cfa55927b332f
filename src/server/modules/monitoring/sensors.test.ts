// Temperature, fan and power state (R-MON-07) against snmpsim with a Cisco-like agent (ENTITY-SENSOR-MIB
// with entPhysicalName, CISCO-ENVMON-MIB), a Huawei-like one (HUAWEI-ENTITY-EXTENT-MIB) and an H3C-like
// one (HH3C-ENTITY-EXT-MIB with its thresholds): the device
// page lists what snmpget of the same agent reads, scaled; the readings are a series the chart draws;
// a failed fan opens an alert with a ticket and closes it once repaired; the inspection prefill reads
// the hottest sensor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TMetrics, TMonAlert, TMonDeviceDetail } from '../../../common/monitoring.ts';
import { evaluateAlerts } from './alerts.ts';
import { deviceHealth } from './api.ts';
import { setSnmpLimits, snmpCollector } from './collectors.ts';
import { netSnmp, startSnmpsimDevices, type Simulator } from './test/agents.ts';
import { BASE, device, register, round } from './test/helpers.ts';
import { ciscoLike, h3cLike, huaweiLike } from './test/sensors.ts';

let t: TestApp;
let sim: Simulator;
let eng: Agent;
let cisco: TMonDeviceDetail;
let huawei: TMonDeviceDetail;
let h3c: TMonDeviceDetail;
let h3cHot: TMonDeviceDetail;
let upTime = 200_000;

beforeAll(async () => {
  sim = await startSnmpsimDevices(
    new Map([
      ['sim-cisco', ciscoLike({ upTime, fan2: 6, cpuTemp: 72 })],
      ['sim-huawei', huaweiLike(upTime)],
      ['sim-h3c', h3cLike(upTime, 74)],
      ['sim-h3c-hot', h3cLike(upTime, 90)],
    ]),
  );
  t = await testApp();
  setSnmpLimits({ timeoutMs: 1500, retries: 1 });
  eng = await t.userAgent('eng.sensors', ['engineer'], { serviceLines: ['NET'] });
  cisco = await register(eng, { name: '核心交换机 Cisco', snmp: { version: '2c', community: 'sim-cisco', port: sim.port } });
  huawei = await register(eng, { name: '汇聚交换机 Huawei', snmp: { version: '2c', community: 'sim-huawei', port: sim.port } });
  h3c = await register(eng, { name: '政务外网路由器 H3C', snmp: { version: '2c', community: 'sim-h3c', port: sim.port } });
  h3cHot = await register(eng, { name: '互联网路由器 H3C', snmp: { version: '2c', community: 'sim-h3c-hot', port: sim.port } });
}, 180_000);
afterAll(async () => {
  setSnmpLimits({});
  await t?.close();
  await sim?.stop();
});

const sensor = (d: TMonDeviceDetail, key: string) => d.sensors.find((s) => s.key === key);
const get = (community: string, oids: string[]) => netSnmp('snmpget', sim.port, oids, ['-v2c', '-c', community]);

describe('sensors polled where the device offers them', () => {
  it('reads a Cisco-like agent as snmpget does: ENTITY-SENSOR scaled and named, ENVMON states', async () => {
    const d = await device(eng, cisco.id);
    expect(d.snmpState).toBe('ok');
    const ent = '1.3.6.1.2.1.99.1.1.1.4';
    const env = '1.3.6.1.4.1.9.9.13.1';
    const v = get('sim-cisco', [
      `${ent}.1003`,
      `${ent}.1004`,
      `${ent}.1005`,
      `${env}.3.1.3.2`,
      `${env}.4.1.3.2`,
      '1.3.6.1.2.1.47.1.1.1.1.7.1003',
    ]);
    expect(sensor(d, 'ent.1003')).toMatchObject({
      kind: 'temperature',
      name: v.get('1.3.6.1.2.1.47.1.1.1.1.7.1003'),
      value: Number(v.get(`${ent}.1003`)) / 10,
      unit: '℃',
      state: 'ok',
    });
    expect(sensor(d, 'ent.1004')).toMatchObject({ kind: 'fan', value: Number(v.get(`${ent}.1004`)), unit: 'rpm' });
    expect(sensor(d, 'ent.1005')).toMatchObject({ kind: 'power', value: Number(v.get(`${ent}.1005`)) / 1000, unit: 'V' });
    expect(sensor(d, 'cisco-temp.2')).toMatchObject({ name: 'CPU Temp', value: Number(v.get(`${env}.3.1.3.2`)), state: 'warning' });
    expect(v.get(`${env}.4.1.3.2`)).toBe('6');
    expect(sensor(d, 'cisco-fan.2')).toMatchObject({ kind: 'fan', name: 'Fan 2', state: 'failed' });
    expect(sensor(d, 'cisco-fan.1')?.state).toBe('ok');
    expect(sensor(d, 'cisco-psu.2')).toMatchObject({ kind: 'power', name: 'PS2', state: 'absent' });
    expect(d.sensors).toHaveLength(9);
  });

  it('reads a Huawei-like agent: board temperatures (0 = no sensor), fan and power tables by slot', async () => {
    const d = await device(eng, huawei.id);
    const HW = '1.3.6.1.4.1.2011.5.25.31.1.1';
    const v = get('sim-huawei', [`${HW}.1.1.1.11.67108873`, `${HW}.10.1.7.0.2`, `${HW}.18.1.5.0.2`]);
    expect(d.sensors.map((s) => [s.key, s.kind, s.name, s.value, s.state])).toEqual([
      ['hw-fan.0.1', 'fan', '风扇 0/1', null, 'ok'],
      ['hw-fan.0.2', 'fan', '风扇 0/2', null, v.get(`${HW}.10.1.7.0.2`) === '2' ? 'failed' : 'ok'],
      ['hw-pwr.0.1', 'power', '电源 0/1', null, 'ok'],
      ['hw-pwr.0.2', 'power', '电源 0/2', null, v.get(`${HW}.18.1.5.0.2`) === '2' ? 'absent' : 'ok'],
      ['hw-temp.67108873', 'temperature', 'MPU Board 0', Number(v.get(`${HW}.1.1.1.11.67108873`)), 'ok'],
    ]);
  });

  it('reads an H3C-like agent: hh3cEntityExtTemperature against its alarm and critical thresholds (0, 65535: none)', async () => {
    const d = await device(eng, h3c.id);
    const H3C = '1.3.6.1.4.1.25506.2.6.1.1.1.1';
    const v = get('sim-h3c', [`${H3C}.12.2`, `${H3C}.13.2`, `${H3C}.17.2`, `${H3C}.12.3`, '1.3.6.1.2.1.47.1.1.1.1.7.2']);
    expect(Number(v.get(`${H3C}.12.2`))).toBeGreaterThanOrEqual(Number(v.get(`${H3C}.13.2`)));
    expect(d.sensors.map((s) => [s.key, s.kind, s.name, s.value, s.unit, s.state])).toEqual([
      ['h3c-temp.2', 'temperature', v.get('1.3.6.1.2.1.47.1.1.1.1.7.2'), Number(v.get(`${H3C}.12.2`)), '℃', 'warning'],
      ['h3c-temp.3', 'temperature', 'Board slot 2', Number(v.get(`${H3C}.12.3`)), '℃', 'ok'],
    ]);
    // Past the critical threshold (85 ℃) the device itself calls it failed.
    expect(get('sim-h3c-hot', [`${H3C}.17.2`]).get(`${H3C}.17.2`)).toBe('85');
    expect(sensor(await device(eng, h3cHot.id), 'h3c-temp.2')).toMatchObject({ value: 90, state: 'failed' });
  });

  it('draws a sensor from its readings and feeds the inspection prefill with the hottest one', async () => {
    const to = t.clock.now().getTime() + 60_000;
    const q = `from=${new Date(to - 3_600_000).toISOString()}&to=${new Date(to).toISOString()}&sensor=cisco-temp.2`;
    const m = json<TMetrics>(await eng.get(`${BASE}/${cisco.id}/metrics?${q}`));
    expect(m.points.map((p) => p.value)).toEqual([72]);
    const [h] = await deviceHealth(t.ctx, { names: ['核心交换机 Cisco'] });
    expect(h?.temperatureC).toBe(72);
    const long = await eng.get(`${BASE}/${cisco.id}/metrics?from=2020-01-01T00:00:00Z&to=2020-03-01T00:00:00Z&sensor=cisco-temp.2`);
    expect(long.statusCode).toBe(400);
  });

  it('opens an alert with a ticket for a failed fan and for a hot sensor, and closes them once repaired and cooled', async () => {
    const alerts = async () => json<{ items: TMonAlert[] }>(await eng.get(`/api/monitoring/alerts?deviceId=${cisco.id}`)).items;
    const minute = async (fan2: number, cpuTemp: number) => {
      upTime += 6000;
      sim.data(ciscoLike({ upTime, fan2, cpuTemp }));
      t.clock.advance(60_000);
      await round(t.ctx, snmpCollector);
      return evaluateAlerts(t.ctx);
    };
    await evaluateAlerts(t.ctx);
    expect((await alerts()).map((a) => [a.rule, a.object, a.state]).sort()).toEqual([
      ['hardware_failed', 'sensor:cisco-fan.2', 'pending'],
      ['temperature', 'sensor:cisco-temp.2', 'pending'],
    ]);
    // A minute later: Fan 2 here and fan 0/2 of the Huawei-like device (the temperature waits five minutes).
    expect((await minute(6, 72)).opened).toBe(2);
    const fan = (await alerts()).find((a) => a.rule === 'hardware_failed')!;
    expect(fan).toMatchObject({ state: 'open', message: '核心交换机 Cisco 风扇「Fan 2」故障' });
    expect(fan.ticketNumber).toBeTruthy();
    for (let i = 0; i < 4; i++) await minute(6, 72);
    expect((await alerts()).find((a) => a.rule === 'temperature')).toMatchObject({ state: 'open', value: 72 });
    // Repaired and cooled below the clear value (60 ℃): both close, the tickets are resolved.
    expect(await minute(1, 50)).toEqual({ opened: 0, closed: 2 });
    expect((await alerts()).every((a) => a.state === 'closed')).toBe(true);
    const ticket = json<{ status: string }>(await eng.get(`/api/tickets/${fan.ticketId}`));
    expect(ticket.status).toBe('resolved');
  });
});
