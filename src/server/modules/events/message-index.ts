// The trigram index that serves `q` (ILIKE '%…%' on the message, Chinese substrings included), built
// per closed day instead of kept up to date row by row (issue 13, "Speed"; docs/performance.md, ingest).
// Maintaining a GIN trigram index while rows arrive cost PostgreSQL more than everything else the
// ingest does (about 60% of the write, measured by bench/ingest-stages.ts); built in one go over
// finished rows it cost less (67 ms per 1,000 rows against 100–330 row by row on a loaded machine). So on PostgreSQL the series declares no trigram index
// on the parent (a parent index would be built on every new partition and kept up per row), and this
// job (every 15 minutes) indexes each partition whose day has ended, plus DEFAULT. The current day gets one
// partial index per finished hour (`WHERE received_at >= H AND received_at < H + 1h`, built in one go too;
// new rows match none of them, so they cost inserts nothing), dropped once the day's own index exists,
// and the current hour one per finished quarter, dropped once the hour's exists; a search splits today's
// part of its range at the hours and the current hour's at the quarters (pg-store.ts timeArms) so
// PostgreSQL combines those indexes with the BRIN on time (summarized by this job) for the rows not yet
// indexed: at most about 22 minutes of them (was 67). PGlite
// (one plain table, small sites) keeps a single index on the table. An older installation's parent index is dropped once
// (its partitions' copies go with it) and the closed days are rebuilt, a few per run.
import { sql } from 'drizzle-orm';
import type { GlobalJob } from '../../kernel/jobs.ts';
import { queryRows, type Db } from '../../kernel/db/client.ts';
import { existing, kindOf, partitions } from '../../kernel/timeseries/catalog.ts';
import { eventSeries } from './series.ts';

export const PARENT_INDEX = 'evt_events_message_trgm';
/** Closed days indexed per run, so one run stays short after an upgrade; the next hour does more. */
export const DAYS_PER_RUN = 3;

const HOUR = 3_600_000;
/** The current hour is indexed by its finished quarters until the hour's own index replaces them. */
const QUARTER = 900_000;
const gin = (index: string, table: string, where = '') =>
  sql.raw(`CREATE INDEX IF NOT EXISTS "${index}" ON "${table}" USING gin (message gin_trgm_ops)${where}`);
const hourIndex = (partition: string, from: Date, h: Date) =>
  `${partition}_h${String(Math.round((h.getTime() - from.getTime()) / HOUR)).padStart(2, '0')}_trgm`;

/** `evt_events_p20261206_h02q1_trgm`: the partition's hour 02, its second quarter (02:15–02:30). */
const quarterIndex = (partition: string, from: Date, q: Date) =>
  hourIndex(partition, from, new Date(Math.floor(q.getTime() / HOUR) * HOUR)).replace(
    /_trgm$/,
    `q${Math.floor((q.getTime() % HOUR) / QUARTER)}_trgm`,
  );

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
  // The hours of the partitions `now` is in that have ended; the hourly ones of indexed days dropped.
  for (const p of (await partitions(db, eventSeries)).filter((x) => x.from && x.to && x.from < now)) {
    const hours = await queryRows<{ i: string }>(
      db,
      sql`SELECT indexname::text AS i FROM pg_indexes WHERE tablename = ${p.name} AND indexname LIKE ${`${p.name}_h%_trgm`}`,
    );
    if (p.to! <= now) {
      if (!(await existing(db, [partitionIndex(p.name)])).has(partitionIndex(p.name))) continue;
      for (const { i } of hours) await db.execute(sql.raw(`DROP INDEX IF EXISTS "${i}"`));
      done.push(...hours.map(({ i }) => `-${i}`));
      continue;
    }
    // The BRIN on time answers for the hour not yet indexed: its new block ranges summarized first
    // (else they match every search, and autovacuum summarizes only when it gets round to the table).
    const brin = await queryRows<{ i: string }>(
      db,
      sql`SELECT indexname::text AS i FROM pg_indexes WHERE tablename = ${p.name} AND indexdef LIKE '%USING brin%'`,
    );
    for (const { i } of brin) await db.execute(sql`SELECT brin_summarize_new_values(${i}::regclass)`);
    const have = new Set(hours.map((x) => x.i));
    const slice = async (name: string, h: Date, ms: number) => {
      if (have.has(name)) return;
      const end = new Date(h.getTime() + ms);
      await db.execute(gin(name, p.name, ` WHERE received_at >= '${h.toISOString()}' AND received_at < '${end.toISOString()}'`));
      done.push(name);
    };
    let h = p.from!;
    for (; h.getTime() + HOUR <= now.getTime(); h = new Date(h.getTime() + HOUR)) {
      const name = hourIndex(p.name, p.from!, h);
      await slice(name, h, HOUR);
      // The hour's quarters, built while it ran, are covered by its own index now.
      const quarters = hours.filter((x) => x.i.startsWith(name.replace(/_trgm$/, 'q')));
      for (const { i } of quarters) await db.execute(sql.raw(`DROP INDEX IF EXISTS "${i}"`));
      done.push(...quarters.map(({ i }) => `-${i}`));
    }
    for (let q = h; q.getTime() + QUARTER <= now.getTime(); q = new Date(q.getTime() + QUARTER))
      await slice(quarterIndex(p.name, p.from!, q), q, QUARTER);
  }
  return done;
}

/**
 * The time condition of a search by `q` as arms PostgreSQL can match to those indexes: [from, to)
 * before the start of the current day as one arm (whole-day indexes), the rest cut at the hours, and
 * from `hourStart` (the current hour) on at the quarters.
 */
export function timeArms(from: Date, to: Date, dayStart: Date, hourStart?: Date): { from: Date; to: Date }[] {
  const arms: { from: Date; to: Date }[] = [];
  let at = from;
  if (at < dayStart) {
    const end = to < dayStart ? to : dayStart;
    arms.push({ from: at, to: end });
    at = end;
  }
  while (at < to) {
    const step = hourStart && at >= hourStart ? QUARTER : HOUR;
    const next = new Date(Math.min(to.getTime(), (Math.floor(at.getTime() / step) + 1) * step));
    arms.push({ from: at, to: next });
    at = next;
  }
  return arms;
}

export const messageIndexJob: GlobalJob = {
  name: 'events-message-index',
  scope: 'global',
  cron: '7,22,37,52 * * * *',
  handler: async (ctx) => {
    const made = await indexMessages(ctx.db, ctx.now());
    if (made.length) ctx.log.info({ indexes: made }, 'event message trigram indexes built');
  },
};
