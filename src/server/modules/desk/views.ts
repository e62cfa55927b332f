// Queue views of the desk: the Excel export of a filtered queue and the SLA risk board (nearest
// breach first). Both honour the same scope as the queue.
import { and, asc, count, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { TTicketQuery } from '../../../common/desk.ts';
import { SEVERITY_NAMES, STATUS_NAMES } from '../../../common/desk.ts';
import { SERVICE_LINE_NAMES, type ServiceLineCode } from '../../../common/service-lines.ts';
import { audit } from '../../kernel/audit.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import type { Ctx } from '../../kernel/context.ts';
import { roleHoldersOnLine, userNames } from '../../kernel/directory.ts';
import { Invalid, NotFound } from '../../kernel/errors.ts';
import { clockView } from './clocks.ts';
import { scope, ticketFilter } from './service.ts';
import { ticketClocks, tickets } from './tables.ts';

export const EXPORT_MAX_ROWS = 20_000;

const TARGET_NAMES: Record<string, string> = { callback: '回电', onsite: '到场', resolve: '解决', report: '报告甲方' };
const STATE_NAMES: Record<string, string> = {
  running: '计时中',
  paused: '已暂停',
  warning: '预警',
  breached: '已超时',
  met: '已达成',
  met_late: '超时达成',
};
const CATEGORY_NAMES: Record<string, string> = { fault: '故障', request: '服务请求', consultation: '咨询', complaint: '投诉' };
const CHANNEL_NAMES: Record<string, string> = { hotline: '热线', web: '网页', onsite: '现场', monitoring: '监控/API' };

export type ExportRow = Awaited<ReturnType<typeof exportRows>>[number];

/** Every row of the filtered queue (up to EXPORT_MAX_ROWS), with its clocks and assignee; audited. */
export async function exportRows(ctx: Ctx, q: Omit<TTicketQuery, 'page' | 'pageSize'>) {
  const where = ticketFilter(ctx, q);
  const [n] = await ctx.db.select({ n: count() }).from(tickets).where(where);
  const total = Number(n?.n ?? 0);
  if (total > EXPORT_MAX_ROWS)
    throw new Invalid('export.too_many', `符合条件的运维单有 ${total} 条，超过单次导出上限 ${EXPORT_MAX_ROWS} 条，请缩小筛选范围`);
  const rows = await ctx.db.select().from(tickets).where(where).orderBy(desc(tickets.reportedAt));
  const names = await userNames(
    ctx,
    rows.map((t) => t.assigneeId),
  );
  const clocks = rows.length
    ? await ctx.db
        .select()
        .from(ticketClocks)
        .where(
          inArray(
            ticketClocks.ticketId,
            rows.map((t) => t.id),
          ),
        )
    : [];
  const byTicket = new Map<string, typeof clocks>();
  for (const c of clocks) byTicket.set(c.ticketId, [...(byTicket.get(c.ticketId) ?? []), c]);
  const cal = await getCalendar(ctx);
  const now = ctx.now();
  await audit(ctx, { action: 'ticket.export', objectType: 'ticket', detail: { filters: q, rows: rows.length } });
  return rows.map((t) => ({
    ...t,
    assigneeName: (t.assigneeId && names.get(t.assigneeId)) ?? null,
    slas: (byTicket.get(t.id) ?? []).map((c) => clockView(cal, c, now)),
  }));
}

const fmt = (d: Date | null | undefined) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The export's columns, in Chinese: what the agency files with the monthly report. */
export function exportColumns() {
  const sla = (target: string) => (r: ExportRow) => {
    const s = r.slas.find((x) => x.target === target);
    if (!s) return '';
    return `${STATE_NAMES[s.state] ?? s.state}${s.dueAt ? `（时限 ${fmt(s.dueAt)}）` : ''}`;
  };
  return [
    { header: '编号', width: 18, value: (r: ExportRow) => r.number },
    { header: '服务项目', width: 16, value: (r: ExportRow) => SERVICE_LINE_NAMES[r.serviceLine as ServiceLineCode].zh },
    { header: '类别', width: 10, value: (r: ExportRow) => CATEGORY_NAMES[r.category] ?? r.category },
    { header: '级别', width: 8, value: (r: ExportRow) => SEVERITY_NAMES[r.severity as keyof typeof SEVERITY_NAMES] ?? r.severity },
    { header: '标题', width: 36, value: (r: ExportRow) => r.title },
    { header: '来电时间', width: 18, value: (r: ExportRow) => fmt(r.reportedAt) },
    { header: '渠道', width: 10, value: (r: ExportRow) => CHANNEL_NAMES[r.channel] ?? r.channel },
    { header: '报修人', width: 12, value: (r: ExportRow) => r.requesterName },
    { header: '电话', width: 16, value: (r: ExportRow) => r.requesterPhone },
    { header: '部门', width: 16, value: (r: ExportRow) => r.requesterDepartment },
    { header: '状态', width: 10, value: (r: ExportRow) => STATUS_NAMES[r.status as keyof typeof STATUS_NAMES] ?? r.status },
    { header: '处理人', width: 12, value: (r: ExportRow) => r.assigneeName ?? '' },
    { header: '回电', width: 26, value: sla('callback') },
    { header: '到场', width: 26, value: sla('onsite') },
    { header: '解决', width: 26, value: sla('resolve') },
    { header: '报告甲方', width: 26, value: sla('report') },
    { header: '解决时间', width: 18, value: (r: ExportRow) => fmt(r.resolvedAt) },
    { header: '关闭时间', width: 18, value: (r: ExportRow) => fmt(r.closedAt) },
  ];
}

/**
 * The SLA risk board: every clock still counting on an open ticket, nearest due first (those
 * already breached lead, most overdue first). Paused clocks are not at risk while paused.
 */
export async function riskBoard(
  ctx: Ctx,
  q: { serviceLine?: string | undefined; target?: string | undefined; page: number; pageSize: number },
) {
  const c = [inArray(ticketClocks.state, ['running', 'warning', 'breached']), notInArray(tickets.status, ['closed', 'merged'])];
  const s = scope(ctx);
  if (s) c.push(s);
  if (q.serviceLine) c.push(eq(tickets.serviceLine, q.serviceLine));
  if (q.target) c.push(eq(ticketClocks.target, q.target));
  // A clock whose last event is a pause is paused even if its stored state still says breached.
  c.push(sql`coalesce(${ticketClocks.events} -> -1 ->> 'kind', '') <> 'pause'`);
  const where = and(...c);
  const [n] = await ctx.db.select({ n: count() }).from(ticketClocks).innerJoin(tickets, eq(tickets.id, ticketClocks.ticketId)).where(where);
  const rows = await ctx.db
    .select({ c: ticketClocks, t: tickets })
    .from(ticketClocks)
    .innerJoin(tickets, eq(tickets.id, ticketClocks.ticketId))
    .where(where)
    .orderBy(asc(ticketClocks.dueAt), asc(tickets.number))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const counts = await ctx.db
    .select({ serviceLine: tickets.serviceLine, state: ticketClocks.state, n: count() })
    .from(ticketClocks)
    .innerJoin(tickets, eq(tickets.id, ticketClocks.ticketId))
    .where(where)
    .groupBy(tickets.serviceLine, ticketClocks.state);
  const names = await userNames(
    ctx,
    rows.map((r) => r.t.assigneeId),
  );
  const cal = await getCalendar(ctx);
  const now = ctx.now();
  return {
    total: Number(n?.n ?? 0),
    counts: counts.map((x) => ({ serviceLine: x.serviceLine, state: x.state, n: Number(x.n) })),
    items: rows.map((r) => ({
      ticketId: r.t.id,
      number: r.t.number,
      title: r.t.title,
      serviceLine: r.t.serviceLine,
      severity: r.t.severity,
      status: r.t.status,
      assigneeId: r.t.assigneeId,
      assigneeName: (r.t.assigneeId && names.get(r.t.assigneeId)) ?? null,
      sla: clockView(cal, r.c, now),
    })),
  };
}

export { TARGET_NAMES };

/** Who may take a ticket: active engineers and project managers assigned to its service line. */
export async function assigneeCandidates(ctx: Ctx, ticketId: string) {
  const [t] = await ctx.db.select({ serviceLine: tickets.serviceLine }).from(tickets).where(eq(tickets.id, ticketId)).limit(1);
  if (!t) throw new NotFound('ticket.not_found', '运维单不存在');
  return roleHoldersOnLine(ctx, ['engineer', 'contractor_pm'], t.serviceLine);
}
