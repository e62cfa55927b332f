// Evaluates a compiled correlation rule over the stored events of a time range (issue 13 point 3):
// the job runs it over the last window every minute, the editor over any range before enabling.
// Each selection is one query of the event store (time range first); grouping, thresholds, distinct counts and
// sequences are counted here. A merged row counts as often as it was seen.
import type { TRuleHit } from '../../../../common/events.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { eventStore, type SelectedRow as Row } from '../store.ts';
import type { CompiledRule } from './rule.ts';

/** Rows read per selection at most (a rule matching more in its window is counted on these). */
const MAX_ROWS = 50_000;

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
  const first = byKey(
    await eventStore().select(ctx, rule.first.selection, rule.groupBy, rule.first.distinct, from, to, MAX_ROWS, rule.first.sum),
  );
  const then = rule.then ? byKey(await eventStore().select(ctx, rule.then.selection, rule.groupBy, null, from, to, MAX_ROWS)) : null;
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
