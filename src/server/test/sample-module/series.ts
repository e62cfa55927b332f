// The sample module's time series: what its poller (a collector) measured — which node looked at
// which note, when — kept 30 days (kernel/timeseries: daily partitions on PostgreSQL).
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { defineSeries } from '../../kernel/timeseries/define.ts';

export const samplePolls = defineSeries({
  name: 'sample_polls',
  table: pgTable('sample_polls', {
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    noteId: uuid('note_id').notNull(),
    node: text('node').notNull(),
  }),
  timeColumn: 'at',
  retentionDays: 30,
  indexes: [{ columns: ['noteId', 'at'] }],
});
