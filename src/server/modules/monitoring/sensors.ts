// Temperature, fan and power state (R-MON-07), polled where the device offers them, in one walk of
// the columns of every table below (an agent without them answers the first request past its end):
// - ENTITY-SENSOR-MIB entPhySensorTable (RFC 3433): type, scale, precision, value, oper status,
//   named by ENTITY-MIB entPhysicalName of the same entPhysicalIndex;
// - CISCO-ENVMON-MIB: the temperature, fan and supply status tables (state normal(1) warning(2)
//   critical(3) shutdown(4) notPresent(5) notFunctioning(6));
// - HUAWEI-ENTITY-EXTENT-MIB: hwEntityTemperature per entity (0: the entity has no sensor),
//   hwFanStatusTable (present, state normal(1)/abnormal(2)) and hwPwrStatusTable (present, state
//   supply(1)/notSupply(2)/sleep(3)/unknown(4)), both indexed by slot and number;
// - HH3C-ENTITY-EXT-MIB (H3C Comware): hh3cEntityExtTemperature per entity with its alarm threshold
//   and its critical threshold (0 or 65535: no sensor, no threshold set).
import snmp from 'net-snmp';
import type { Session, Varbind } from 'net-snmp';
import type { TSensorKind, TSensorState } from '../../../common/monitoring.ts';
import { textOf, walkColumns, type SnmpLimits } from './snmp.ts';

export interface SensorSample {
  /** Stable per device: the table and the row index (`ent.1003`, `cisco-fan.1`, `hw-pwr.0.1`). */
  key: string;
  kind: TSensorKind;
  name: string;
  value: number | null;
  unit: string | null;
  state: TSensorState;
}

const ENT_SENSOR = '1.3.6.1.2.1.99.1.1.1.';
const ENT_NAME = '1.3.6.1.2.1.47.1.1.1.1.7';
const ENVMON = '1.3.6.1.4.1.9.9.13.1.';
const HW = '1.3.6.1.4.1.2011.5.25.31.1.1.';
const H3C = '1.3.6.1.4.1.25506.2.6.1.1.1.1.';
export const SENSOR_COLUMNS = {
  entType: `${ENT_SENSOR}1`,
  entScale: `${ENT_SENSOR}2`,
  entPrecision: `${ENT_SENSOR}3`,
  entValue: `${ENT_SENSOR}4`,
  entStatus: `${ENT_SENSOR}5`,
  ciscoTempDescr: `${ENVMON}3.1.2`,
  ciscoTempValue: `${ENVMON}3.1.3`,
  ciscoTempState: `${ENVMON}3.1.6`,
  ciscoFanDescr: `${ENVMON}4.1.2`,
  ciscoFanState: `${ENVMON}4.1.3`,
  ciscoSupplyDescr: `${ENVMON}5.1.2`,
  ciscoSupplyState: `${ENVMON}5.1.3`,
  hwTemp: `${HW}1.1.1.11`,
  hwFanPresent: `${HW}10.1.6`,
  hwFanState: `${HW}10.1.7`,
  hwPwrPresent: `${HW}18.1.5`,
  hwPwrState: `${HW}18.1.6`,
  h3cTemp: `${H3C}12`,
  h3cTempThreshold: `${H3C}13`,
  h3cTempCritical: `${H3C}17`,
} as const;
type Col = keyof typeof SENSOR_COLUMNS;

/** Sensors per device at most (a chassis has a few hundred; more is an agent looping). */
const MAX_SENSORS = 500;

/** EntitySensorDataType → what Yunwei shows (others, e.g. humidity, are not R-MON-07's). */
const ENT_TYPES: Record<number, { kind: TSensorKind; unit: string }> = {
  3: { kind: 'power', unit: 'V' },
  4: { kind: 'power', unit: 'V' },
  5: { kind: 'power', unit: 'A' },
  6: { kind: 'power', unit: 'W' },
  8: { kind: 'temperature', unit: '℃' },
  10: { kind: 'fan', unit: 'rpm' },
};
const CISCO_STATE: Record<number, TSensorState> = {
  1: 'ok',
  2: 'warning',
  3: 'failed',
  4: 'failed',
  5: 'absent',
  6: 'failed',
};

/** A signed INTEGER (entPhySensorValue, hwEntityTemperature may be negative). */
const intOf = (v: Varbind | undefined): number | null =>
  v && !snmp.isVarbindError(v) && typeof v.value === 'number' && Number.isInteger(v.value) ? v.value : null;

/** entPhySensorValue × 10^(3·(scale − 9)) × 10^(−precision): units(9) is 10^0, milli(8) 10^−3, kilo(10) 10^3. */
export function scaled(value: number, scale: number | null, precision: number | null): number {
  const exp = 3 * ((scale ?? 9) - 9) - (precision ?? 0);
  return Number((value * 10 ** exp).toPrecision(12));
}

function entitySensors(col: (k: Col) => Map<string, Varbind>, names: Map<string, string>): SensorSample[] {
  const out: SensorSample[] = [];
  for (const [idx, t] of col('entType')) {
    const type = ENT_TYPES[intOf(t) ?? 0];
    if (!type) continue;
    const raw = intOf(col('entValue').get(idx));
    const status = intOf(col('entStatus').get(idx));
    const state: TSensorState = status === 1 ? 'ok' : status === 3 ? 'failed' : 'unknown';
    out.push({
      key: `ent.${idx}`,
      kind: type.kind,
      name: names.get(idx) || `entPhysicalIndex ${idx}`,
      value: raw === null || status === 2 ? null : scaled(raw, intOf(col('entScale').get(idx)), intOf(col('entPrecision').get(idx))),
      unit: type.unit,
      state,
    });
  }
  return out;
}

function ciscoSensors(col: (k: Col) => Map<string, Varbind>): SensorSample[] {
  const out: SensorSample[] = [];
  const table = (kind: TSensorKind, prefix: string, descr: Col, state: Col, label: string, value?: Col) => {
    for (const [idx, s] of col(state)) {
      const v = value ? intOf(col(value).get(idx)) : null;
      out.push({
        key: `${prefix}.${idx}`,
        kind,
        name: textOf(col(descr).get(idx)) || `${label} ${idx}`,
        value: v,
        unit: value ? '℃' : null,
        state: CISCO_STATE[intOf(s) ?? 0] ?? 'unknown',
      });
    }
  };
  table('temperature', 'cisco-temp', 'ciscoTempDescr', 'ciscoTempState', '温度', 'ciscoTempValue');
  table('fan', 'cisco-fan', 'ciscoFanDescr', 'ciscoFanState', '风扇');
  table('power', 'cisco-psu', 'ciscoSupplyDescr', 'ciscoSupplyState', '电源');
  return out;
}

function huaweiSensors(col: (k: Col) => Map<string, Varbind>, names: Map<string, string>): SensorSample[] {
  const out: SensorSample[] = [];
  for (const [idx, v] of col('hwTemp')) {
    const c = intOf(v);
    if (c === null || c === 0) continue;
    out.push({ key: `hw-temp.${idx}`, kind: 'temperature', name: names.get(idx) || `实体 ${idx}`, value: c, unit: '℃', state: 'ok' });
  }
  const slotted = (kind: TSensorKind, prefix: string, present: Col, state: Col, label: string, ok: number) => {
    for (const [idx, s] of col(state)) {
      const absent = intOf(col(present).get(idx)) === 2;
      const st = intOf(s);
      out.push({
        key: `${prefix}.${idx}`,
        kind,
        name: `${label} ${idx.replace('.', '/')}`,
        value: null,
        unit: null,
        state: absent ? 'absent' : st === ok ? 'ok' : st === 4 || st === null ? 'unknown' : 'failed',
      });
    }
  };
  slotted('fan', 'hw-fan', 'hwFanPresent', 'hwFanState', '风扇', 1);
  slotted('power', 'hw-pwr', 'hwPwrPresent', 'hwPwrState', '电源', 1);
  return out;
}

/** H3C's "not supported" values of a temperature or a threshold. */
const h3cValue = (v: number | null): number | null => (v === null || v === 0 || v === 65535 ? null : v);

/** H3C Comware: warning at or above the entity's alarm threshold, failed at or above its critical one. */
function h3cSensors(col: (k: Col) => Map<string, Varbind>, names: Map<string, string>): SensorSample[] {
  const out: SensorSample[] = [];
  for (const [idx, v] of col('h3cTemp')) {
    const c = h3cValue(intOf(v));
    if (c === null) continue;
    const alarm = h3cValue(intOf(col('h3cTempThreshold').get(idx)));
    const critical = h3cValue(intOf(col('h3cTempCritical').get(idx)));
    const state: TSensorState = critical !== null && c >= critical ? 'failed' : alarm !== null && c >= alarm ? 'warning' : 'ok';
    out.push({ key: `h3c-temp.${idx}`, kind: 'temperature', name: names.get(idx) || `实体 ${idx}`, value: c, unit: '℃', state });
  }
  return out;
}

const getNames = (s: Session, oids: string[]) =>
  new Promise<Varbind[]>((resolve, reject) => s.get(oids, (e, vb) => (e ? reject(e) : resolve(vb ?? []))));

/** entPhysicalName of these entities, 20 a request (only those a sensor row names). */
async function entityNames(s: Session, indexes: string[], budget: { left: number }): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < indexes.length && budget.left-- > 0; i += 20) {
    const slice = indexes.slice(i, i + 20);
    const vbs = await getNames(
      s,
      slice.map((x) => `${ENT_NAME}.${x}`),
    );
    vbs.forEach((vb, k) => {
      const name = textOf(vb);
      if (name) out.set(slice[k]!, name);
    });
  }
  return out;
}

/** The device's sensors; none when it offers none of these tables. */
export async function pollSensors(s: Session, limits: SnmpLimits, budget: { left: number }): Promise<SensorSample[]> {
  const cols = await walkColumns(s, Object.values(SENSOR_COLUMNS), limits, budget);
  const col = (k: Col) => cols.get(SENSOR_COLUMNS[k])!;
  const named = [
    ...new Set([
      ...col('entType').keys(),
      ...[...col('hwTemp')].filter(([, v]) => intOf(v)).map(([k]) => k),
      ...[...col('h3cTemp')].filter(([, v]) => h3cValue(intOf(v)) !== null).map(([k]) => k),
    ]),
  ];
  const names = named.length ? await entityNames(s, named, budget).catch(() => new Map<string, string>()) : new Map<string, string>();
  return [...entitySensors(col, names), ...ciscoSensors(col), ...huaweiSensors(col, names), ...h3cSensors(col, names)].slice(
    0,
    MAX_SENSORS,
  );
}
