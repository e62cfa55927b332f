// One SNMP poll of one device with net-snmp (issue 12, R-MON-01/02/07): sysUpTime, the IF-MIB
// interface tables (ifTable and ifXTable walked together by GETBULK, column by column in the same
// requests), and CPU and memory from HOST-RESOURCES-MIB where the agent offers them. 64-bit counters
// are kept exact as BigInt. Each failure is classified for the device page: timeout (also a wrong v2c
// community: the agent stays silent), auth_failed (the v3 report kind net-snmp gives), garbage.
import snmp from 'net-snmp';
import type { Session, Varbind } from 'net-snmp';
import type { TSnmpState } from '../../../common/monitoring.ts';
import { lldpNeighbours, type LldpNeighbour } from './lldp.ts';
import { pollSensors, type SensorSample } from './sensors.ts';

export interface SnmpTarget {
  address: string;
  port: number;
  version: '2c' | '3';
  community?: string | undefined;
  user?: string | null | undefined;
  authProtocol?: string | null | undefined;
  authKey?: string | undefined;
  privProtocol?: string | null | undefined;
  privKey?: string | undefined;
}

export interface IfSample {
  ifIndex: number;
  name: string;
  operStatus: number;
  /** ifAdminStatus: 1 up, 2 down (shut on purpose). */
  adminStatus: number;
  speedBps: bigint | null;
  /** 64: ifHC*Octets; 32: ifIn/OutOctets (wraps at 2^32); null: no octet counters. */
  bits: 64 | 32 | null;
  inOctets: bigint | null;
  outOctets: bigint | null;
  inErrors: bigint | null;
  outErrors: bigint | null;
  inDiscards: bigint | null;
  outDiscards: bigint | null;
}

export type SnmpResult =
  | {
      ok: true;
      upTime: number;
      /** sysName: how LLDP neighbours name this device (the topology matches on it). */
      sysName: string | null;
      interfaces: IfSample[];
      cpuPct: number | null;
      memPct: number | null;
      neighbours: LldpNeighbour[];
      /** Temperature, fan and power state where the device offers them (sensors.ts). */
      sensors: SensorSample[];
    }
  | { ok: false; state: Exclude<TSnmpState, 'ok' | 'restarted' | 'counter_backwards'>; error: string };

export interface SnmpLimits {
  timeoutMs: number;
  retries: number;
  /**
   * GETBULK requests per poll at most besides those the device's ifNumber calls for (a looping agent
   * cannot keep a poll forever; a chassis of 2,000 ports is not cut off at a fixed number).
   */
  maxRequests: number;
}
export const SNMP_LIMITS: SnmpLimits = { timeoutMs: 2000, retries: 1, maxRequests: 400 };

const SYS_UPTIME = '1.3.6.1.2.1.1.3.0';
const SYS_NAME = '1.3.6.1.2.1.1.5.0';
const IF_NUMBER = '1.3.6.1.2.1.2.1.0';
/** ifNumber believed at most this (an Integer32 a broken agent may set to anything). */
const MAX_IF_NUMBER = 65_536;
/** GETBULK max-repetitions for `columns` columns walked together: about 60 values per answer. */
const repsFor = (columns: number) => Math.max(1, Math.floor(60 / columns));

/**
 * The poll's request budget: the fixed allowance for sysUpTime, HOST-RESOURCES and LLDP, plus what
 * walking ifTable and ifXTable takes for the interfaces the agent says it has (ifNumber), so a large
 * device is walked to its end while a looping agent is still stopped.
 */
export function requestBudget(limits: SnmpLimits, ifNumber: number | null): number {
  const n = Math.min(Math.max(ifNumber ?? 0, 0), MAX_IF_NUMBER);
  return limits.maxRequests + Math.ceil(n / repsFor(Object.keys(COLUMNS).length)) + 1;
}
const IF = '1.3.6.1.2.1.2.2.1.';
const IFX = '1.3.6.1.2.1.31.1.1.1.';
export const COLUMNS = {
  descr: `${IF}2`,
  speed: `${IF}5`,
  admin: `${IF}7`,
  oper: `${IF}8`,
  in32: `${IF}10`,
  inDiscards: `${IF}13`,
  inErrors: `${IF}14`,
  out32: `${IF}16`,
  outDiscards: `${IF}19`,
  outErrors: `${IF}20`,
  name: `${IFX}1`,
  in64: `${IFX}6`,
  out64: `${IFX}10`,
  highSpeed: `${IFX}15`,
} as const;
const HR = {
  load: '1.3.6.1.2.1.25.3.3.1.2',
  storageType: '1.3.6.1.2.1.25.2.3.1.2',
  storageUnits: '1.3.6.1.2.1.25.2.3.1.4',
  storageSize: '1.3.6.1.2.1.25.2.3.1.5',
  storageUsed: '1.3.6.1.2.1.25.2.3.1.6',
};
const HR_STORAGE_RAM = '1.3.6.1.2.1.25.2.1.2';

/**
 * Vendor MIB objects for CPU and memory, for the vendor profiles to come: per-entity tables, walked
 * and averaged like hrProcessorLoad. Not polled yet (HOST-RESOURCES-MIB is); temperature, fans and
 * power supplies are (sensors.ts).
 */
export const VENDOR_OIDS = {
  'huawei-vrp': {
    cpuPct: '1.3.6.1.4.1.2011.5.25.31.1.1.1.1.5',
    memPct: '1.3.6.1.4.1.2011.5.25.31.1.1.1.1.7',
    tempC: '1.3.6.1.4.1.2011.5.25.31.1.1.1.1.11',
  },
  'h3c-comware': {
    cpuPct: '1.3.6.1.4.1.25506.2.6.1.1.1.1.6',
    memPct: '1.3.6.1.4.1.25506.2.6.1.1.1.1.8',
    tempC: '1.3.6.1.4.1.25506.2.6.1.1.1.1.12',
  },
  'cisco-ios': {
    cpuPct: '1.3.6.1.4.1.9.9.109.1.1.1.1.8',
    memUsed: '1.3.6.1.4.1.9.9.48.1.1.1.5',
    memFree: '1.3.6.1.4.1.9.9.48.1.1.1.6',
    tempC: '1.3.6.1.4.1.9.9.13.1.3.1.3',
  },
} as const;

/** A counter's value as BigInt: Counter64 arrives as big-endian bytes, the others as numbers. */
export function counterOf(v: Varbind | undefined): bigint | null {
  if (!v || snmp.isVarbindError(v)) return null;
  const x: unknown = v.value;
  if (Buffer.isBuffer(x)) return x.length === 0 || x.length > 9 ? null : BigInt(`0x${x.toString('hex')}`);
  if (typeof x === 'number' && Number.isInteger(x) && x >= 0) return BigInt(x);
  if (typeof x === 'bigint' && x >= 0n) return x;
  return null;
}
const numberOf = (v: Varbind | undefined): number | null => {
  const c = counterOf(v);
  return c === null ? null : Number(c);
};
export const textOf = (v: Varbind | undefined): string | null =>
  v && !snmp.isVarbindError(v) && (Buffer.isBuffer(v.value) || typeof v.value === 'string')
    ? String(v.value)
        .replace(/[^\P{C}]/gu, '')
        .slice(0, 200)
    : null;

class Garbage extends Error {}

function open(t: SnmpTarget, limits: SnmpLimits): Session {
  const common = {
    port: t.port,
    timeout: limits.timeoutMs,
    retries: limits.retries,
    transport: t.address.includes(':') ? ('udp6' as const) : ('udp4' as const),
  };
  if (t.version === '2c') return snmp.createSession(t.address, t.community ?? '', { ...common, version: snmp.Version2c });
  const level = t.privKey ? snmp.SecurityLevel.authPriv : t.authKey ? snmp.SecurityLevel.authNoPriv : snmp.SecurityLevel.noAuthNoPriv;
  const auth = snmp.AuthProtocols as unknown as Record<string, number>;
  const priv = snmp.PrivProtocols as unknown as Record<string, number>;
  return snmp.createV3Session(
    t.address,
    {
      name: t.user ?? '',
      level,
      ...(t.authKey ? { authProtocol: auth[t.authProtocol ?? 'sha'], authKey: t.authKey } : {}),
      ...(t.privKey ? { privProtocol: priv[t.privProtocol ?? 'aes'], privKey: t.privKey } : {}),
    },
    { ...common, version: snmp.Version3 },
  );
}

const get = (s: Session, oids: string[]) =>
  new Promise<Varbind[]>((resolve, reject) => s.get(oids, (e, vb) => (e ? reject(e) : resolve(vb ?? []))));
const bulk = (s: Session, oids: string[], reps: number) =>
  new Promise<Varbind[][]>((resolve, reject) =>
    s.getBulk(oids, 0, reps, (e, vb) => (e ? reject(e) : resolve((vb ?? []) as unknown as Varbind[][]))),
  );

/**
 * Walks several table columns at once (snmpbulkwalk of each, sharing the GETBULK requests): answers,
 * per column, the values by row index (the OID after the column's).
 */
export async function walkColumns(
  s: Session,
  columns: string[],
  limits: SnmpLimits,
  budget: { left: number },
): Promise<Map<string, Map<string, Varbind>>> {
  const out = new Map(columns.map((c) => [c, new Map<string, Varbind>()]));
  const next = new Map(columns.map((c) => [c, c]));
  while (next.size > 0) {
    if (budget.left-- <= 0) throw new Garbage('代理返回的表格没有结束（请求次数超过上限）');
    const cols = [...next.keys()];
    const reps = repsFor(cols.length);
    const rows = await bulk(
      s,
      cols.map((c) => next.get(c)!),
      reps,
    );
    cols.forEach((col, i) => {
      const answers = rows[i] ?? [];
      let last = next.get(col)!;
      let done = answers.length === 0;
      for (const vb of answers) {
        if (snmp.isVarbindError(vb) || !vb.oid.startsWith(`${col}.`)) {
          done = true;
          break;
        }
        const idx = vb.oid.slice(col.length + 1);
        if (out.get(col)!.has(idx)) throw new Garbage(`代理返回的 OID 不递增：${vb.oid}`);
        out.get(col)!.set(idx, vb);
        last = vb.oid;
      }
      if (done) next.delete(col);
      else next.set(col, last);
    });
  }
  return out;
}

function interfacesOf(cols: Map<string, Map<string, Varbind>>): IfSample[] {
  const c = (k: keyof typeof COLUMNS) => cols.get(COLUMNS[k])!;
  const indexes = [...new Set([...c('descr').keys(), ...c('oper').keys(), ...c('name').keys()])]
    .filter((i) => /^\d+$/.test(i))
    .sort((a, b) => Number(a) - Number(b));
  return indexes.map((i) => {
    const in64 = counterOf(c('in64').get(i));
    const out64 = counterOf(c('out64').get(i));
    const has64 = in64 !== null && out64 !== null;
    const high = counterOf(c('highSpeed').get(i));
    // ifHighSpeed (Mbit/s) over ifSpeed (a Gauge32 that tops out at 4.29 Gbit/s).
    const speed = high !== null && high > 0n ? high * 1_000_000n : counterOf(c('speed').get(i));
    const in32 = counterOf(c('in32').get(i));
    const out32 = counterOf(c('out32').get(i));
    return {
      ifIndex: Number(i),
      name: textOf(c('name').get(i)) || textOf(c('descr').get(i)) || `if${i}`,
      operStatus: numberOf(c('oper').get(i)) ?? 4,
      adminStatus: numberOf(c('admin').get(i)) ?? 1,
      speedBps: speed,
      bits: has64 ? 64 : in32 !== null && out32 !== null ? 32 : null,
      inOctets: has64 ? in64 : in32,
      outOctets: has64 ? out64 : out32,
      inErrors: counterOf(c('inErrors').get(i)),
      outErrors: counterOf(c('outErrors').get(i)),
      inDiscards: counterOf(c('inDiscards').get(i)),
      outDiscards: counterOf(c('outDiscards').get(i)),
    };
  });
}

async function hostResources(
  s: Session,
  limits: SnmpLimits,
  budget: { left: number },
): Promise<{ cpuPct: number | null; memPct: number | null }> {
  const cols = await walkColumns(s, Object.values(HR), limits, budget);
  const loads = [...cols.get(HR.load)!.values()].map(numberOf).filter((v): v is number => v !== null);
  const cpuPct = loads.length ? Math.round((loads.reduce((a, b) => a + b, 0) / loads.length) * 10) / 10 : null;
  let memPct: number | null = null;
  for (const [idx, type] of cols.get(HR.storageType)!) {
    if (String(type.value) !== HR_STORAGE_RAM) continue;
    const size = numberOf(cols.get(HR.storageSize)!.get(idx));
    const used = numberOf(cols.get(HR.storageUsed)!.get(idx));
    if (size && used !== null) memPct = Math.round((used / size) * 1000) / 10;
  }
  return { cpuPct, memPct };
}

/** How a failure shows on the device page. */
export function classify(e: unknown): Extract<SnmpResult, { ok: false }> {
  const err = e as { name?: string; message?: string; code?: number };
  const msg = (err.message ?? String(e)).slice(0, 200);
  if (e instanceof Garbage) return { ok: false, state: 'garbage', error: msg };
  if (err.name === 'RequestTimedOutError') return { ok: false, state: 'timeout', error: '请求超时' };
  if (err.name === 'ResponseInvalidError') {
    const code = snmp.ResponseInvalidCode as unknown as Record<string, number>;
    if (err.code === code.EAuthFailure || err.code === code.ECouldNotDecrypt || err.code === code.ENotInTimeWindow)
      return { ok: false, state: 'auth_failed', error: msg };
    return { ok: false, state: 'garbage', error: msg };
  }
  if (err.name === 'ProcessingError') return { ok: false, state: 'garbage', error: msg };
  return { ok: false, state: 'error', error: msg };
}

/** Polls one device; never throws (every failure is a result). */
export async function pollSnmp(t: SnmpTarget, signal: AbortSignal, limits: SnmpLimits = SNMP_LIMITS): Promise<SnmpResult> {
  let session: Session;
  try {
    session = open(t, limits);
  } catch (e) {
    return classify(e);
  }
  // A datagram net-snmp cannot decode is reported on the session, not on the request (which then
  // times out): kept, so the device says "garbage" rather than "timeout".
  let undecodable: unknown = null;
  session.on('error', (e: unknown) => (undecodable ??= e));
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(new Error('poll aborted'));
    signal.addEventListener('abort', () => reject(new Error('poll aborted')), { once: true });
  });
  aborted.catch(() => undefined);
  const budget = { left: 0 };
  const work = (async (): Promise<SnmpResult> => {
    const [up, name, ifNumber] = await get(session, [SYS_UPTIME, SYS_NAME, IF_NUMBER]);
    if (!up || up.type !== snmp.ObjectType.TimeTicks || typeof up.value !== 'number') throw new Garbage('sysUpTime 不是 TimeTicks');
    budget.left = requestBudget(limits, numberOf(ifNumber));
    const cols = await walkColumns(session, Object.values(COLUMNS), limits, budget);
    const hr = await hostResources(session, limits, budget).catch(() => ({ cpuPct: null, memPct: null }));
    const neighbours = await lldpNeighbours(session, limits, budget).catch(() => []);
    const sensors = await pollSensors(session, limits, budget).catch(() => []);
    return { ok: true, upTime: up.value, sysName: textOf(name), interfaces: interfacesOf(cols), ...hr, neighbours, sensors };
  })();
  try {
    return await Promise.race([work, aborted]);
  } catch (e) {
    if (undecodable && (e as { name?: string }).name === 'RequestTimedOutError')
      return classify(new Garbage(`无法解析的应答：${(undecodable as Error).message ?? ''}`.slice(0, 200)));
    return classify(e);
  } finally {
    work.catch(() => undefined);
    session.close();
  }
}
