// The duty module's demo of emergency drills and response (R-DUT-03): a core-switch failure drill held
// last quarter with its timeline, findings and follow-ups; a power-failure drill planned next month;
// two real emergencies of recent months, each measured from its desk ticket, one answered within the
// targets and one responded to and recovered late.
import { addCalendarDays } from '../../common/dates.ts';
import type { Ctx } from '../kernel/context.ts';
import type { DemoEnv } from '../kernel/module.ts';
import { holdDrill, planDrill } from '../modules/duty/drills.ts';
import { recordEmergency } from '../modules/duty/emergencies.ts';
import { as } from './actors.ts';
import { openDetectedTicket, resolveDetectedTicket } from '../modules/desk/api.ts';
import { saveDocument } from '../modules/desk/documents.ts';
import { assignTicket, confirmTicket } from '../modules/desk/flow.ts';
import { recordEvent } from '../modules/desk/service.ts';

const at = (today: string, days: number, hhmm: string) => new Date(`${addCalendarDays(today, days)}T${hhmm}:00+08:00`).toISOString();

/** An emergency linked to its ticket types no times: they are the ticket's records. */
const FROM_TICKET = { alertAt: null, responseAt: null, dispatchedAt: null, recoveredAt: null };

export async function loadDrillsDemo(ctx: Ctx, env: DemoEnv): Promise<void> {
  const d = env.today;
  const pm = (days: number) => as(ctx, 'pm', new Date(at(d, days, '18:00')));
  const drill = await planDrill(await pm(-110), {
    line: 'NET',
    title: '核心交换机故障切换应急演练',
    scenario: '主核心交换机电源模块故障导致宕机，验证备用核心接管、业务恢复时间与向甲方报告流程。',
    plannedAt: at(d, -95, '19:00'),
    participants: ['项目经理', '网管工程师', '机动网络工程师', '值班员'],
  });
  await holdDrill(await pm(-94), drill.id, {
    heldStart: at(d, -95, '19:00'),
    heldEnd: at(d, -95, '20:10'),
    timeline: [
      { at: at(d, -95, '19:00'), text: '断开主核心交换机电源，监控平台 1 分钟内告警' },
      { at: at(d, -95, '19:04'), text: '值班员电话通知二线值班工程师并报告甲方信息中心' },
      { at: at(d, -95, '19:12'), text: '备用核心接管完成，各楼层接入恢复' },
      { at: at(d, -95, '19:40'), text: '恢复主核心，验证 VRRP 回切正常' },
      { at: at(d, -95, '20:10'), text: '演练总结' },
    ],
    findings:
      '备用核心接管 12 分钟，达到预案要求；3 层两台接入交换机上联未配置冗余，回切时中断约 2 分钟；应急联系人表有一人电话变更未更新。',
    followUps: [
      { text: '为 3 层两台接入交换机补配冗余上联', owner: '网管工程师', due: addCalendarDays(d, -80) },
      { text: '更新应急联系人表并报甲方确认', owner: '项目经理', due: addCalendarDays(d, -88) },
    ],
  });
  await planDrill(await pm(-3), {
    line: 'SM',
    title: '机房市电中断应急演练',
    scenario: '市电中断，UPS 供电，验证安全监控系统不间断运行与发电机切换。',
    plannedAt: at(d, 30, '18:30'),
    participants: ['项目经理', '安全监控工程师', '值班员'],
  });
  // Two real emergencies, each a desk ticket taken through its milestones when they happened, so the
  // response measure reads them from the ticket (not typed): one within the targets, one late.
  const net = await emergencyTicket(ctx, {
    line: 'NET',
    engineer: 'eng.net',
    channel: 'monitoring',
    title: '办公楼 5 层整层断网',
    description: '监控告警：5 层汇聚交换机上联中断，整层有线网络不可用',
    assetsText: '5 层汇聚交换机',
    at: {
      alert: at(d, -40, '20:15'),
      callback: at(d, -40, '20:21'),
      dispatch: at(d, -40, '20:27'),
      onsite: at(d, -40, '20:58'),
      resolved: at(d, -40, '21:35'),
    },
    note: '更换故障光模块，整层恢复',
    report: { cause: '汇聚交换机上联光模块老化失效', actions: '远程确认上联中断，到场更换光模块并核对光功率' },
  });
  await recordEmergency(await as(ctx, 'eng.net', new Date(at(d, -40, '23:00'))), {
    line: 'NET',
    title: '办公楼 5 层整层断网',
    ticketId: net,
    ...FROM_TICKET,
    dispatch: '二线值班网管工程师到场，机动工程师远程协助',
    measures: '更换故障光模块；为该层汇聚增加光功率监控告警',
  });
  const sec = await emergencyTicket(ctx, {
    line: 'SEC',
    engineer: 'eng.sec',
    channel: 'security',
    title: '互联网出口防火墙异常重启',
    description: '安全事件中心告警：出口防火墙反复重启，互联网访问中断',
    assetsText: '互联网出口防火墙',
    at: {
      alert: at(d, -14, '02:10'),
      callback: at(d, -14, '04:40'),
      dispatch: at(d, -14, '04:52'),
      onsite: at(d, -14, '05:45'),
      resolved: at(d, -13, '06:00'),
    },
    note: '升级防火墙固件后运行稳定',
    report: { cause: '防火墙固件缺陷，会话表满后异常重启', actions: '临时切换旁路保障出口，升级固件并调整会话老化策略' },
  });
  await recordEmergency(await as(ctx, 'eng.sec', new Date(at(d, -12, '18:00'))), {
    line: 'SEC',
    title: '互联网出口防火墙异常重启',
    ticketId: sec,
    ...FROM_TICKET,
    dispatch: '二线值班安全工程师到场，厂商远程支持',
    measures: '升级防火墙固件，调整会话老化策略；夜间值班电话改为双人轮询',
  });
}

/**
 * A desk ticket of an emergency with its milestones at the story's times: opened by the duty operator
 * from the alert (desk api), called back by the duty operator, dispatched by the project manager to
 * the line's engineer, who arrives on site and resolves it (desk api), files the maintenance report;
 * the agency's contact confirms it the next morning.
 */
async function emergencyTicket(
  ctx: Ctx,
  e: {
    line: string;
    engineer: string;
    channel: 'monitoring' | 'security';
    title: string;
    description: string;
    assetsText: string;
    at: { alert: string; callback: string; dispatch: string; onsite: string; resolved: string };
    note: string;
    report: { cause: string; actions: string };
  },
): Promise<string> {
  const when = (iso: string) => new Date(iso);
  const t = await openDetectedTicket(await as(ctx, 'duty', when(e.at.alert)), {
    serviceLine: e.line,
    severity: 'critical',
    title: e.title,
    description: e.description,
    assetsText: e.assetsText,
    channel: e.channel,
  });
  await recordEvent(await as(ctx, 'duty', when(e.at.callback)), t.id, { kind: 'callback' });
  const eng = await as(ctx, e.engineer, when(e.at.onsite));
  await assignTicket(await as(ctx, 'pm', when(e.at.dispatch)), t.id, eng.actor!.id);
  await recordEvent(eng, t.id, { kind: 'arrive' });
  await resolveDetectedTicket(await as(ctx, e.engineer, when(e.at.resolved)), t.id, e.note);
  // The maintenance report half an hour later, and the agency's test and confirmation the next morning.
  const later = (iso: string, min: number) => new Date(Date.parse(iso) + min * 60_000);
  const writer = await as(ctx, e.engineer, later(e.at.resolved, 30));
  await saveDocument(writer, t.id, 'diagnosis', {
    sceneRecord: e.description,
    severity: 'critical',
    emergencyActions: e.report.actions,
    preliminaryCause: e.report.cause,
  });
  await saveDocument(writer, t.id, 'plan', { steps: e.report.actions, fallbackPlan: '', expectedEndAt: null, needsAgencyApproval: false });
  await saveDocument(writer, t.id, 'report', {
    ...e.report,
    faultDescription: e.description,
    result: e.note,
    partsUsed: '',
    startedAt: e.at.onsite,
    finishedAt: e.at.resolved,
  });
  await confirmTicket(await as(ctx, 'agency.contact', later(e.at.resolved, 14 * 60)), t.id, {
    outcome: 'confirmed',
    comment: '业务恢复正常',
  });
  return t.id;
}
