// Retention of the ClickHouse event store (docs/events-clickhouse.md): hourly, the daily partitions
// (UTC days) wholly older than EVENT_DAYS are dropped, the same 180 days PostgreSQL's series keeps
// (等保: network logs at least six months). On PostgreSQL the kernel's series maintenance does it.
import type { GlobalJob } from '../../../kernel/jobs.ts';
import { EVENT_DAYS } from '../series.ts';
import { eventStore } from '../store.ts';

export const clickhouseRetentionJob: GlobalJob = {
  name: 'events-clickhouse-retention',
  scope: 'global',
  cron: '23 * * * *',
  handler: async (ctx) => {
    const store = eventStore();
    if (store.retain) await store.retain(new Date(ctx.now().getTime() - EVENT_DAYS * 86_400_000));
  },
};
