// Counters of the demo lab, computed from the clock on each request (no timer per counter): octets are
// the integral of a rate that follows the working day in Asia/Shanghai (a plateau from about 08:00 to
// 20:00, quiet at night) plus a slower wobble per port, so charts move at plausible, varying rates.
// The integral is in closed form, so a counter is exact, never goes backwards and needs no state.
// Each device "boots" every 40 days at a fixed moment of its own: sysUpTime and the counters restart
// there, as they do on a real reboot (the monitoring must handle it through sysUpTime).
import type { LabDevice } from '../lab.ts';
import { unit, type LabPort } from './model.ts';

const DAY = 86_400;
const W = (2 * Math.PI) / DAY;
/** 14:00 Asia/Shanghai = 06:00 UTC, in seconds after UTC midnight: the day's centre of traffic. */
const PEAK = 6 * 3600;
const A = 0.55; // the daily swing
const B = -0.25; // its second harmonic: flattens the office hours into a plateau, deepens the night
const C = 0.15; // a slower wobble of each port (tens of minutes)
const PERIOD = 40 * DAY;

/** The office-hours shape at time t (seconds): between about 0.2 (night) and 1.4 (working day). */
export function busy(t: number): number {
  return 1 + A * Math.cos(W * (t - PEAK)) + B * Math.cos(2 * W * (t - PEAK));
}

/** When the device last booted (seconds since the epoch). */
export function bootAt(d: LabDevice, t: number): number {
  const offset = Math.floor(unit(`boot/${d.key}`) * PERIOD);
  return Math.floor((t - offset) / PERIOD) * PERIOD + offset;
}

/** sysUpTime in hundredths of a second. */
export const upTicks = (d: LabDevice, t: number): number => Math.floor((t - bootAt(d, t)) * 100);

/**
 * ∫ from t0 to t of busy(s) + C·sin(ωp·s + φ) ds (always positive since A + |B| + C < 1). The linear
 * term is taken as t − t0 directly, so the answer keeps its precision whatever the epoch.
 */
function integral(t0: number, t: number, wobble: { w: number; phi: number }): number {
  const waves = (s: number) =>
    (A / W) * Math.sin(W * (s - PEAK)) +
    (B / (2 * W)) * Math.sin(2 * W * (s - PEAK)) -
    (C / wobble.w) * Math.cos(wobble.w * s + wobble.phi);
  return t - t0 + waves(t) - waves(t0);
}

export interface PortCounters {
  inOctets: bigint;
  outOctets: bigint;
  inPkts: bigint;
  outPkts: bigint;
  inErrors: number;
  inDiscards: number;
  outErrors: number;
  outDiscards: number;
}

const MAX_BUSY = 1 + A; // busy() never exceeds this: the peak utilisation is reached at it

/** A port's counters since the device booted, at time t (seconds since the epoch, fractions allowed). */
export function countersAt(d: LabDevice, p: LabPort, t: number): PortCounters {
  const boot = bootAt(d, t);
  const bytesPerSec = (p.speedMbps * 1e6 * p.peakUtil) / 8 / MAX_BUSY;
  const octets = (dir: 'in' | 'out', share: number) => {
    const wobble = {
      w: (2 * Math.PI) / (1200 + 3600 * unit(`w/${d.key}/${p.ifIndex}/${dir}`)),
      phi: 6.3 * unit(`phi/${d.key}/${p.ifIndex}/${dir}`),
    };
    return BigInt(Math.floor(bytesPerSec * share * integral(boot, t, wobble)));
  };
  const inOctets = octets('in', 1);
  const outOctets = octets('out', 0.35 + 0.5 * unit(`out/${d.key}/${p.ifIndex}`));
  const up = t - boot;
  // Errors and discards are rare: a few ports see one every few hours, the rest none.
  const every = (what: string, hours: number) => {
    const r = unit(`${what}/${d.key}/${p.ifIndex}`);
    return p.operUp && r < 0.2 ? Math.floor(up / (hours * 3600 * (1 + 10 * r))) : 0;
  };
  return {
    inOctets,
    outOctets,
    inPkts: inOctets / 640n,
    outPkts: outOctets / 720n,
    inErrors: every('ie', 6),
    inDiscards: every('id', 3),
    outErrors: every('oe', 24),
    outDiscards: every('od', 4),
  };
}

/** hrProcessorLoad: a few percent at night, more in the working day. */
export const cpuAt = (d: LabDevice, t: number): number =>
  Math.min(100, Math.round(6 + 14 * unit(`cpu/${d.key}`) + 12 * busy(t) + 4 * Math.sin(t / 97 + 7 * unit(`cw/${d.key}`))));

/** Share of RAM in use: slowly breathing between about 45 and 60 %. */
export const memoryUsedAt = (d: LabDevice, t: number): number =>
  0.45 + 0.05 * unit(`mem/${d.key}`) + 0.05 * busy(t) + 0.02 * Math.sin(t / 611);

/** The lab's sensors (ENTITY-SENSOR-MIB types: 8 celsius, 10 rpm, 6 watts), the same on every device. */
export const LAB_SENSORS = [
  { index: 1001, type: 8, name: '主控板温度', descr: 'MPU board temperature' },
  { index: 1002, type: 8, name: '进风口温度', descr: 'Air inlet temperature' },
  { index: 2001, type: 10, name: '风扇 1', descr: 'Fan 1' },
  { index: 2002, type: 10, name: '风扇 2', descr: 'Fan 2' },
  { index: 3001, type: 6, name: '电源 1', descr: 'Power supply 1' },
] as const;

/**
 * A sensor's reading at t (in the table's units: tenths of a degree, rpm, watts): the board warms with
 * the CPU, the inlet follows the day, fans and power draw with both; smooth, so a chart looks real.
 */
export function sensorAt(d: LabDevice, index: number, t: number): number {
  const cpu = cpuAt(d, t);
  const day = Math.sin((t / 86_400) * 2 * Math.PI);
  const jitter = Math.sin(t / 97 + d.key.length);
  const inlet = 24 + 2 * day + 0.3 * jitter;
  switch (index) {
    case 1001:
      return Math.round((inlet + 14 + cpu / 8) * 10);
    case 1002:
      return Math.round(inlet * 10);
    case 2001:
    case 2002:
      return Math.round(3600 + cpu * 12 + 40 * jitter + (index - 2001) * 90);
    default:
      return Math.round(120 + cpu * 0.9 + 3 * jitter);
  }
}
