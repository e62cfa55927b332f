// The deliverables module's demo (issue 15 points 2–3). Three quarterly summaries: the oldest was
// submitted about 100 days ago and the agency never answered, so the silence job approves it at the
// first start (逾期未提出异议，视为通过); the next was objected to, with a thread of both sides, and
// awaits the revised version; the last quarter's was submitted 3 days ago and awaits review. Two
// leader support requests: one delivered with an Excel table awaiting acceptance, one assigned to the
// network engineer and due in two days.
import { addCalendarDays, instantOf } from '../../common/dates.ts';
import type { Ctx } from '../kernel/context.ts';
import type { DemoEnv } from '../kernel/module.ts';
import { D, docxOf, loadDocx, paras, title } from '../kernel/office/docx.ts';
import { loadExcel } from '../kernel/office/xlsx.ts';
import { assignLeaderRequest, createLeaderRequest, deliverLeaderRequest, uploadLeaderFile } from '../modules/deliverables/leader.ts';
import { commentQuarterly, decideQuarterly, submitQuarterly } from '../modules/deliverables/quarterly.ts';
import { quarterLabel } from '../../common/deliverables.ts';
import { as } from './actors.ts';

/** The quarter `back` quarters before the one `date` is in, as YYYY-Qn. */
function quarterBefore(date: string, back: number): string {
  const n = Number(date.slice(0, 4)) * 4 + Math.floor((Number(date.slice(5, 7)) - 1) / 3) - back;
  return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
}

async function summaryDocx(quarter: string): Promise<Buffer> {
  await loadDocx();
  const text = [
    `一、本季度运维服务总体情况：${quarterLabel(quarter)}共受理运维单并按服务线完成处理，核心网络与主要业务系统运行平稳。`,
    '二、服务质量：各服务线响应与到场时限达成情况、满意度回访结果见附表。',
    '三、主要问题与改进措施：对重复发生的故障开展根因分析，落实整改。',
    '四、下季度工作计划：完成季度巡检、配置备份核查与应急演练。',
  ].join('\n');
  return D().Packer.toBuffer(docxOf([title(`${quarterLabel(quarter)}运维服务工作总结`), ...paras(text)]));
}

const at = (today: string, days: number, hhmm = '10:00') => instantOf(addCalendarDays(today, days), hhmm);

export async function loadDeliverablesDemo(ctx: Ctx, env: DemoEnv): Promise<void> {
  const t = env.today;
  const submit = async (quarter: string, daysAgo: number) =>
    submitQuarterly(
      await as(ctx, 'pm', at(t, -daysAgo)),
      { quarter, reportRef: `月度运维报告汇总 ${quarter}`, note: '' },
      { filename: `${quarterLabel(quarter)}运维服务工作总结.docx`, bytes: await summaryDocx(quarter) },
    );
  // Never answered: approved by the silence job at the first start.
  await submit(quarterBefore(t, 3), 100);
  // Objected to, with a thread of both sides.
  const objected = await submit(quarterBefore(t, 2), 40);
  await decideQuarterly(await as(ctx, 'agency.contact', at(t, -36)), objected.id, {
    decision: 'objected',
    comment: '总结未列出本季度两次核心交换机故障的处理过程和整改措施，请补充后重新提交。',
  });
  await commentQuarterly(
    await as(ctx, 'pm', at(t, -35)),
    objected.id,
    '收到，将补充两次故障的处理过程、根因分析和整改措施，并附运维单编号。',
  );
  await commentQuarterly(await as(ctx, 'agency.contact', at(t, -35, '15:00')), objected.id, '好的，另请附上故障期间的可用率数据。');
  // Awaiting review.
  await submit(quarterBefore(t, 1), 3);

  // Leader support: one delivered, awaiting acceptance; one assigned and due in two days.
  const manager = await as(ctx, 'agency.manager', at(t, -6));
  const table = await createLeaderRequest(manager, {
    title: '各处室电子政务外网接入情况统计表',
    kind: 'data_table',
    detail: '按处室统计外网接入终端数量、带宽与近三个月故障次数，供主任办公会使用。',
    dueDate: addCalendarDays(t, -2),
    requester: '王主任（办公室）',
  });
  const net = await as(ctx, 'eng.net', at(t, -5));
  await assignLeaderRequest(await as(ctx, 'pm', at(t, -6, '14:00')), table.id, net.actor!.id);
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet('接入情况');
  ws.addRow(['处室', '接入终端数', '带宽（Mbps）', '近三个月故障次数']);
  for (const [d, n, b, f] of [
    ['办公室', 46, 100, 1],
    ['信息中心', 120, 1000, 2],
    ['政策法规处', 31, 100, 0],
  ] as const)
    ws.addRow([d, n, b, f]);
  await uploadLeaderFile(await as(ctx, 'eng.net', at(t, -3)), table.id, {
    filename: '外网接入情况统计表.xlsx',
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await deliverLeaderRequest(await as(ctx, 'eng.net', at(t, -3, '16:00')), table.id, '已按处室统计，故障次数取自运维单记录。');
  const report = await createLeaderRequest(await as(ctx, 'agency.contact', at(t, -1)), {
    title: '本年度网络安全运行情况报告',
    kind: 'network_report',
    detail: '汇总本年度安全事件、漏洞整改和等保测评情况，形成 3–5 页报告，供向局领导汇报。',
    dueDate: addCalendarDays(t, 2),
    requester: '李处长（信息中心）',
  });
  await assignLeaderRequest(await as(ctx, 'pm', at(t, -1, '11:00')), report.id, net.actor!.id);
}
