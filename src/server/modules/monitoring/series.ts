// Time series of monitoring (issue 12: "raw 30 days, 5-minute rollups kept 13 months"), kept by the
// kernel's time-series slot (docs/decisions/0008). Counters as numeric (exact beyond 2^53); rates in
// the raw rows as numeric too, in rollups as float8 (a chart's average needs no 20 digits).
import { boolean, doublePrecision, integer, numeric, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { defineSeries } from '../../kernel/timeseries/index.ts';

const at = () => timestamp('at', { withTimezone: true, mode: 'date' }).notNull();
const big = (name: string) => numeric(name, { precision: 40, scale: 0 });
/** 13 months and a little: the annual report reads the whole past year of rollups. */
export const ROLLUP_DAYS = 400;
export const RAW_DAYS = 30;
export const BUCKET_MS = 5 * 60_000;

export const monIcmpSamples = pgTable('mon_icmp_samples', {
  at: at(),
  deviceId: uuid('device_id').notNull(),
  reachable: boolean('reachable').notNull(),
  latencyMs: doublePrecision('latency_ms'),
  lossPct: doublePrecision('loss_pct'),
});

export const monIfSamples = pgTable('mon_if_samples', {
  at: at(),
  deviceId: uuid('device_id').notNull(),
  ifIndex: integer('if_index').notNull(),
  operStatus: smallint('oper_status').notNull(),
  inOctets: big('in_octets'),
  outOctets: big('out_octets'),
  inBps: big('in_bps'),
  outBps: big('out_bps'),
  utilisation: doublePrecision('utilisation'),
  inErrors: big('in_errors'),
  outErrors: big('out_errors'),
});

/** Sensor readings (temperature, fan, power; sensors.ts): the value and the state, as polled. */
export const monSensorSamples = pgTable('mon_sensor_samples', {
  at: at(),
  deviceId: uuid('device_id').notNull(),
  key: text('key').notNull(),
  value: doublePrecision('value'),
  state: text('state').notNull(),
});

/** A latency rollup table: 5-minute buckets (mon_icmp_5m) or hours (mon_icmp_1h). */
const icmpRollupTable = <N extends string>(name: N) =>
  pgTable(
    name,
    {
      at: at(),
      deviceId: uuid('device_id').notNull(),
      latencyAvg: doublePrecision('latency_avg'),
      latencyMax: doublePrecision('latency_max'),
      lossAvg: doublePrecision('loss_avg'),
      samples: integer('samples').notNull(),
    },
    (t) => [primaryKey({ columns: [t.deviceId, t.at] })],
  );

/** An interface rollup table: 5-minute buckets (mon_if_5m) or hours (mon_if_1h). */
const ifRollupTable = <N extends string>(name: N) =>
  pgTable(
    name,
    {
      at: at(),
      deviceId: uuid('device_id').notNull(),
      ifIndex: integer('if_index').notNull(),
      inBpsAvg: doublePrecision('in_bps_avg'),
      inBpsMax: doublePrecision('in_bps_max'),
      outBpsAvg: doublePrecision('out_bps_avg'),
      outBpsMax: doublePrecision('out_bps_max'),
      utilMax: doublePrecision('util_max'),
      samples: integer('samples').notNull(),
    },
    (t) => [primaryKey({ columns: [t.deviceId, t.ifIndex, t.at] })],
  );

export const monIcmp5m = icmpRollupTable('mon_icmp_5m');
export const monIf5m = ifRollupTable('mon_if_5m');
// Hourly rollups of the 5-minute ones (same columns): a chart of a month or more reads these, 720
// rows a month and not 8,640 (docs/performance.md, "Monitoring charts").
export const monIcmp1h = icmpRollupTable('mon_icmp_1h');
export const monIf1h = ifRollupTable('mon_if_1h');

export const icmpSeries = defineSeries({
  name: 'mon_icmp_samples',
  table: monIcmpSamples,
  timeColumn: 'at',
  retentionDays: RAW_DAYS,
  indexes: [{ columns: ['deviceId', 'at'] }],
});
export const ifSeries = defineSeries({
  name: 'mon_if_samples',
  table: monIfSamples,
  timeColumn: 'at',
  retentionDays: RAW_DAYS,
  indexes: [{ columns: ['deviceId', 'ifIndex', 'at'] }],
});
export const sensorSeries = defineSeries({
  name: 'mon_sensor_samples',
  table: monSensorSamples,
  timeColumn: 'at',
  retentionDays: RAW_DAYS,
  indexes: [{ columns: ['deviceId', 'key', 'at', 'value'], name: 'mon_sensor_samples_chart_idx' }],
});
// A week per partition: the year of rollups is ~57 partitions, not 400 (0008, "Consequences").
// The charts' index besides the primary key: the key's columns and the values a chart draws, so a
// 30-day chart (8,640 buckets) is an index-only scan of a few dozen adjacent pages. Through the primary
// key it fetched each bucket's row from the heap, where a row lies among the rows of every other
// interface of its five minutes: 8,640 pages for one chart (docs/performance.md, "Monitoring charts").
export const icmpRollups = defineSeries({
  name: 'mon_icmp_5m',
  table: monIcmp5m,
  timeColumn: 'at',
  retentionDays: ROLLUP_DAYS,
  partitionDays: 7,
  indexes: [{ columns: ['deviceId', 'at', 'latencyAvg', 'lossAvg'], name: 'mon_icmp_5m_chart_idx' }],
});
export const ifRollups = defineSeries({
  name: 'mon_if_5m',
  table: monIf5m,
  timeColumn: 'at',
  retentionDays: ROLLUP_DAYS,
  partitionDays: 7,
  indexes: [{ columns: ['deviceId', 'ifIndex', 'at', 'inBpsAvg', 'outBpsAvg'], name: 'mon_if_5m_chart_idx' }],
});

// Four weeks per partition: a 30-day chart reads two or three, each a few leaf pages of its index.
export const icmpHourly = defineSeries({
  name: 'mon_icmp_1h',
  table: monIcmp1h,
  timeColumn: 'at',
  retentionDays: ROLLUP_DAYS,
  partitionDays: 28,
  indexes: [{ columns: ['deviceId', 'at', 'latencyAvg', 'lossAvg'], name: 'mon_icmp_1h_chart_idx' }],
});
export const ifHourly = defineSeries({
  name: 'mon_if_1h',
  table: monIf1h,
  timeColumn: 'at',
  retentionDays: ROLLUP_DAYS,
  partitionDays: 28,
  indexes: [{ columns: ['deviceId', 'ifIndex', 'at', 'inBpsAvg', 'outBpsAvg'], name: 'mon_if_1h_chart_idx' }],
});

export const MONITORING_SERIES = [icmpSeries, ifSeries, sensorSeries, icmpRollups, ifRollups, icmpHourly, ifHourly];
