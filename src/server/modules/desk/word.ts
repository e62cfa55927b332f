// Word export (docx) of the 运维单 and of each fault-flow document (R-SD-05, 附件二 2(4) 提交成果):
// A4, 宋体 body and 仿宋 values, a bordered table layout, signature lines for both parties.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Paragraph, Table } from 'docx';
import { dateOf } from '../../../common/dates.ts';
import { DOC_NAMES, WORK_MODE_NAMES, type DocKind } from '../../../common/desk-flow.ts';
import { SEVERITY_NAMES, STATUS_NAMES } from '../../../common/desk.ts';
import { audit } from '../../kernel/audit.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import type { Download } from '../../kernel/download.ts';
import { D, docxFile, docxOf, fmtTime, formTable, gridTable, heading, line, loadDocx, run, title } from '../../kernel/office/docx.ts';
import { contractFor as contractHeading, type ContractHeading } from '../contract/api.ts';
import { roomsByIds, sitesByIds } from '../org/api.ts';
import { clockView } from './clocks.ts';
import { ticketClocks, ticketDocuments, ticketEvents, ticketWorkLogs } from './tables.ts';
import { getDocument } from './documents.ts';
import type { TicketRow } from './flow.ts';
import { readTicket } from './service.ts';

export { fmtTime };

const CATEGORY_NAMES: Record<string, string> = { fault: '故障', request: '服务请求', consultation: '咨询', complaint: '投诉' };
const TARGET_NAMES: Record<string, string> = { callback: '电话回复', onsite: '到场', resolve: '解决', report: '报告甲方' };
const STATE_NAMES: Record<string, string> = {
  running: '计时中',
  paused: '已暂停',
  warning: '即将超时',
  breached: '已超时',
  met: '按时达成',
  met_late: '超时达成',
};
const CHANNEL_NAMES: Record<string, string> = { hotline: '服务热线', web: '网页', onsite: '现场', monitoring: '监控/API' };

/** The fields of each document, in order, with their Chinese labels. */
const DOC_FIELDS: Record<DocKind, [string, string][]> = {
  diagnosis: [
    ['sceneRecord', '故障现场情况记录'],
    ['severity', '故障级别'],
    ['emergencyActions', '紧急处理过程（应急措施）'],
    ['preliminaryCause', '初步原因'],
  ],
  plan: [
    ['steps', '实施步骤'],
    ['fallbackPlan', '备用方案'],
    ['expectedEndAt', '预计完成时间'],
    ['needsAgencyApproval', '需甲方审批'],
  ],
  report: [
    ['faultDescription', '故障描述'],
    ['cause', '故障原因'],
    ['actions', '处理过程'],
    ['result', '处理结果'],
    ['partsUsed', '更换备件'],
    ['startedAt', '开始时间'],
    ['finishedAt', '完成时间'],
  ],
};

// --- formatting ------------------------------------------------------------------------------

function fieldValue(key: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') return JSON.stringify(v);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  if (key === 'severity') return SEVERITY_NAMES[s as 'low'] ?? s;
  if (key.endsWith('At')) return fmtTime(s);
  return s;
}

// --- what goes on the paper --------------------------------------------------------------------

/** The contract whose service line covered the ticket's day (else the current one). */
async function contractFor(ctx: Ctx, t: TicketRow): Promise<ContractHeading> {
  const k = await contractHeading(ctx, t.serviceLine, dateOf(t.reportedAt));
  return k ?? { title: '', number: '', agencyName: '', contractorName: '', lineName: t.serviceLine };
}

async function placeOf(ctx: Ctx, t: TicketRow): Promise<string> {
  const parts: string[] = [];
  if (t.siteId) parts.push((await sitesByIds(ctx, [t.siteId]))[0]?.name ?? '');
  if (t.roomId) parts.push((await roomsByIds(ctx, [t.roomId]))[0]?.name ?? '');
  return parts.filter(Boolean).join(' ');
}

function docSection(kind: DocKind, d: typeof ticketDocuments.$inferSelect | undefined): (Paragraph | Table)[] {
  if (!d) return [heading(DOC_NAMES[kind]), line('（尚未提交）')];
  const c = d.content;
  return [
    heading(`${DOC_NAMES[kind]}（第 ${d.version} 版，${d.createdByName}，${fmtTime(d.createdAt)}）`),
    formTable(DOC_FIELDS[kind].map(([k, label]) => [label, fieldValue(k, c[k])] as [string, string])),
  ];
}

const signatures = () => [
  new (D().Paragraph)({
    spacing: { before: 480 },
    children: [run('甲方确认（签字）：____________________        日期：____年____月____日')],
  }),
  new (D().Paragraph)({
    spacing: { before: 360 },
    children: [run('乙方工程师（签字）：__________________        日期：____年____月____日')],
  }),
];

/** The 运维单 of one ticket as a .docx buffer. */
export async function ticketDocx(ctx: Ctx, id: string): Promise<{ buffer: Buffer; filename: string; ticket: TicketRow }> {
  await loadDocx();
  const t = await readTicket(ctx, id);
  const k = await contractFor(ctx, t);
  const place = await placeOf(ctx, t);
  const cal = await getCalendar(ctx);
  const now = ctx.now();
  const clocks = await ctx.db.select().from(ticketClocks).where(eq(ticketClocks.ticketId, id));
  const order = ['callback', 'onsite', 'resolve', 'report'];
  clocks.sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target));
  const logs = await ctx.db.select().from(ticketWorkLogs).where(eq(ticketWorkLogs.ticketId, id)).orderBy(asc(ticketWorkLogs.startAt));
  const docs = await ctx.db.select().from(ticketDocuments).where(eq(ticketDocuments.ticketId, id)).orderBy(desc(ticketDocuments.version));
  const [conf] = await ctx.db
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, id), inArray(ticketEvents.kind, ['confirmed', 'rejected'])))
    .orderBy(desc(ticketEvents.at), desc(ticketEvents.id))
    .limit(1);

  const children: (Paragraph | Table)[] = [
    title(`${k.lineName || '运维服务'}运维单`),
    line(`合同名称：${k.title}`),
    line(`合同编号：${k.number}`),
    new (D().Paragraph)({ spacing: { after: 120 }, children: [run(`甲方：${k.agencyName}    乙方：${k.contractorName}`)] }),
    formTable([
      ['运维单号', t.number, '服务项目', k.lineName],
      ['报修时间', fmtTime(t.reportedAt), '受理渠道', CHANNEL_NAMES[t.channel] ?? t.channel],
      ['报修人', t.requesterName, '联系电话', t.requesterPhone],
      ['报修部门', t.requesterDepartment, '地点/房间', place],
      ['类别', CATEGORY_NAMES[t.category] ?? t.category, '严重程度', SEVERITY_NAMES[t.severity as 'low'] ?? t.severity],
      ['状态', STATUS_NAMES[t.status as 'new'] ?? t.status, '紧急处理', t.emergency ? `是（文档补交期限 ${fmtTime(t.docsDueAt)}）` : '否'],
      ['标题', t.title],
      ['问题描述', t.description],
      ...(t.assetsText ? [['涉及设备', t.assetsText] as [string, string]] : []),
    ]),
    heading('服务时限（SLA）'),
    gridTable(
      ['目标', '时限', '截止时间', '达成时间', '状态'],
      clocks.map((c) => {
        const v = clockView(cal, c, now);
        const hours = c.durationMs / 3600_000;
        return [
          TARGET_NAMES[c.target] ?? c.target,
          `${hours < 1 ? `${c.durationMs / 60_000} 分钟` : `${hours} 小时`}（${c.profile}）`,
          fmtTime(v.dueAt),
          fmtTime(v.metAt),
          STATE_NAMES[v.state] ?? v.state,
        ];
      }),
    ),
    heading('工作记录'),
    gridTable(
      ['方式', '工程师', '开始', '结束', '工作内容'],
      logs.map((l) => [WORK_MODE_NAMES[l.mode as 'onsite'] ?? l.mode, l.engineerName, fmtTime(l.startAt), fmtTime(l.endAt), l.summary]),
    ),
    ...(['diagnosis', 'plan', 'report'] as const).flatMap((kind) =>
      docSection(
        kind,
        docs.find((d) => d.kind === kind),
      ),
    ),
    heading('甲方确认'),
    conf
      ? formTable([
          ['确认结果', conf.kind === 'confirmed' ? '测试通过，确认关闭' : '驳回', '确认人', conf.actorName],
          ['确认时间', fmtTime(conf.at), '关闭时间', fmtTime(t.closedAt)],
          ['意见', String((conf.data as { comment?: string } | null)?.comment ?? '')],
        ])
      : line('（尚未确认）'),
    ...signatures(),
  ];
  const buffer = await D().Packer.toBuffer(docxOf(children));
  return { buffer, filename: `运维单-${t.number}.docx`, ticket: t };
}

/** The latest version of one document as a .docx buffer. */
export async function documentDocx(
  ctx: Ctx,
  id: string,
  kind: DocKind,
): Promise<{ buffer: Buffer; filename: string; ticket: TicketRow; version: number }> {
  await loadDocx();
  const t = await readTicket(ctx, id);
  const d = await getDocument(ctx, id, kind);
  const k = await contractFor(ctx, t);
  const children = [
    title(DOC_NAMES[kind]),
    line(`合同名称：${k.title}（${k.number}）`),
    new (D().Paragraph)({ spacing: { after: 120 }, children: [run(`甲方：${k.agencyName}    乙方：${k.contractorName}`)] }),
    formTable([
      ['运维单号', t.number, '服务项目', k.lineName],
      ['标题', t.title],
    ]),
    ...docSection(kind, d),
    ...signatures(),
  ];
  const buffer = await D().Packer.toBuffer(docxOf(children));
  return { buffer, filename: `${DOC_NAMES[kind]}-${t.number}-v${d.version}.docx`, ticket: t, version: d.version };
}

/** A .docx as a Download (RFC 5987 UTF-8 file name); the export is audited (R-CONF-02). */
export async function docxDownload(
  ctx: Ctx,
  file: { buffer: Buffer; filename: string; ticket: TicketRow },
  action: string,
  detail: Record<string, unknown> = {},
): Promise<Download> {
  await inTx(ctx, (tx) =>
    audit(tx, {
      action,
      objectType: 'ticket',
      objectId: file.ticket.id,
      detail: { number: file.ticket.number, filename: file.filename, ...detail },
    }),
  );
  return docxFile(file.filename, file.buffer);
}
