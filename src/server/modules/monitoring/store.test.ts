// Where polls land, at the size of a core switch stack: two devices of 1,000 interfaces each in one
// batch (more bound parameters than one statement may carry) keep every interface, and the next
// round's rates compare with the stored counters of all of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { inTx } from '../../kernel/context.ts';
import { testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { IfSample } from './snmp.ts';
import { UPSERT_SLICE, writeSnmp, type SnmpRow } from './store.ts';
import { monInterfaces } from './tables.ts';
import { register } from './test/helpers.ts';

let t: TestApp;
let eng: Agent;

beforeAll(async () => {
  t = await testApp();
  eng = await t.userAgent('eng.big', ['engineer'], { serviceLines: ['NET'] });
});
afterAll(() => t?.close());

const IFACES = 1000;

function ifaces(octets: bigint): IfSample[] {
  return Array.from({ length: IFACES }, (_, n) => ({
    ifIndex: n + 1,
    name: `GigabitEthernet1/0/${n + 1}`,
    operStatus: 1,
    adminStatus: 1,
    speedBps: 1_000_000_000n,
    bits: 64 as const,
    inOctets: octets + BigInt(n),
    outOctets: octets,
    inErrors: 0n,
    outErrors: 0n,
    inDiscards: 0n,
    outDiscards: 0n,
  }));
}

const poll = (deviceId: string, at: Date, octets: bigint): SnmpRow => ({
  deviceId,
  at,
  result: {
    ok: true,
    upTime: 1_000_000 + Math.floor((at.getTime() % 1e9) / 10),
    sysName: null,
    interfaces: ifaces(octets),
    cpuPct: 5,
    memPct: 40,
    neighbours: [],
    sensors: [],
  },
});

describe('interfaces of large devices', () => {
  it('keeps all 2,000 interfaces of two 1,000-port devices written in one batch, and rates on the next round', async () => {
    expect(2 * IFACES).toBeGreaterThan(UPSERT_SLICE); // the batch needs more than one statement // the batch needs more than one statement
    const a = await register(eng, { name: '核心交换机堆叠 A' });
    const b = await register(eng, { name: '核心交换机堆叠 B' });
    const first = t.clock.now();
    await inTx(t.ctx, (tx) => writeSnmp(tx, [poll(a.id, first, 1_000_000n), poll(b.id, first, 1_000_000n)]));
    const stored = async (id: string) =>
      Number((await t.ctx.db.select({ n: count() }).from(monInterfaces).where(eq(monInterfaces.deviceId, id)))[0]!.n);
    expect(await stored(a.id)).toBe(IFACES);
    expect(await stored(b.id)).toBe(IFACES);

    // 60 s later each interface has received 7.5 MB more: 1 Mbit/s.
    const second = new Date(first.getTime() + 60_000);
    await inTx(t.ctx, (tx) => writeSnmp(tx, [poll(a.id, second, 8_500_000n), poll(b.id, second, 8_500_000n)]));
    const rows = await t.ctx.db.select({ inBps: monInterfaces.inBps }).from(monInterfaces).where(eq(monInterfaces.deviceId, b.id));
    expect(rows).toHaveLength(IFACES);
    expect(new Set(rows.map((r) => Number(r.inBps)))).toEqual(new Set([1_000_000]));
  });
});
