// The trigram index that serves `q` (ILIKE '%…%' on the message, Chinese substrings included), built
// per closed day instead of kept up to date row by row (issue 13, "Speed"; docs/performance.md, ingest).
// Maintaining a GIN trigram index while rows arrive cost PostgreSQL more than everything else the
// ingest does (about 60% of the write, measured by bench/ingest-stages.ts); built in one go over a
// finished day it costs about a fifth of that. So on PostgreSQL the series declares no trigram index
// on the parent (a parent index would be built on every new partition and kept up per row), and this
// hourly job indexes each partition whose day has ended, plus DEFAULT; the current day's partition is
// searched by its time range without it (a scan of today's rows). PGlite (one plain table, small
// sites) keeps a single index on the table. An older installation's parent index is dropped once
// (its partitions' copies go with it) and the closed days are rebuilt, a few per run.
import { sql } from 'drizzle-orm';
import type { GlobalJob } from '../../kernel/jobs.ts';
import type { Db } from '../../kernel/db/client.ts';
import { existing, kindOf, partitions } from '../../kernel/timeseries/catalog.ts';
import { eventSeries } from './series.ts';

export const PARENT_INDEX = 'evt_events_message_trgm';
/** Closed days indexed per run, so one run stays short after an upgrade; the next hour does more. */
export const DAYS_PER_RUN = 3;

const gin = (index: string, table: string) =>
  sql.raw(`CREATE INDEX IF NOT EXISTS "${index}" ON "${table}" USING gin (message gin_trgm_ops)`);

/** The index name for a partition (`evt_events_p20261206_trgm`). */
export const partitionIndex = (partition: string): string => `${partition}_trgm`;

/** Indexes what is due; answers the indexes it created (or dropped, prefixed with `-`). */
export async function indexMessages(db: Db, now: Date): Promise<string[]> {
  if ((await kindOf({ db })) !== 'postgresql') {
    const had = await existing(db, [PARENT_INDEX]);
    if (had.has(PARENT_INDEX)) return [];
    await db.execute(gin(PARENT_INDEX, eventSeries.name));
    return [PARENT_INDEX];
  }
  const done: string[] = [];
  const parent = await existing(db, [PARENT_INDEX]);
  if (parent.has(PARENT_INDEX)) {
    await db.execute(sql.raw(`DROP INDEX IF EXISTS "${PARENT_INDEX}"`));
    done.push(`-${PARENT_INDEX}`);
  }
  const parts = (await partitions(db, eventSeries)).filter((p) => p.to === null || p.to.getTime() <= now.getTime());
  const have = await existing(
    db,
    parts.map((p) => partitionIndex(p.name)),
  );
  // Newest closed day first: yesterday's searches matter more than last month's.
  const due = parts
    .filter((p) => !have.has(partitionIndex(p.name)))
    .sort((a, b) => (b.to?.getTime() ?? Infinity) - (a.to?.getTime() ?? Infinity));
  for (const p of due.slice(0, DAYS_PER_RUN)) {
    await db.execute(gin(partitionIndex(p.name), p.name));
    done.push(partitionIndex(p.name));
  }
  return done;
}

export const messageIndexJob: GlobalJob = {
  name: 'events-message-index',
  scope: 'global',
  cron: '7 * * * *',
  handler: async (ctx) => {
    const made = await indexMessages(ctx.db, ctx.now());
    if (made.length) ctx.log.info({ indexes: made }, 'event message trigram indexes built');
  },
};
