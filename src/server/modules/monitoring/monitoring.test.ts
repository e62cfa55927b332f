// Monitoring against Debian's snmpd and fping (issue 12): a device registered over the API is polled
// at once; the interfaces, counters and states match snmpbulkwalk of the same agent, over v2c and v3
// authPriv; faults (wrong community, wrong v3 key, nothing listening, no fping) are each a clear
// state while the other devices are still polled; no answer carries a secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { icmpCollector, setSnmpLimits, snmpCollector } from './collectors.ts';
import { setFpingPath } from './icmp.ts';
import { COLUMNS } from './snmp.ts';
import { COMMUNITY, V3, freeUdpPort, netSnmp, startSnmpd, type Agent as SnmpAgent } from './test/agents.ts';
import { BASE, device, register, round } from './test/helpers.ts';

let t: TestApp;
let snmpd: SnmpAgent;
let eng: Agent;
let agency: Agent;
const bodies: string[] = [];

beforeAll(async () => {
  snmpd = await startSnmpd();
  t = await testApp();
  setSnmpLimits({ timeoutMs: 700, retries: 0 });
  eng = await t.userAgent('eng.mon', ['engineer'], { serviceLines: ['NET'] });
  agency = await t.userAgent('agency.mon', ['agency_contact']);
  for (const a of [eng, agency]) {
    const get = a.get.bind(a);
    a.get = async (url: string) => {
      const r = await get(url);
      bodies.push(r.body);
      return r;
    };
  }
});
afterAll(async () => {
  setSnmpLimits({});
  await t?.close();
  await snmpd?.stop();
});

const walk = (oid: string) => netSnmp('snmpbulkwalk', snmpd.port, [oid]);
const v3auth = ['-v3', '-l', 'authPriv', '-u', V3.user, '-a', 'SHA', '-A', V3.authKey, '-x', 'AES', '-X', V3.privKey];

describe('SNMP from a real snmpd', () => {
  it('reads interfaces, exact 64-bit counters and states as snmpbulkwalk does, over v2c and v3 authPriv', async () => {
    const before = walk(COLUMNS.in64);
    const v2 = await register(eng, { name: 'snmpd-v2c', snmp: { version: '2c', community: COMMUNITY, port: snmpd.port } });
    const v3 = await register(eng, { name: 'snmpd-v3', snmp: { version: '3', port: snmpd.port, ...V3 } });
    const after = netSnmp('snmpbulkwalk', snmpd.port, [COLUMNS.in64], v3auth);
    const names = walk(COLUMNS.name);
    const oper = walk(COLUMNS.oper);
    expect(before.size).toBeGreaterThan(0);
    for (const id of [v2.id, v3.id]) {
      const d = await device(agency, id);
      expect(d).toMatchObject({ snmpState: 'ok', snmpError: null });
      expect(d.polledAt).not.toBeNull();
      expect(d.interfaces).toHaveLength(before.size);
      for (const i of d.interfaces) {
        const key = `${COLUMNS.in64}.${i.ifIndex}`;
        // Counters of the loopback move with the polls themselves: between the walk before and after.
        expect(i.inOctets).toMatch(/^\d+$/);
        expect(BigInt(i.inOctets!)).toBeGreaterThanOrEqual(BigInt(before.get(key)!));
        expect(BigInt(i.inOctets!)).toBeLessThanOrEqual(BigInt(after.get(key)!));
        expect(i.name).toBe(names.get(`${COLUMNS.name}.${i.ifIndex}`));
        expect(i.operStatus).toBe({ 1: 'up', 2: 'down' }[Number(oper.get(`${COLUMNS.oper}.${i.ifIndex}`))] ?? expect.any(String));
        expect(i.counterBits).toBe(64);
        expect(i.inBps).toBeNull(); // one sample: no rate yet
      }
      expect(d.snmp).toMatchObject({ port: snmpd.port });
    }
    // A minute later the collector's round gives rates against the first poll.
    t.clock.advance(60_000);
    expect(await round(t.ctx, snmpCollector)).toBe(2);
    const d = await device(eng, v2.id);
    const lo = d.interfaces.find((i) => i.name === 'lo')!;
    expect(lo.inBps).toMatch(/^\d+$/);
    expect(lo.counterNote).toBeNull();
    expect(d.memPct === null || (d.memPct > 0 && d.memPct <= 100)).toBe(true);
    // The list answers the same device with its live state.
    const list = (await eng.get(`${BASE}?q=snmpd-v3`)).json<{ items: { id: string; snmpState: string }[]; total: number }>();
    expect(list).toMatchObject({ total: 1, items: [{ id: v3.id, snmpState: 'ok' }] });
  });

  it('shows each fault as a clear state, and polls the other devices all the same', async () => {
    const silent = await freeUdpPort(); // nothing listens there
    const wrongCommunity = await register(eng, {
      name: 'wrong-community',
      snmp: { version: '2c', community: 'not-this-one', port: snmpd.port },
    });
    const wrongKey = await register(eng, {
      name: 'wrong-v3-key',
      snmp: { version: '3', port: snmpd.port, ...V3, authKey: 'wrong-auth-999' },
    });
    const nobody = await register(eng, {
      name: 'nobody-home',
      address: '127.0.0.3',
      snmp: { version: '2c', community: COMMUNITY, port: silent },
    });
    const good = await register(eng, { name: 'good-one', snmp: { version: '2c', community: COMMUNITY, port: snmpd.port } });
    const states = async () =>
      Promise.all(
        [wrongCommunity, wrongKey, nobody, good].map(async (x) => {
          const d = await device(eng, x.id);
          return [d.snmpState, d.snmpError] as const;
        }),
      );
    const first = await states();
    expect(first[0]).toEqual(['timeout', '请求超时']); // v2c: a wrong community is silence
    expect(first[1]![0]).toBe('auth_failed');
    expect(first[1]![1]).toMatch(/WrongDigests|digest/i); // the report kind net-snmp gives
    expect(first[2]).toEqual(['timeout', '请求超时']);
    expect(first[3]).toEqual(['ok', null]);
    const goodBefore = (await device(eng, good.id)).interfaces[0]!.sampledAt;
    t.clock.advance(60_000);
    await round(t.ctx, snmpCollector);
    expect((await states()).map((s) => s[0])).toEqual(['timeout', 'auth_failed', 'timeout', 'ok']);
    expect((await device(eng, good.id)).interfaces[0]!.sampledAt).not.toBe(goodBefore);
  });

  it('never answers a secret, and lets only engineers and the project manager register', async () => {
    for (const b of bodies) for (const s of [COMMUNITY, V3.authKey, V3.privKey, 'wrong-auth-999']) expect(b).not.toContain(s);
    expect((await agency.post(BASE, { name: 'x', address: '127.0.0.1' })).statusCode).toBe(403);
    expect((await eng.post(BASE, { name: 'x', address: '127.0.0.1', intervalSec: 5 })).statusCode).toBe(400);
    expect((await eng.post(BASE, { name: 'x', address: '127.0.0.1', snmp: { version: '2c' } })).statusCode).toBe(400);
    expect((await eng.post(BASE, { name: 'x', address: 'not an address' })).statusCode).toBe(400);
  });
});

describe('ICMP by fping', () => {
  it('measures reachability, latency and loss of loopback addresses, and says so when fping is missing', async () => {
    const a = await register(eng, { name: 'ping-1', address: '127.0.0.1', icmp: true });
    const b = await register(eng, { name: 'ping-2', address: '127.0.0.2', icmp: true });
    for (const x of [a, b]) {
      const d = await device(eng, x.id);
      expect(d).toMatchObject({ reachable: true, icmpState: 'ok', lossPct: 0 });
      expect(d.latencyMs).toBeGreaterThanOrEqual(0);
    }
    setFpingPath('/nonexistent/fping');
    try {
      t.clock.advance(60_000);
      expect(await round(t.ctx, icmpCollector)).toBe(2);
    } finally {
      setFpingPath('/usr/bin/fping');
    }
    const d = await device(eng, a.id);
    expect(d).toMatchObject({ reachable: null, icmpState: 'no_fping', latencyMs: null });
    t.clock.advance(60_000);
    await round(t.ctx, icmpCollector);
    expect(await device(eng, b.id)).toMatchObject({ reachable: true, icmpState: 'ok' });
  });
});
