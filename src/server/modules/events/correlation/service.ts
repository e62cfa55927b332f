// Correlation rules, their test run, and the alerts they raise (issue 13 point 3). Every minute the
// job runs each enabled rule over its last window; a hit opens an alert per rule and group key (the
// unique index deduplicates), which opens a desk ticket on the SEC line (channel security). Further
// hits count on the same alert; a key quiet for a day and hit again reopens it with a new ticket.
import { and, count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TEventAlert, TEventRule, TRuleHit, ZAlertQuery, ZEventRuleInput, ZRuleTest } from '../../../../common/events.ts';
import { audit } from '../../../kernel/audit.ts';
import { inTx, type Ctx } from '../../../kernel/context.ts';
import { dayRangeWhere } from '../../../kernel/day-range.ts';
import { Invalid, NotFound } from '../../../kernel/errors.ts';
import type { GlobalJob } from '../../../kernel/jobs.ts';
import { openDetectedTicket } from '../../desk/api.ts';
import { evtAlerts, evtRules } from '../tables.ts';
import { evaluate } from './evaluate.ts';
import { compileRule, type CompiledRule } from './rule.ts';

const REOPEN_MS = 86_400_000;
const TEST_MAX_MS = 31 * 86_400_000;

const ruleView = (r: typeof evtRules.$inferSelect): TEventRule => ({
  ...r,
  level: r.level as TEventRule['level'],
  updatedAt: r.updatedAt.toISOString(),
});

export async function listRules(ctx: Ctx): Promise<{ items: TEventRule[] }> {
  return { items: (await ctx.db.select().from(evtRules).orderBy(evtRules.title)).map(ruleView) };
}

export async function saveRule(ctx: Ctx, input: z.output<typeof ZEventRuleInput>, id?: string): Promise<TEventRule> {
  const c = compileRule(input.yaml);
  return inTx(ctx, async (tx) => {
    const values = { title: c.title, level: c.level, yaml: input.yaml, enabled: input.enabled, updatedAt: tx.now() };
    if (!id) {
      const [r] = await tx.db
        .insert(evtRules)
        .values({ ...values, version: 1 })
        .returning();
      await audit(tx, { action: 'events.rule.create', objectType: 'evt_rule', objectId: r!.id, after: r! });
      return ruleView(r!);
    }
    const [before] = await tx.db.select().from(evtRules).where(eq(evtRules.id, id));
    if (!before) throw new NotFound('events.rule.not_found', '关联规则不存在');
    const [r] = await tx.db
      .update(evtRules)
      .set({ ...values, version: before.version + 1 })
      .where(eq(evtRules.id, id))
      .returning();
    await audit(tx, { action: 'events.rule.update', objectType: 'evt_rule', objectId: id, before, after: r! });
    return ruleView(r!);
  });
}

/** What a rule (saved or not) finds in the stored events of a range: default the last 24 hours. */
export async function testRule(ctx: Ctx, input: z.output<typeof ZRuleTest>): Promise<{ hits: TRuleHit[] }> {
  const c = compileRule(input.yaml);
  const to = input.to ? new Date(input.to) : ctx.now();
  const from = input.from ? new Date(input.from) : new Date(to.getTime() - 86_400_000);
  if (from >= to || to.getTime() - from.getTime() > TEST_MAX_MS) throw new Invalid('events.range', '测试范围应为 31 天以内的有效时间段');
  return { hits: await evaluate(ctx, c, from, to) };
}

export const alertView = (a: typeof evtAlerts.$inferSelect): TEventAlert => ({
  id: a.id,
  ruleId: a.ruleId,
  title: a.title,
  severity: a.severity as TEventAlert['severity'],
  key: a.key,
  hits: a.hits,
  firstAt: a.firstAt.toISOString(),
  lastAt: a.lastAt.toISOString(),
  sample: a.sample,
  ticketId: a.ticketId,
  ticketNumber: a.ticketNumber,
});

export async function listAlerts(ctx: Ctx, q: z.output<typeof ZAlertQuery>): Promise<{ items: TEventAlert[]; total: number }> {
  const c = dayRangeWhere(evtAlerts.firstAt, q.from, q.to);
  if (q.severity) c.push(eq(evtAlerts.severity, q.severity));
  const where = c.length ? and(...c) : undefined;
  const [rows, [t]] = await Promise.all([
    ctx.db
      .select()
      .from(evtAlerts)
      .where(where)
      .orderBy(desc(evtAlerts.lastAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(evtAlerts).where(where),
  ]);
  return { items: rows.map(alertView), total: t!.n };
}

const TICKET_SEVERITY = { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'low' } as const;

async function raise(ctx: Ctx, rule: typeof evtRules.$inferSelect, c: CompiledRule, hit: TRuleHit): Promise<void> {
  await inTx(ctx, async (tx) => {
    const [had] = await tx.db
      .select()
      .from(evtAlerts)
      .where(and(eq(evtAlerts.ruleId, rule.id), eq(evtAlerts.key, hit.key)));
    const last = new Date(hit.lastAt);
    if (had && last.getTime() - had.lastAt.getTime() < REOPEN_MS) {
      if (last > had.lastAt)
        await tx.db
          .update(evtAlerts)
          .set({ lastAt: last, hits: had.hits + 1, sample: hit.sample })
          .where(eq(evtAlerts.id, had.id));
      return;
    }
    const ticket = await openDetectedTicket(tx, {
      serviceLine: 'SEC',
      severity: TICKET_SEVERITY[rule.level as keyof typeof TICKET_SEVERITY] ?? 'medium',
      title: `安全告警：${rule.title}（${hit.key === OTHER_KEYS ? '其余分组键' : hit.key}）`,
      description: `关联规则“${rule.title}”（第 ${rule.version} 版）在 ${hit.firstAt} 至 ${hit.lastAt} 间${c.first.sum ? `累计 ${c.first.sum === 'bytes' ? '字节' : '包'}数 ${hit.count}` : `命中 ${hit.count} 次`}，分组键 ${hit.key}。最后一条：${hit.sample}。详见 /events/alerts`,
      channel: 'security',
    });
    const values = {
      ruleId: rule.id,
      ruleVersion: rule.version,
      title: rule.title,
      severity: rule.level,
      key: hit.key,
      hits: 1,
      firstAt: new Date(hit.firstAt),
      lastAt: last,
      sample: hit.sample,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
    };
    const [a] = had
      ? await tx.db.update(evtAlerts).set(values).where(eq(evtAlerts.id, had.id)).returning()
      : await tx.db.insert(evtAlerts).values(values).returning();
    await audit(tx, { action: 'events.alert.open', objectType: 'evt_alert', objectId: a!.id, after: a! });
  });
}

/** Runs every enabled rule over its last window; answers how many alerts were raised or counted. */
export async function correlate(ctx: Ctx): Promise<number> {
  const rules = await ctx.db.select().from(evtRules).where(eq(evtRules.enabled, true));
  let n = 0;
  const now = ctx.now();
  for (const r of rules) {
    let c;
    try {
      c = compileRule(r.yaml);
    } catch {
      continue; // saved rules were compiled on save; a rule the grammar no longer takes is skipped
    }
    // The busiest keys first; past MAX_ALERT_KEYS the rest make one alert (and one ticket) together.
    const hits = (await evaluate(ctx, c, new Date(now.getTime() - c.windowMs), now)).sort((x, y) => y.count - x.count);
    const rest = hits.splice(MAX_ALERT_KEYS);
    if (rest.length) hits.push(othersHit(rest));
    for (const hit of hits) {
      await raise(ctx, r, c, hit);
      n++;
    }
  }
  return n;
}

/**
 * How many keys of one rule open or count an alert of their own per run. A flood (a scan from
 * thousands of addresses) would otherwise open thousands of desk tickets in one minute.
 */
export const MAX_ALERT_KEYS = 50;
/** The key of the alert that stands for a rule's keys past MAX_ALERT_KEYS. */
export const OTHER_KEYS = '*';

function othersHit(rest: readonly TRuleHit[]): TRuleHit {
  const keys = rest.slice(0, 10).map((h) => h.key);
  return {
    key: OTHER_KEYS,
    count: rest.reduce((sum, h) => sum + h.count, 0),
    firstAt: rest.reduce((m, h) => (h.firstAt < m ? h.firstAt : m), rest[0]!.firstAt),
    lastAt: rest.reduce((m, h) => (h.lastAt > m ? h.lastAt : m), rest[0]!.lastAt),
    sample: `另有 ${rest.length} 个分组键达到阈值：${keys.join('、')}${rest.length > keys.length ? ' 等' : ''}`,
  };
}

export const correlationJob: GlobalJob = {
  name: 'events-correlation',
  scope: 'global',
  cron: '* * * * *',
  handler: async (ctx) => void (await correlate(ctx)),
};
