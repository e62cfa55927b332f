// The two pollers of monitoring, run by the kernel's collector runtime (docs/collectors.md): one round
// every 10 s (the shortest interval a device may have) over the devices that are due, split between
// collector nodes by shard; one poll job per shard per round, never one timer per device. ICMP answers
// a round with one fping process (icmp.ts PingBatcher); SNMP polls up to 64 devices at once, and a
// device that fails (timeout, auth, garbage) is a result of its own that stops nothing else.
import { eq, isNotNull } from 'drizzle-orm';
import { inTx, type Ctx } from '../../kernel/context.ts';
import type { CollectorDef } from '../../kernel/collectors/types.ts';
import { PingBatcher, ping } from './icmp.ts';
import { SNMP_LIMITS, pollSnmp, type SnmpLimits, type SnmpTarget } from './snmp.ts';
import { writeIcmp, writeSnmp, type IcmpRow, type SnmpRow } from './store.ts';
import { monDevices } from './tables.ts';

/** The collectors' round: the shortest interval a device may ask for (R-MON-01: intervalSec ≥ 10). */
export const ROUND_MS = 10_000;

type DeviceRow = typeof monDevices.$inferSelect;
export interface PollTarget {
  id: string;
  address: string;
  snmp: SnmpTarget | null;
  /** The sealed secrets, opened only in the poll. */
  secretBox: string | null;
}

let limits: SnmpLimits = SNMP_LIMITS;
/** SNMP timeouts from now on (tests shorten them). */
export function setSnmpLimits(l: Partial<SnmpLimits>): void {
  limits = { ...SNMP_LIMITS, ...l };
}

const targetOf = (d: DeviceRow): PollTarget => ({
  id: d.id,
  address: d.address,
  secretBox: d.secretBox,
  snmp: d.snmpVersion
    ? {
        address: d.address,
        port: d.snmpPort ?? 161,
        version: d.snmpVersion as '2c' | '3',
        user: d.snmpUser,
        authProtocol: d.snmpAuthProtocol,
        privProtocol: d.snmpPrivProtocol,
      }
    : null,
});

/**
 * Devices due for a poll: last polled at least their interval ago (less half a round, so a device of
 * 60 s is polled every 60 s and not every 70). Only registered devices are ever contacted.
 */
async function due(ctx: Ctx, kind: 'icmp' | 'snmp'): Promise<{ key: string; target: PollTarget }[]> {
  const rows = await ctx.db
    .select()
    .from(monDevices)
    .where(kind === 'icmp' ? eq(monDevices.icmp, true) : isNotNull(monDevices.snmpVersion));
  const now = ctx.now().getTime();
  return rows
    .filter((d) => {
      const last = kind === 'icmp' ? d.icmpAt : d.snmpAt;
      return !last || now - last.getTime() >= d.intervalSec * 1000 - ROUND_MS / 2;
    })
    .map((d) => ({ key: d.id, target: targetOf(d) }));
}

async function snmpOf(keys: Ctx['keys'], t: PollTarget, signal: AbortSignal) {
  const secrets = t.secretBox ? (JSON.parse(keys.decrypt(t.secretBox)) as Partial<SnmpTarget>) : {};
  return pollSnmp({ ...t.snmp!, ...secrets }, signal, limits);
}

const batcher = new PingBatcher();

export const icmpCollector: CollectorDef<IcmpRow, PollTarget> = {
  id: 'monitoring.icmp',
  kind: 'poller',
  scope: 'global',
  intervalMs: ROUND_MS,
  // Every poll of a round starts at once, so the batcher hands them all to one fping.
  concurrency: 100_000,
  targets: (ctx) => due(ctx, 'icmp'),
  poll: async (c, t) => {
    const result = await batcher.ask(t.address);
    if (!c.signal.aborted) await c.emit([{ deviceId: t.id, at: c.now(), result }]);
  },
  sink: { write: writeIcmp },
};

export const snmpCollector: CollectorDef<SnmpRow, PollTarget> = {
  id: 'monitoring.snmp',
  kind: 'poller',
  scope: 'global',
  intervalMs: ROUND_MS,
  concurrency: 64,
  targets: (ctx) => due(ctx, 'snmp'),
  poll: async (c, t) => {
    const result = await snmpOf(c.keys, t, c.signal);
    if (!c.signal.aborted) await c.emit([{ deviceId: t.id, at: c.now(), result }]);
  },
  // A batch holds whole devices (each row all of a device's interfaces).
  sink: { write: writeSnmp, batchSize: 100 },
};

const firstPolls = new Set<Promise<void>>();
/** Waits for the first polls this node started (tests, an orderly stop). */
export async function settleFirstPolls(): Promise<void> {
  while (firstPolls.size) await Promise.all([...firstPolls]);
}

/**
 * A newly registered device's first poll, at once on the node that registered it (issue 12: "the
 * first poll starts at once"), written as the collectors write; later polls are the collectors'.
 */
export function pollNow(ctx: Ctx, device: DeviceRow): void {
  const t = targetOf(device);
  const run = (async () => {
    const never = new AbortController().signal;
    const [icmp, snmp] = await Promise.all([
      device.icmp ? ping([t.address]).then((m) => m.get(t.address)!) : null,
      t.snmp ? snmpOf(ctx.keys, t, never) : null,
    ]);
    const at = ctx.now();
    await inTx(ctx, async (tx) => {
      if (icmp) await writeIcmp(tx, [{ deviceId: t.id, at, result: icmp }]);
      if (snmp) await writeSnmp(tx, [{ deviceId: t.id, at, result: snmp }]);
    });
  })()
    .catch((err: unknown) => ctx.log.error({ err, deviceId: device.id }, 'first monitoring poll failed'))
    .finally(() => firstPolls.delete(run));
  firstPolls.add(run);
}
