// SNMP traps received and turned into events (issue 12 point 3, R-MON-01/02): a `local` listener on
// each collector node (devices send to that node's address) on UDP YUNWEI_SNMP_TRAP_PORT, v2c traps
// and informs and v1 traps through net-snmp's Receiver. The sender is matched by address to a
// registered device; a trap from anyone else is counted and listed (mon_trap_sources), and so is a
// datagram that is no SNMP message at all: a flood of garbage costs a parse each, never the listener.
// linkDown/linkUp set the interface's link state, which the alert evaluation turns into the link_down
// alert (alerts.ts) and its matching linkUp resolves.
import snmp from 'net-snmp';
import type { Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { inArray, sql } from 'drizzle-orm';
import type { CollectorDef } from '../../kernel/collectors/types.ts';
import type { Ctx } from '../../kernel/context.ts';
import { monDevices, monLinkTraps, monTrapEvents, monTrapSources } from './tables.ts';

export type TrapRow =
  | {
      kind: 'trap';
      at: Date;
      address: string;
      version: '1' | '2c';
      trapOid: string;
      trapName: string;
      ifIndex: number | null;
      varbinds: string;
    }
  | { kind: 'garbage'; at: Date; address: string };

/** Standard traps (SNMPv2-MIB, IF-MIB): v1 generic trap n is 1.3.6.1.6.3.1.1.5.(n+1). */
const STANDARD = '1.3.6.1.6.3.1.1.5.';
const TRAP_NAMES: Record<string, string> = {
  [`${STANDARD}1`]: 'coldStart',
  [`${STANDARD}2`]: 'warmStart',
  [`${STANDARD}3`]: 'linkDown',
  [`${STANDARD}4`]: 'linkUp',
  [`${STANDARD}5`]: 'authenticationFailure',
};
const SNMP_TRAP_OID = '1.3.6.1.6.3.1.1.4.1.0';
const SYS_UPTIME = '1.3.6.1.2.1.1.3.0';
/** ifIndex, ifAdminStatus, ifOperStatus columns: the instance is the ifIndex. */
const IF_COLUMNS = ['1.3.6.1.2.1.2.2.1.1.', '1.3.6.1.2.1.2.2.1.7.', '1.3.6.1.2.1.2.2.1.8.'];
const VARBINDS_MAX = 4000;

interface Varbind {
  oid: string;
  type: number;
  value: unknown;
}

/** A value as text a column can hold: no NUL or other control characters, bounded. */
function show(v: unknown): string {
  const s = Buffer.isBuffer(v) ? v.toString('utf8') : typeof v === 'bigint' ? v.toString() : String(v);
  // eslint-disable-next-line no-control-regex -- exactly what is removed
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/g, '').slice(0, 500);
}

/** The row a received notification becomes (exported for the tests of odd PDUs). */
export function trapRow(
  pdu: { type: number; varbinds?: Varbind[]; enterprise?: string; generic?: number; specific?: number },
  address: string,
  at: Date,
): TrapRow {
  const vbs = pdu.varbinds ?? [];
  const v1 = pdu.type === snmp.PduType.Trap;
  const trapOid = v1
    ? pdu.generic !== undefined && pdu.generic < 6
      ? `${STANDARD}${pdu.generic + 1}`
      : `${pdu.enterprise ?? ''}.0.${pdu.specific ?? 0}`
    : show(vbs.find((v) => v.oid === SNMP_TRAP_OID)?.value ?? '');
  let ifIndex: number | null = null;
  for (const v of vbs) {
    const col = IF_COLUMNS.find((c) => v.oid.startsWith(c));
    const n = col ? Number(v.oid.slice(col.length)) : NaN;
    if (Number.isSafeInteger(n) && n >= 0 && n <= 2_147_483_647) {
      ifIndex = n;
      break;
    }
  }
  const text = vbs
    .filter((v) => v.oid !== SNMP_TRAP_OID && v.oid !== SYS_UPTIME)
    .map((v) => `${show(v.oid)} = ${show(v.value)}`)
    .join('\n')
    .slice(0, VARBINDS_MAX);
  return {
    kind: 'trap',
    at,
    address,
    version: v1 ? '1' : '2c',
    trapOid: trapOid.slice(0, 200),
    trapName: TRAP_NAMES[trapOid] ?? '',
    ifIndex,
    varbinds: text,
  };
}

interface TrapReceiver {
  listener: { sockets: Record<string, Socket> };
  close(done?: () => void): void;
}

/** The listener's counters since it started (the test and the log read them). */
export const trapStats = { received: 0, garbage: 0, dropped: 0 };

export const trapCollector: CollectorDef<TrapRow> = {
  id: 'monitoring.traps',
  kind: 'listener',
  scope: 'local',
  start: async (c) => {
    const accept = (rows: TrapRow[]) => {
      // UDP cannot be slowed down: above the high water mark a datagram is dropped (and counted).
      if (c.paused()) return void (trapStats.dropped += rows.length);
      void c.emit(rows);
    };
    // net-snmp's types leave the receiver `any`: typed here as what is used of it.
    const receiver = snmp.createReceiver(
      {
        port: c.listen.snmpTrapPort,
        address: c.listen.host,
        transport: c.listen.host.includes(':') ? 'udp6' : 'udp4',
        // Devices are matched by address, and their communities differ: no community check here.
        disableAuthorization: true,
      },
      (error: (Error & { rinfo?: { address: string } }) | null, data?: { pdu: Parameters<typeof trapRow>[0]; rinfo: AddressInfo }) => {
        if (error) {
          if (!error.rinfo) return c.log.warn({ error: error.message }, 'SNMP trap receiver error');
          trapStats.garbage++;
          return accept([{ kind: 'garbage', at: c.now(), address: show(error.rinfo.address).slice(0, 64) }]);
        }
        if (!data) return;
        trapStats.received++;
        try {
          accept([trapRow(data.pdu, data.rinfo.address, c.now())]);
        } catch (err) {
          trapStats.garbage++;
          c.log.warn({ err }, 'SNMP trap not understood');
        }
      },
    ) as TrapReceiver;
    // Bound (or refused: the port in use) before start() answers, so a failure is the runtime's backoff.
    const sockets = Object.values(
      (receiver as unknown as { listener: { sockets: Record<string, import('node:dgram').Socket> } }).listener.sockets,
    );
    await Promise.all(
      sockets.map(
        (s) =>
          new Promise<void>((resolve, reject) => {
            s.once('listening', resolve);
            s.once('error', reject);
          }),
      ),
    ).catch((err: unknown) => {
      receiver.close();
      throw err;
    });
    return { stop: () => new Promise<void>((resolve) => receiver.close(() => resolve())) };
  },
  sink: { write: (ctx, rows) => writeTraps(ctx, rows) },
};

/** One batch: events of known devices, their link states, and the unknown senders and garbage by address. */
export async function writeTraps(ctx: Ctx, rows: TrapRow[]): Promise<void> {
  const addresses = [...new Set(rows.map((r) => r.address))];
  const devices = await ctx.db
    .select({ id: monDevices.id, address: monDevices.address })
    .from(monDevices)
    .where(inArray(monDevices.address, addresses));
  // Addresses are unique on a real network; where two registered devices share one (the demo's
  // simulated devices on 127.0.0.1), the trap is each one's event.
  const deviceOf = new Map<string, string[]>();
  for (const d of devices) deviceOf.set(d.address, [...(deviceOf.get(d.address) ?? []), d.id]);
  const events: (typeof monTrapEvents.$inferInsert)[] = [];
  const links = new Map<string, typeof monLinkTraps.$inferInsert>();
  const sources = new Map<string, typeof monTrapSources.$inferInsert>();
  for (const r of rows) {
    const ids = r.kind === 'trap' ? deviceOf.get(r.address) : undefined;
    if (r.kind === 'trap' && ids) {
      const { kind: _k, at, ...rest } = r;
      for (const deviceId of ids) {
        events.push({ ...rest, deviceId, receivedAt: at });
        if ((r.trapName === 'linkDown' || r.trapName === 'linkUp') && r.ifIndex !== null)
          links.set(`${deviceId}/${r.ifIndex}`, { deviceId, ifIndex: r.ifIndex, down: r.trapName === 'linkDown', at });
      }
      continue;
    }
    const s = sources.get(r.address) ?? { address: r.address, unknownTraps: 0, garbage: 0, lastTrapOid: null, firstAt: r.at, lastAt: r.at };
    if (r.kind === 'trap') {
      s.unknownTraps! += 1;
      s.lastTrapOid = r.trapOid;
    } else s.garbage! += 1;
    s.lastAt = r.at;
    sources.set(r.address, s);
  }
  if (events.length) await ctx.db.insert(monTrapEvents).values(events);
  if (links.size)
    await ctx.db
      .insert(monLinkTraps)
      .values([...links.values()])
      .onConflictDoUpdate({
        target: [monLinkTraps.deviceId, monLinkTraps.ifIndex],
        set: { down: sql`excluded.down`, at: sql`excluded.at` },
        setWhere: sql`${monLinkTraps.at} <= excluded.at`,
      });
  if (sources.size)
    await ctx.db
      .insert(monTrapSources)
      .values([...sources.values()])
      .onConflictDoUpdate({
        target: monTrapSources.address,
        set: {
          unknownTraps: sql`${monTrapSources.unknownTraps} + excluded.unknown_traps`,
          garbage: sql`${monTrapSources.garbage} + excluded.garbage`,
          lastTrapOid: sql`coalesce(excluded.last_trap_oid, ${monTrapSources.lastTrapOid})`,
          lastAt: sql`excluded.last_at`,
        },
      });
}
