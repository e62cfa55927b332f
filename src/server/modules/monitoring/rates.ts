// Bit rates from two samples of an interface's octet counters, in BigInt (issue 12: counters kept
// exact; R-MON-02 port rates and utilisation). An agent restart (sysUpTime went back) gives no rate
// that round; a counter that went back without one is a wrap for a 32-bit counter (2^32 added) and
// otherwise a sample to discard ("计数器回退": someone cleared the counters, or the agent is wrong).
import type { IfSample } from './snmp.ts';

export type CounterNote = 'restarted' | 'counter_backwards' | 'wrapped' | null;

export interface Previous {
  inOctets: bigint | null;
  outOctets: bigint | null;
  bits: number | null;
  at: Date;
}

export interface Rates {
  inBps: bigint | null;
  outBps: bigint | null;
  /** Percent of the speed, max(in, out), two decimals. */
  utilisation: number | null;
  note: CounterNote;
}

const WRAP32 = 2n ** 32n;

function delta(prev: bigint | null, cur: bigint | null, bits: number | null): { d: bigint | null; note: CounterNote } {
  if (prev === null || cur === null) return { d: null, note: null };
  const d = cur - prev;
  if (d >= 0n) return { d, note: null };
  if (bits === 32) return { d: d + WRAP32, note: 'wrapped' };
  return { d: null, note: 'counter_backwards' };
}

/** Rates of `cur` against `prev`; `restarted` when the agent's sysUpTime went back since. */
export function ratesOf(prev: Previous | undefined, cur: IfSample, at: Date, restarted: boolean): Rates {
  const none = (note: CounterNote): Rates => ({ inBps: null, outBps: null, utilisation: null, note });
  if (!prev) return none(null);
  if (restarted) return none('restarted');
  const ms = BigInt(at.getTime() - prev.at.getTime());
  // A counter width that changed (ifHC* appeared or went) makes the two samples incomparable.
  if (ms <= 0n || prev.bits !== cur.bits) return none(null);
  const i = delta(prev.inOctets, cur.inOctets, cur.bits);
  const o = delta(prev.outOctets, cur.outOctets, cur.bits);
  if (i.note === 'counter_backwards' || o.note === 'counter_backwards') return none('counter_backwards');
  const bps = (d: bigint | null) => (d === null ? null : (d * 8000n) / ms);
  const inBps = bps(i.d);
  const outBps = bps(o.d);
  let utilisation: number | null = null;
  const top = inBps !== null && outBps !== null ? (inBps > outBps ? inBps : outBps) : (inBps ?? outBps);
  if (top !== null && cur.speedBps && cur.speedBps > 0n) utilisation = Number((top * 10_000n) / cur.speedBps) / 100;
  return { inBps, outBps, utilisation, note: i.note ?? o.note };
}
