// Alerts of ICMP probe pairs (issue 12 point 3): thresholds as data, as a device's are, held against
// each pair's latest probe: `unreachable` (no reply), `latency` (average latency, ms) and `loss`
// (packet loss, percent, while the target still answers: no reply at all is `unreachable`), each with
// hysteresis (raise above, clear below) and its minimum duration. A pair's own threshold (pairId)
// wins over the rule's default (alerts.ts thresholdFor); opening and closing, the desk ticket with
// channel monitoring and its resolution with a note are a device's (alert-actions.ts).
import { and, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { PAIR_ALERT_RULES } from '../../../common/monitoring.ts';
import { active, thresholdFor, type Reading } from './alerts.ts';
import { pairSubject, silence, step } from './alert-actions.ts';
import { monAlerts, monProbePairs, monThresholds } from './tables.ts';

type Pair = typeof monProbePairs.$inferSelect;
type Threshold = typeof monThresholds.$inferSelect;

/** A probe older than this many intervals decides nothing (its node is behind, stopped or gone). */
const STALE_INTERVALS = 3;

/** One pair's readings against its thresholds (`th`: the pair's own, else the rule's default). */
function pairReadings(p: Pair, th: (rule: (typeof PAIR_ALERT_RULES)[number]) => Threshold | undefined): [Reading, Threshold][] {
  const out: [Reading, Threshold][] = [];
  const to = `探测 ${p.name}：到 ${p.target}`;
  const down = th('unreachable');
  if (down)
    out.push([
      { rule: 'unreachable', object: '', raise: !p.reachable, clear: !!p.reachable, value: p.lossPct, message: `${to} 无法 ping 通` },
      down,
    ]);
  const slow = th('latency');
  if (slow && p.latencyMs !== null) {
    const raiseAt = slow.raiseValue ?? 200;
    const clearAt = slow.clearValue ?? raiseAt;
    out.push([
      {
        rule: 'latency',
        object: '',
        raise: p.latencyMs > raiseAt,
        clear: p.latencyMs < clearAt,
        value: p.latencyMs,
        message: `${to} 平均时延 ${p.latencyMs} ms，超过 ${raiseAt} ms`,
      },
      slow,
    ]);
  }
  const lossy = th('loss');
  // No reply at all is the unreachable alert's: a total outage neither raises nor clears a loss alert.
  if (lossy && p.lossPct !== null && p.reachable) {
    const raiseAt = lossy.raiseValue ?? 20;
    out.push([
      {
        rule: 'loss',
        object: '',
        raise: p.lossPct > raiseAt,
        clear: p.lossPct < (lossy.clearValue ?? raiseAt),
        value: p.lossPct,
        message: `${to} 丢包率 ${p.lossPct}%，超过 ${raiseAt}%`,
      },
      lossy,
    ]);
  }
  return out;
}

export async function evaluatePairAlerts(ctx: Ctx): Promise<{ opened: number; closed: number }> {
  const now = ctx.now();
  // Every row, switched off too (alerts.ts active): an override switched off silences its pair's rule.
  const thresholds = await ctx.db.select().from(monThresholds).where(isNull(monThresholds.deviceId));
  const tally = { opened: 0, closed: 0 };
  const pairs = await ctx.db.select().from(monProbePairs);
  const live = await ctx.db
    .select()
    .from(monAlerts)
    .where(and(ne(monAlerts.state, 'closed'), isNotNull(monAlerts.pairId)));
  const liveBy = new Map(live.map((a) => [`${a.pairId}/${a.rule}`, a]));
  for (const p of pairs) {
    const th = (rule: (typeof PAIR_ALERT_RULES)[number]) => active(thresholdFor(thresholds, rule, { pairId: p.id }));
    // A threshold switched off while its alert was live: nothing would ever clear it, so close it now.
    for (const a of live)
      if (a.pairId === p.id && !th(a.rule as (typeof PAIR_ALERT_RULES)[number])) await silence(ctx, pairSubject(p), a, tally);
    if (!p.probedAt || now.getTime() - p.probedAt.getTime() > p.intervalSec * 1000 * STALE_INTERVALS) continue;
    if (p.reachable === null) continue; // not measured (no fping, bad source): the pair's state says why
    for (const [r, t] of pairReadings(p, th)) await step(ctx, pairSubject(p), r, t, liveBy.get(`${p.id}/${r.rule}`), tally);
  }
  return tally;
}
