// Emergency drills and the emergency-response measure (R-DUT-03, 附件一 7.3: 对于紧急情况反应速度是否
// 迅速、处理是否有足够的经验、是否有应对措施): drills planned (scenario, date, participants) and held
// (timeline, findings, follow-ups); each real emergency measured from the alert to the first response
// and to recovery against the contract's targets (重大技术故障 2 小时内应急处理、24 小时内解决).
import { z } from 'zod';
import { ZDate, ZDateTime, ZPage, ZTimestamp, optText, paged, text } from './api.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';

const ZLine = z.enum(SERVICE_LINE_CODES);
/** The contract's targets for an emergency, in minutes of elapsed time (7×24). */
export const EMERGENCY_TARGETS = { responseMin: 120, recoveryMin: 24 * 60 } as const;

export const DRILL_STATES = ['planned', 'held', 'cancelled'] as const;
export type DrillState = (typeof DRILL_STATES)[number];
export const DRILL_STATE_NAMES: Record<DrillState, string> = { planned: '计划中', held: '已演练', cancelled: '已取消' };

export const ZDrillInput = z.object({
  line: ZLine,
  title: text(200),
  scenario: text(2000),
  plannedAt: ZDateTime,
  participants: z.array(text(50)).min(1, '请至少填写一名参演人员').max(100),
});
export type TDrillInput = z.input<typeof ZDrillInput>;

export const ZTimelineEntry = z.object({ at: ZDateTime, text: text(500) });
export const ZFollowUp = z.object({ text: text(500), owner: optText(50).default(''), due: ZDate.nullable().default(null) });
export const ZHoldInput = z
  .object({
    heldStart: ZDateTime,
    heldEnd: ZDateTime,
    timeline: z.array(ZTimelineEntry).min(1, '请至少记录一条演练过程').max(200),
    findings: text(4000),
    followUps: z.array(ZFollowUp).max(100).default([]),
  })
  .refine((h) => Date.parse(h.heldEnd) > Date.parse(h.heldStart), { message: '结束时间应晚于开始时间', path: ['heldEnd'] })
  .refine((h) => h.timeline.every((e) => Date.parse(e.at) >= Date.parse(h.heldStart) && Date.parse(e.at) <= Date.parse(h.heldEnd)), {
    message: '演练过程的时间应在演练开始与结束之间',
    path: ['timeline'],
  });
export type THoldInput = z.input<typeof ZHoldInput>;

export const ZDrill = z.object({
  id: z.string(),
  number: z.string(),
  line: ZLine,
  title: z.string(),
  scenario: z.string(),
  plannedAt: ZTimestamp,
  participants: z.array(z.string()),
  state: z.enum(DRILL_STATES),
  heldStart: ZTimestamp.nullable(),
  heldEnd: ZTimestamp.nullable(),
  timeline: z.array(z.object({ at: z.string(), text: z.string() })),
  findings: z.string().nullable(),
  followUps: z.array(z.object({ text: z.string(), owner: z.string(), due: z.string().nullable() })),
  createdByName: z.string(),
});
export type TDrill = z.infer<typeof ZDrill>;
export const ZDrillList = paged(ZDrill);
export const ZDrillQuery = ZPage.extend({ state: z.enum(DRILL_STATES).optional(), line: ZLine.optional() });

export const ZEmergencyInput = z
  .object({
    line: ZLine,
    title: text(200),
    /**
     * The desk ticket of the incident: with one, every time is the ticket's own record (created, first
     * call-back, dispatched, on site, resolved); the times below are the fallback without a ticket.
     */
    ticketId: z.uuid().nullable().default(null),
    alertAt: ZDateTime.nullable().default(null),
    responseAt: ZDateTime.nullable().default(null),
    dispatchedAt: ZDateTime.nullable().default(null),
    recoveredAt: ZDateTime.nullable().default(null),
    dispatch: optText(1000).default(''),
    measures: optText(2000).default(''),
  })
  .refine((e) => !e.ticketId || (!e.alertAt && !e.responseAt && !e.dispatchedAt && !e.recoveredAt), {
    message: '关联运维单时，各时间取自运维单的记录，不能手工填写',
    path: ['ticketId'],
  })
  .refine((e) => e.ticketId || e.alertAt, { message: '请填写告警/报告时间或关联运维单', path: ['alertAt'] })
  .refine((e) => e.ticketId || e.responseAt, { message: '未关联运维单时须填写响应时间', path: ['responseAt'] })
  .refine((e) => !e.alertAt || !e.responseAt || Date.parse(e.responseAt) >= Date.parse(e.alertAt), {
    message: '响应时间不能早于告警时间',
    path: ['responseAt'],
  })
  .refine((e) => !e.alertAt || !e.dispatchedAt || Date.parse(e.dispatchedAt) >= Date.parse(e.alertAt), {
    message: '派单时间不能早于告警时间',
    path: ['dispatchedAt'],
  })
  .refine((e) => !e.recoveredAt || !e.responseAt || Date.parse(e.recoveredAt) >= Date.parse(e.responseAt), {
    message: '恢复时间不能早于响应时间',
    path: ['recoveredAt'],
  });
export type TEmergencyInput = z.input<typeof ZEmergencyInput>;
export const ZRecoverInput = z.object({ recoveredAt: ZDateTime, measures: optText(2000).optional() });

export const ZEmergency = z.object({
  id: z.string(),
  line: ZLine,
  title: z.string(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  /** `ticket`: the times are the desk ticket's records; `manual`: typed, for an emergency without a ticket. */
  source: z.enum(['ticket', 'manual']),
  alertAt: ZTimestamp,
  /** null: no response recorded yet. */
  responseAt: ZTimestamp.nullable(),
  dispatchedAt: ZTimestamp.nullable(),
  onsiteAt: ZTimestamp.nullable(),
  recoveredAt: ZTimestamp.nullable(),
  dispatch: z.string(),
  measures: z.string(),
  responseMin: z.number().int().nullable(),
  dispatchMin: z.number().int().nullable(),
  recoveryMin: z.number().int().nullable(),
  /** null while no response is recorded and the target has not passed yet. */
  responseMet: z.boolean().nullable(),
  /** null while not recovered and still within the target. */
  recoveryMet: z.boolean().nullable(),
  createdByName: z.string(),
});
export type TEmergency = z.infer<typeof ZEmergency>;
export const ZEmergencyQuery = ZPage.extend({ from: ZDateTime.optional(), to: ZDateTime.optional(), line: ZLine.optional() });

export const ZMonthMeasure = z.object({
  month: z.string(),
  count: z.number().int(),
  responseMet: z.number().int(),
  recoveryMet: z.number().int(),
  /** Median minutes, null without records. */
  responseMedianMin: z.number().nullable(),
  dispatchMedianMin: z.number().nullable(),
  recoveryMedianMin: z.number().nullable(),
  /** Of `count`, those typed by hand (no desk ticket). */
  manual: z.number().int(),
});
export type TMonthMeasure = z.infer<typeof ZMonthMeasure>;
export const ZEmergencyList = paged(ZEmergency).extend({ months: z.array(ZMonthMeasure) });
