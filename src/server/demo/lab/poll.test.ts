// The demo lab's SNMP agent read by the monitoring module's own poller (issue 12 point 5): what the
// demo's monitoring devices get every minute. The poll succeeds (no "请求超时"), names the device and
// its vendor-style interfaces, finds CPU, memory, LLDP neighbours and sensors, and two polls give bit rates
// that are positive on the links that are up and below their speed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LAB, DEMO_LAB_COMMUNITY, DEMO_LAB_HOST } from '../lab.ts';
import { freePort } from '../../modules/configbackup/test/sshd.ts';
import { pollSnmp, type SnmpResult } from '../../modules/monitoring/snmp.ts';
import { ratesOf } from '../../modules/monitoring/rates.ts';
import { startSnmpAgent, type SnmpAgent } from './snmp.ts';

const core = DEMO_LAB.find((d) => d.key === 'core-1')!;
let port: number;
let agent: SnmpAgent;

const poll = async (): Promise<Extract<SnmpResult, { ok: true }>> => {
  const r = await pollSnmp({ address: DEMO_LAB_HOST, port, version: '2c', community: DEMO_LAB_COMMUNITY }, new AbortController().signal);
  if (!r.ok) throw new Error(`poll failed: ${r.state} ${r.error}`);
  return r;
};

beforeAll(async () => {
  port = await freePort();
  agent = await startSnmpAgent(core, port);
});
afterAll(async () => agent?.close());

describe('a lab agent polled by monitoring', () => {
  it('answers the poll with the device, its interfaces, CPU, memory and neighbours, and moving rates', async () => {
    const first = await poll();
    const at1 = new Date();
    expect(first.sysName).toBe('CORE-SW1');
    expect(first.interfaces).toHaveLength(core.interfaces);
    expect(first.interfaces.every((i) => i.bits === 64 && i.speedBps !== null)).toBe(true);
    expect(first.interfaces[0]!.name).toMatch(/^(?:X?GigabitEthernet|GE|XGE|10GE|Eth-Trunk)/);
    const up = first.interfaces.filter((i) => i.operStatus === 1);
    expect(up.length).toBeGreaterThan(core.interfaces / 2);
    expect(up.length).toBeLessThan(core.interfaces);
    expect(first.cpuPct).toBeGreaterThan(0);
    expect(first.cpuPct).toBeLessThan(100);
    expect(first.memPct).toBeGreaterThan(20);
    expect(first.memPct).toBeLessThan(90);
    expect(new Set(first.neighbours.map((n) => n.remoteName))).toEqual(new Set(['CORE-SW2', 'EGOV-R']));
    // ENTITY-SENSOR-MIB (R-MON-07 on the demo): two temperatures, two fans and a power supply, named.
    const kinds = (k: string) => first.sensors.filter((x) => x.kind === k);
    expect(kinds('temperature').map((x) => x.name)).toEqual(['主控板温度', '进风口温度']);
    for (const x of kinds('temperature')) {
      expect(x).toMatchObject({ unit: '℃', state: 'ok' });
      expect(x.value).toBeGreaterThan(15);
      expect(x.value).toBeLessThan(65); // below the default alert threshold: the demo does not alarm
    }
    expect(kinds('fan').map((x) => x.unit)).toEqual(['rpm', 'rpm']);
    expect(kinds('fan')[0]!.value).toBeGreaterThan(1000);
    expect(kinds('power')).toMatchObject([{ name: '电源 1', unit: 'W', state: 'ok' }]);

    await new Promise((r) => setTimeout(r, 2_000));
    const second = await poll();
    const at2 = new Date();
    expect(second.upTime).toBeGreaterThan(first.upTime);
    const rates = second.interfaces.map((cur) => {
      const prev = first.interfaces.find((i) => i.ifIndex === cur.ifIndex)!;
      return { cur, r: ratesOf({ inOctets: prev.inOctets, outOctets: prev.outOctets, bits: prev.bits, at: at1 }, cur, at2, false) };
    });
    const moving = rates.filter(({ cur, r }) => cur.operStatus === 1 && (r.inBps ?? 0n) > 0n && (r.outBps ?? 0n) > 0n);
    expect(moving.length).toBeGreaterThan(0);
    for (const { r } of rates) {
      expect(r.note).toBeNull();
      if (r.utilisation !== null) expect(r.utilisation).toBeLessThan(100);
    }
  });
});
