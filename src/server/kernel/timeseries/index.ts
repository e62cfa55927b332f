// kernel/timeseries: append-only measurement and event tables (issue 10, point 3). A module declares
// a series with defineSeries in its own `series.ts`, the kernel creates it (ensureSeries) and keeps it
// (seriesMaintenanceJob, hourly); the module writes with appendRows and reads with rangeQuery or its
// own select on inRange. PostgreSQL: daily range partitions, retention by dropping them; PGlite: one
// plain table, retention by deleting by age. Why: docs/decisions/0008-time-series-partitions.md.
export {
  defineSeries,
  periodOf,
  retentionCutoff,
  partitionName,
  defaultPartitionName,
  AHEAD_DAYS,
  SeriesDefinitionError,
  type SeriesDef,
  type SeriesOptions,
  type Period,
} from './define.ts';
export { ensureSeries, type Ensured } from './ensure.ts';
export { maintainSeries, seriesMaintenanceJob, DELETE_BATCH, type MaintenanceReport } from './maintain.ts';
export { appendRows, inRange, rangeQuery, MAX_RANGE_ROWS, type RangeOptions } from './rows.ts';
export { seriesStats, type SeriesStats } from './stats.ts';
export type { Layout, PartitionInfo, SeriesTarget } from './catalog.ts';
