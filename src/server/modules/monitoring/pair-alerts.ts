// Alerts of ICMP probe pairs (issue 12 point 3): the thresholds of devices, as data, held against each
// pair's latest probe: `unreachable` (no reply) and `latency` (average latency, ms, with hysteresis),
// each with its minimum duration; opening and closing as a device's alerts do (alert-actions.ts).
import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import type { Reading } from './alerts.ts';
import { pairSubject, step } from './alert-actions.ts';
import { monAlerts, monProbePairs, monThresholds } from './tables.ts';

/** A probe older than this many intervals decides nothing (its node is behind, stopped or gone). */
const STALE_INTERVALS = 3;

export async function evaluatePairAlerts(ctx: Ctx): Promise<{ opened: number; closed: number }> {
  const now = ctx.now();
  const thresholds = await ctx.db
    .select()
    .from(monThresholds)
    .where(and(eq(monThresholds.enabled, true), isNull(monThresholds.deviceId)));
  const down = thresholds.find((t) => t.rule === 'unreachable');
  const slow = thresholds.find((t) => t.rule === 'latency');
  const tally = { opened: 0, closed: 0 };
  if (!down && !slow) return tally;
  const pairs = await ctx.db.select().from(monProbePairs);
  const live = await ctx.db
    .select()
    .from(monAlerts)
    .where(and(ne(monAlerts.state, 'closed'), isNotNull(monAlerts.pairId)));
  const liveBy = new Map(live.map((a) => [`${a.pairId}/${a.rule}`, a]));
  for (const p of pairs) {
    if (!p.probedAt || now.getTime() - p.probedAt.getTime() > p.intervalSec * 1000 * STALE_INTERVALS) continue;
    if (p.reachable === null) continue; // not measured (no fping, bad source): the pair's state says why
    const out: [Reading, typeof down][] = [];
    if (down)
      out.push([
        {
          rule: 'unreachable',
          object: '',
          raise: !p.reachable,
          clear: p.reachable,
          value: p.lossPct,
          message: `探测 ${p.name}：到 ${p.target} 无法 ping 通`,
        },
        down,
      ]);
    if (slow && p.latencyMs !== null) {
      const raiseAt = slow.raiseValue ?? 200;
      out.push([
        {
          rule: 'latency',
          object: '',
          raise: p.latencyMs > raiseAt,
          clear: p.latencyMs < (slow.clearValue ?? raiseAt),
          value: p.latencyMs,
          message: `探测 ${p.name}：到 ${p.target} 平均时延 ${p.latencyMs} ms，超过 ${raiseAt} ms`,
        },
        slow,
      ]);
    }
    for (const [r, t] of out) await step(ctx, pairSubject(p), r, t!, liveBy.get(`${p.id}/${r.rule}`), tally);
  }
  return tally;
}
