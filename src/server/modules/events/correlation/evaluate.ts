// Evaluates a compiled correlation rule over the stored events of a time range (issue 13 point 3):
// the job runs it over the last window every minute, the editor over any range before enabling.
// A merged row counts as often as it was seen. What a hit is, per group key:
// - threshold, sum, distinct count: the window (the rule's length, ending at an event) where the total
//   (or the distinct values) is highest, the earliest of equals, when it reaches the threshold; the
//   count is the events (or bytes, packets) in it. A range no longer than the window is one window.
// - sequence: the earliest second event with enough first events in the window before it; the count is
//   those first events and the second.
// PostgreSQL counts these in SQL (pg-hits.ts), so a busy window is counted whole. A store without that
// (ClickHouse), or a distinct count before a sequence, reads the rows into Node: MAX_ROWS per selection.
import type { TRuleHit } from '../../../../common/events.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { eventStore, type SelectedRow as Row } from '../store.ts';
import type { CompiledRule } from './rule.ts';

/** Rows read per selection at most when counted in Node (a rule matching more in its window is counted on these). */
export const MAX_ROWS = 50_000;

function byKey(list: Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of list) {
    if (r.key === null || r.key === '') continue;
    const k = String(r.key);
    const had = out.get(k);
    if (had) had.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** The events between two pointers of a key's list (oldest first): their total and distinct values. */
class Window {
  total = 0;
  start = 0;
  private readonly values = new Map<string, number>();
  private readonly list: Row[];
  constructor(list: Row[]) {
    this.list = list;
  }
  get distinct(): number {
    return this.values.size;
  }
  add(r: Row): void {
    this.total += Number(r.count);
    if (r.distinct !== null) this.values.set(r.distinct, (this.values.get(r.distinct) ?? 0) + 1);
  }
  /** Drops the events before `from`. */
  trim(from: number): void {
    while (this.start < this.list.length && this.list[this.start]!.at.getTime() < from) {
      const old = this.list[this.start++]!;
      this.total -= Number(old.count);
      if (old.distinct === null) continue;
      const n = this.values.get(old.distinct)! - 1;
      if (n) this.values.set(old.distinct, n);
      else this.values.delete(old.distinct);
    }
  }
  get firstAt(): Date {
    return this.list[this.start]!.at;
  }
}

const hit = (key: string, count: number, first: Date, last: Row): TRuleHit => ({
  key,
  count,
  firstAt: first.toISOString(),
  lastAt: last.at.toISOString(),
  sample: last.message.slice(0, 500),
});

/** Threshold, sum or distinct count: the busiest window of each key. */
function busiest(rule: CompiledRule, key: string, list: Row[], whole: boolean): TRuleHit | null {
  const w = new Window(list);
  const measure = () => (rule.first.distinct ? w.distinct : w.total);
  let best: TRuleHit | null = null;
  let bestValue = -1;
  for (let i = 0; i < list.length;) {
    const at = list[i]!.at.getTime();
    // Events at the same instant are in each other's window.
    while (i < list.length && list[i]!.at.getTime() === at) w.add(list[i++]!);
    if (!whole) w.trim(at - rule.windowMs);
    const v = measure();
    if (v >= rule.first.min && (v > bestValue || whole)) [best, bestValue] = [hit(key, w.total, w.firstAt, list[i - 1]!), v];
  }
  return best;
}

/** A sequence: the earliest second event with enough first events in the window before it. */
function sequenceHit(rule: CompiledRule, key: string, first: Row[], then: Row[]): TRuleHit | null {
  const w = new Window(first);
  let next = 0;
  for (const s of then) {
    const at = s.at.getTime();
    while (next < first.length && first[next]!.at.getTime() <= at) w.add(first[next++]!);
    w.trim(at - rule.windowMs);
    if (w.start >= next) continue;
    if ((rule.first.distinct ? w.distinct : w.total) >= rule.first.min) return hit(key, w.total + 1, w.firstAt, s);
  }
  return null;
}

/** The hits of rows read into Node (each selection oldest first). */
export function hitsOfRows(rule: CompiledRule, first: Row[], then: Row[] | null, from: Date, to: Date): TRuleHit[] {
  const firsts = byKey(first);
  const thens = then ? byKey(then) : null;
  const whole = to.getTime() - from.getTime() <= rule.windowMs;
  const hits: TRuleHit[] = [];
  for (const [key, list] of [...firsts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const h = thens ? sequenceHit(rule, key, list, thens.get(key) ?? []) : busiest(rule, key, list, whole);
    if (h) hits.push(h);
  }
  return hits;
}

/** What the rule finds between from and to: one hit per group key, ordered by key. */
export async function evaluate(ctx: Ctx, rule: CompiledRule, from: Date, to: Date): Promise<TRuleHit[]> {
  const store = eventStore();
  const counted = await store.hits?.(ctx, rule, from, to);
  if (counted) return counted;
  const first = await store.select(ctx, rule.first.selection, rule.groupBy, rule.first.distinct, from, to, MAX_ROWS, rule.first.sum);
  const then = rule.then ? await store.select(ctx, rule.then.selection, rule.groupBy, null, from, to, MAX_ROWS) : null;
  return hitsOfRows(rule, first, then, from, to);
}
