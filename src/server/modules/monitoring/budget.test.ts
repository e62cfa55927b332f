// The poll's GETBULK budget (snmp.ts requestBudget): a device with more ports than the fixed allowance
// can walk is still polled to its last interface, because the budget grows with the ifNumber the agent
// reports; an agent whose tables run on past what its ifNumber says is still stopped, as "garbage".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollSnmp, SNMP_LIMITS } from './snmp.ts';
import { startSnmpsimDevices, switchRecords, type Simulator } from './test/agents.ts';

let sim: Simulator;
const PORTS = 120;

beforeAll(async () => {
  // 'big' says ifNumber 120 and has 120 ports; 'liar' says 2 and has 120.
  const liar = switchRecords('liar', PORTS).map((l) => (l.startsWith('1.3.6.1.2.1.2.1.0|') ? '1.3.6.1.2.1.2.1.0|2|2' : l));
  sim = await startSnmpsimDevices(
    new Map([
      ['big', switchRecords('big', PORTS)],
      ['liar', liar],
    ]),
  );
});
afterAll(async () => {
  await sim?.stop();
});

// A fixed allowance of 10 requests: walking 120 ports, 4 rows of 14 columns an answer, takes 31.
const limits = { ...SNMP_LIMITS, timeoutMs: 3000, maxRequests: 10 };
const target = (community: string) => ({ address: '127.0.0.1', port: sim.port, version: '2c' as const, community });

describe('the GETBULK budget of a poll', () => {
  it('walks every port of a device whose ifNumber is beyond the fixed allowance', async () => {
    const r = await pollSnmp(target('big'), new AbortController().signal, limits);
    expect(r.ok ? null : r.error).toBeNull();
    if (!r.ok) return;
    expect(r.interfaces).toHaveLength(PORTS);
    expect(r.interfaces.at(-1)).toMatchObject({ ifIndex: PORTS, name: `GigabitEthernet0/0/${PORTS}`, bits: 64 });
    expect(r.interfaces.at(-1)!.inOctets).toBe(BigInt(PORTS) * 1_000_000_007n);
  });

  it('still stops an agent whose tables run on past its ifNumber', async () => {
    const r = await pollSnmp(target('liar'), new AbortController().signal, limits);
    expect(r).toMatchObject({ ok: false, state: 'garbage' });
    if (!r.ok) expect(r.error).toContain('请求次数超过上限');
  });
});
