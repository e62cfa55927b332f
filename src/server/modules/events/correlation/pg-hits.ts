// A correlation rule counted in PostgreSQL (PGlite alike; issue 13 point 3), so a busy window is counted
// whole instead of on the rows Node could read (evaluate.ts says what a hit is):
// - the job's run (the range is one window): GROUP BY the group key HAVING sum(count) >= N (or
//   count(DISTINCT field) >= N, or the summed bytes/packets), then one row per hit key for the sample;
// - a test run over a longer range: the same GROUP BY finds the candidate keys (a key below the
//   threshold over the whole range cannot reach it in a window), then a window function over those
//   keys' rows (`RANGE BETWEEN <window> PRECEDING AND CURRENT ROW`) gives each event the total of the
//   window ending at it; distinct counts use the occurrences of each value merged into spans and a
//   running count of the spans open (a window function cannot count DISTINCT);
// - an ordered sequence: candidate keys have enough first events and at least one second; both
//   selections in one ordered pass, each second event with the first events' total in the window before it.
import { and, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import type { TRuleHit } from '../../../../common/events.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { queryRows } from '../../../kernel/db/client.ts';
import { likeContains, likePrefix } from '../../../kernel/db/like.ts';
import { evtEvents as e } from '../series.ts';
import type { CompiledRule, Field, Selection, SumField } from './rule.ts';

/** Nothing in the text changes under case folding (Chinese, digits, punctuation). */
export const caseless = (q: string): boolean => q.toLowerCase() === q && q.toUpperCase() === q;

/**
 * A selection's conditions on the events table (field values compared case-insensitively; caseless text
 * such as Chinese by LIKE, the same rows as ILIKE without lower-casing every row's value).
 */
export function selectionWhere(s: Selection): SQL | undefined {
  return and(
    ...s.map((c) => {
      const col = e[c.field];
      return or(
        ...c.values.map((v) =>
          c.op === 'eq'
            ? sql`lower(${col}) = lower(${v})`
            : (caseless(v) ? like : ilike)(col, c.op === 'contains' ? likeContains(v) : likePrefix(v)),
        ),
      );
    }),
  );
}

interface Part {
  selection: Selection;
  sum: SumField | null;
  distinct: Field | null;
}

/** `SELECT key, at, w, d, message FROM evt_events WHERE …` of one selection over [from, to] (optionally only some keys). */
function rows(p: Part, groupBy: Field, from: Date | string, to: Date | string, keys?: SQL): SQL {
  const bound = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());
  const key = sql`${e[groupBy]}::text`;
  const sumCol = p.sum ? e[p.sum] : null;
  // Summing, a row weighs its counter times its merged count (identical sessions merged into one row).
  // numeric: a window function sums it by adding and subtracting as the window slides (float8 is re-summed per row).
  const w = sumCol ? sql`(coalesce(${sumCol}, 0)::numeric * ${e.count})` : sql`${e.count}::numeric`;
  const d = p.distinct ? sql`${e[p.distinct]}::text` : sql`null::text`;
  const c = [
    sql`${e.receivedAt} >= ${bound(from)}::timestamptz`,
    sql`${e.receivedAt} <= ${bound(to)}::timestamptz`,
    sql`${e[groupBy]} IS NOT NULL`,
    sql`${e[groupBy]}::text <> ''`,
    selectionWhere(p.selection),
    sumCol ? sql`${sumCol} > 0` : undefined,
    keys ? sql`${e[groupBy]}::text IN (${keys})` : undefined,
  ];
  return sql`SELECT ${key} AS key, ${e.receivedAt} AS at, ${w} AS w, ${d} AS d, ${e.message} AS message FROM ${e} WHERE ${and(...c)}`;
}

const ms = (col: string) => sql.raw(`(extract(epoch FROM ${col}) * 1000)::float8`);
const interval = (windowMs: number) => sql.raw(`interval '${Math.floor(windowMs)} milliseconds'`);

/** Keys whose whole range reaches the threshold (a necessary condition for one window to). */
function candidates(p: Part, min: number, groupBy: Field, from: Date, to: Date): SQL {
  const reached = p.distinct ? sql`count(DISTINCT d) >= ${min}` : sql`sum(w) >= ${min}`;
  return sql`SELECT key FROM (${rows(p, groupBy, from, to)}) r GROUP BY key HAVING ${reached}`;
}

interface Got {
  key: string;
  n: number;
  first: number;
  last: number;
  sample: string;
}

const hit = (g: Got): TRuleHit => ({
  key: g.key,
  count: Number(g.n),
  firstAt: new Date(Number(g.first)).toISOString(),
  lastAt: new Date(Number(g.last)).toISOString(),
  sample: g.sample.slice(0, 500),
});

/** The range is one window: every selected event of a key counts (only `keys` when given). */
async function wholeRange(ctx: Ctx, r: CompiledRule, from: Date | string, to: Date | string, keys?: SQL): Promise<TRuleHit[]> {
  const p = r.first;
  const reached = p.distinct ? sql`count(DISTINCT d) >= ${p.min}` : sql`sum(w) >= ${p.min}`;
  const got = await queryRows<Got>(
    ctx.db,
    sql`WITH g AS (SELECT key, sum(w) AS n, min(at) AS first, max(at) AS last FROM (${rows(p, r.groupBy, from, to, keys)}) r
                   GROUP BY key HAVING ${reached})
        SELECT DISTINCT ON (g.key) g.key, g.n, ${ms('g.first')} AS first, ${ms('g.last')} AS last, s.message AS sample
        FROM g JOIN (${rows(p, r.groupBy, from, to, keys)}) s ON s.key = g.key AND s.at = g.last ORDER BY g.key`,
  );
  return got.map(hit);
}

/** A threshold or sum over a longer range: per key the busiest window (the earliest of equals). */
async function sliding(ctx: Ctx, r: CompiledRule, from: Date, to: Date): Promise<TRuleHit[]> {
  const p = r.first;
  const got = await queryRows<Got>(
    ctx.db,
    sql`SELECT DISTINCT ON (key) key, n, ${ms('first')} AS first, ${ms('at')} AS last, message AS sample FROM (
          SELECT key, at, message, sum(w) OVER win AS n, first_value(at) OVER win AS first
          FROM (${rows(p, r.groupBy, from, to, candidates(p, p.min, r.groupBy, from, to))}) s
          WINDOW win AS (PARTITION BY key ORDER BY at RANGE BETWEEN ${interval(r.windowMs)} PRECEDING AND CURRENT ROW)
        ) x WHERE n >= ${p.min} ORDER BY key, n DESC, at`,
  );
  return got.map(hit);
}

/**
 * Distinct values over a longer range: a value is in the window ending at t when it occurs in
 * [t - window, t], so its occurrences (gaps of at most a window merged) cover spans [start, end + window];
 * the most spans open at once is the busiest window, reported with the events it holds.
 */
async function slidingDistinct(ctx: Ctx, r: CompiledRule, from: Date, to: Date): Promise<TRuleHit[]> {
  const p = r.first;
  const W = interval(r.windowMs);
  const sel = rows(p, r.groupBy, from, to, candidates(p, p.min, r.groupBy, from, to));
  // The window's bounds as PostgreSQL's text, not milliseconds: a stored time may carry microseconds.
  const best = await queryRows<{ key: string; f: string; t: string }>(
    ctx.db,
    sql`WITH o AS (
          SELECT key, d, at, CASE WHEN at - lag(at) OVER (PARTITION BY key, d ORDER BY at) <= ${W} THEN 0 ELSE 1 END AS fresh
          FROM (${sel}) s WHERE d IS NOT NULL
        ), i AS (
          SELECT key, d, at, sum(fresh) OVER (PARTITION BY key, d ORDER BY at ROWS UNBOUNDED PRECEDING) AS span FROM o
        ), spans AS (
          SELECT key, min(at) AS s, max(at) + ${W} AS e FROM i GROUP BY key, d, span
        ), edges AS (
          SELECT key, s AS t, 0 AS kind, 1 AS delta FROM spans UNION ALL SELECT key, e, 1, -1 FROM spans
        ), live AS (
          SELECT key, t, kind, sum(delta) OVER (PARTITION BY key ORDER BY t, kind ROWS UNBOUNDED PRECEDING) AS n FROM edges
        )
        SELECT DISTINCT ON (key) key, (t - ${W})::text AS f, t::text AS t FROM live WHERE kind = 0 AND n >= ${p.min} ORDER BY key, n DESC, t`,
  );
  const hits: TRuleHit[] = [];
  for (const b of best) hits.push(...(await wholeRange(ctx, r, b.f, b.t, sql`${b.key}`)));
  return hits;
}

/** An ordered sequence: per key the earliest second event with enough first events in the window before it. */
async function sequence(ctx: Ctx, r: CompiledRule, from: Date, to: Date): Promise<TRuleHit[]> {
  const p = r.first;
  const then: Part = { selection: r.then!.selection, sum: null, distinct: null };
  const keys = sql`${candidates(p, p.min, r.groupBy, from, to)} INTERSECT SELECT key FROM (${rows(then, r.groupBy, from, to)}) t`;
  const W = interval(r.windowMs);
  // The first events' earliest time in the hit's window is looked up for the hits only (min() over a
  // sliding window would be recomputed for every row).
  const got = await queryRows<Got>(
    ctx.db,
    sql`SELECT h.key, h.n + 1 AS n, ${ms('f.first')} AS first, ${ms('h.at')} AS last, h.message AS sample FROM (
          SELECT DISTINCT ON (key) key, at, n, message FROM (
            SELECT key, at, second, message, sum(w) OVER win AS n FROM (
              SELECT key, at, w, 0 AS second, message FROM (${rows(p, r.groupBy, from, to, keys)}) a
              UNION ALL SELECT key, at, 0, 1, message FROM (${rows(then, r.groupBy, from, to, keys)}) b
            ) u
            WINDOW win AS (PARTITION BY key ORDER BY at RANGE BETWEEN ${W} PRECEDING AND CURRENT ROW)
          ) x WHERE second = 1 AND n >= ${p.min} ORDER BY key, at
        ) h, LATERAL (SELECT min(a.at) AS first FROM (${rows(p, r.groupBy, from, to)}) a
                      WHERE a.key = h.key AND a.at >= h.at - ${W} AND a.at <= h.at) f
        ORDER BY h.key`,
  );
  return got.map(hit);
}

/** The rule's hits in [from, to], counted by the database; null for what it does not count (a distinct count before a sequence). */
export async function pgHits(ctx: Ctx, r: CompiledRule, from: Date, to: Date): Promise<TRuleHit[] | null> {
  if (r.then) return r.first.distinct ? null : sequence(ctx, r, from, to);
  if (to.getTime() - from.getTime() <= r.windowMs) return wholeRange(ctx, r, from, to);
  return r.first.distinct ? slidingDistinct(ctx, r, from, to) : sliding(ctx, r, from, to);
}
