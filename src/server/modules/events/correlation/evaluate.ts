// Evaluates a compiled correlation rule over the stored events of a time range (issue 13 point 3):
// the job runs it over the last window every minute, the editor over any range before enabling.
// Each selection is one indexed query (time range first); grouping, thresholds, distinct counts and
// sequences are counted here. A merged row counts as often as it was seen.
import { and, asc, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TRuleHit } from '../../../../common/events.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { likeContains, likePrefix } from '../../../kernel/db/like.ts';
import { evtEvents } from '../series.ts';
import type { CompiledRule, Field, Selection, SumField } from './rule.ts';

/** Rows read per selection at most (a rule matching more in its window is counted on these). */
const MAX_ROWS = 50_000;

interface Row {
  at: Date;
  key: string | null;
  distinct: string | null;
  count: number;
  message: string;
}

function where(s: Selection): SQL | undefined {
  return and(
    ...s.map((c) => {
      const col = evtEvents[c.field];
      return or(
        ...c.values.map((v) =>
          c.op === 'eq' ? sql`lower(${col}) = lower(${v})` : ilike(col, c.op === 'contains' ? likeContains(v) : likePrefix(v)),
        ),
      );
    }),
  );
}

async function rows(
  ctx: Ctx,
  s: Selection,
  groupBy: Field,
  distinct: Field | null,
  from: Date,
  to: Date,
  sum: SumField | null = null,
): Promise<Row[]> {
  // Summing, a row weighs its counter times its merged count (identical sessions merged into one row).
  const sumCol = sum ? evtEvents[sum] : null;
  return ctx.db
    .select({
      at: evtEvents.receivedAt,
      key: evtEvents[groupBy],
      distinct: distinct ? evtEvents[distinct] : sql<null>`null`,
      count: sumCol ? sql<number>`(coalesce(${sumCol}, 0) * ${evtEvents.count})::float8` : evtEvents.count,
      message: evtEvents.message,
    })
    .from(evtEvents)
    .where(and(gte(evtEvents.receivedAt, from), lte(evtEvents.receivedAt, to), where(s), sumCol ? sql`${sumCol} > 0` : undefined))
    .orderBy(asc(evtEvents.receivedAt))
    .limit(MAX_ROWS);
}

function byKey(list: Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of list) {
    if (r.key === null || r.key === '') continue;
    const k = String(r.key);
    out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
}

/** What the rule finds between from and to: one hit per group key. */
export async function evaluate(ctx: Ctx, rule: CompiledRule, from: Date, to: Date): Promise<TRuleHit[]> {
  const first = byKey(await rows(ctx, rule.first.selection, rule.groupBy, rule.first.distinct, from, to, rule.first.sum));
  const then = rule.then ? byKey(await rows(ctx, rule.then.selection, rule.groupBy, null, from, to)) : null;
  const hits: TRuleHit[] = [];
  for (const [key, list] of first) {
    // Slide a window over the group's events until the threshold is reached inside it.
    let start = 0;
    let total = 0;
    const values = new Map<string, number>();
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      total += Number(r.count);
      if (r.distinct !== null) values.set(r.distinct, (values.get(r.distinct) ?? 0) + 1);
      while (r.at.getTime() - list[start]!.at.getTime() > rule.windowMs) {
        const old = list[start++]!;
        total -= Number(old.count);
        if (old.distinct !== null) {
          const n = values.get(old.distinct)! - 1;
          if (n) values.set(old.distinct, n);
          else values.delete(old.distinct);
        }
      }
      const reached = rule.first.distinct ? values.size >= rule.first.min : total >= rule.first.min;
      if (!reached) continue;
      if (!then) {
        hits.push({
          key,
          count: total,
          firstAt: list[start]!.at.toISOString(),
          lastAt: r.at.toISOString(),
          sample: r.message.slice(0, 500),
        });
        break;
      }
      // A sequence: the next event of the second selection after the threshold, within the window.
      const next = then.get(key)?.find((s) => s.at >= r.at && s.at.getTime() - list[start]!.at.getTime() <= rule.windowMs);
      if (next) {
        hits.push({
          key,
          count: total + 1,
          firstAt: list[start]!.at.toISOString(),
          lastAt: next.at.toISOString(),
          sample: next.message.slice(0, 500),
        });
        break;
      }
    }
  }
  return hits;
}
