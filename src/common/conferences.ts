// Video-conference support (issue 14 point 3, R-INS-04): the agency's five conference systems, the
// endpoints that join them (each district's room, the city government's, the ministry's), meetings
// on a calendar, the joint test before each meeting per endpoint and of the room's devices, problems
// during a meeting as desk tickets on the VC line, and the support record of each meeting.
import { z } from 'zod';
import { ZDateTime, ZPage, ZTimestamp, optText, paged, text } from './api.ts';

export const CONF_SYSTEMS = ['gov_encrypted', 'gov_plain', 'city_district', 'emergency', 'ministry'] as const;
export type ConfSystem = (typeof CONF_SYSTEMS)[number];
/** The five systems of 附件一 四 (一), in the contract's words. */
export const CONF_SYSTEM_NAMES: Record<ConfSystem, string> = {
  gov_encrypted: '与市政府加密视频会议系统',
  gov_plain: '与市政府非加密视频会议系统',
  city_district: '市区视频会议系统',
  emergency: '应急视频会议系统',
  ministry: '省部视频会议系统',
};
/** Systems whose meetings are encrypted: the joint test checks encryption too. */
export const ENCRYPTED_SYSTEMS: readonly ConfSystem[] = ['gov_encrypted'];

/** What the joint test checks at each endpoint (附件一 四 2.2 (8)). */
export const ENDPOINT_ITEMS = ['audio', 'video', 'content', 'encryption'] as const;
/** The conference room's own devices (附件一 四 2.2 (5)(6)). */
export const ROOM_ITEMS = ['display', 'room_audio', 'projector'] as const;
export type CheckItem = (typeof ENDPOINT_ITEMS)[number] | (typeof ROOM_ITEMS)[number];
export const CHECK_ITEM_NAMES: Record<CheckItem, string> = {
  audio: '音频',
  video: '视频',
  content: '双流/内容共享',
  encryption: '加密',
  display: '显示设备',
  room_audio: '音响设备',
  projector: '投影机',
};
export const CHECK_RESULTS = ['ok', 'fail', 'na'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
export const CHECK_RESULT_NAMES: Record<CheckResult, string> = { ok: '正常', fail: '异常', na: '不适用' };

export const MEETING_STATES = ['planned', 'tested', 'done', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export const MEETING_STATE_NAMES: Record<MeetingState, string> = {
  planned: '待联调',
  tested: '联调完成',
  done: '已结束',
  cancelled: '已取消',
};

/** The target of a check: 'room' (the conference room's devices) or an endpoint's id. */
export const ROOM = 'room';

export const ZEndpointInput = z.object({
  name: text(100),
  systems: z.array(z.enum(CONF_SYSTEMS)).min(1, '至少选择一个系统'),
  contact: optText(50).default(''),
  phone: optText(50).default(''),
  active: z.boolean().default(true),
});
export type TEndpointInput = z.input<typeof ZEndpointInput>;
export const ZEndpoint = z.object({
  id: z.string(),
  name: z.string(),
  systems: z.array(z.enum(CONF_SYSTEMS)),
  contact: z.string(),
  phone: z.string(),
  active: z.boolean(),
});
export type TEndpoint = z.infer<typeof ZEndpoint>;

export const ZMeetingInput = z
  .object({
    title: text(200),
    system: z.enum(CONF_SYSTEMS),
    startAt: ZDateTime,
    endAt: ZDateTime,
    room: text(100).default('第三会议室'),
    /** The endpoints that join; empty: every active endpoint of the system. */
    endpointIds: z.array(z.uuid()).max(100).default([]),
  })
  .refine((m) => Date.parse(m.endAt) > Date.parse(m.startAt), { message: '结束时间应晚于开始时间', path: ['endAt'] });
export type TMeetingInput = z.input<typeof ZMeetingInput>;

export const ZCheck = z.object({
  target: z.string(),
  targetName: z.string(),
  item: z.enum([...ENDPOINT_ITEMS, ...ROOM_ITEMS]),
  result: z.enum(CHECK_RESULTS).nullable(),
  note: z.string(),
  byName: z.string().nullable(),
  at: ZTimestamp.nullable(),
});
export type TCheck = z.infer<typeof ZCheck>;
export const ZProblem = z.object({ ticketId: z.string(), number: z.string(), title: z.string(), at: ZTimestamp });

export const ZMeeting = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  system: z.enum(CONF_SYSTEMS),
  startAt: ZTimestamp,
  endAt: ZTimestamp,
  room: z.string(),
  state: z.enum(MEETING_STATES),
  endpoints: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Every check the joint test needs, with its latest result (null: not yet checked). */
  checks: z.array(ZCheck),
  /** Checks done (any result) and needed. */
  checked: z.number().int(),
  needed: z.number().int(),
  failed: z.number().int(),
  /** When the joint test was first complete with nothing failing; null while it is not. */
  testedAt: ZTimestamp.nullable(),
  /** The meeting has begun (its support record may be written). */
  begun: z.boolean(),
  /** The test was complete before the meeting began (附件一 四 2.3 (1)); null until the meeting starts. */
  testedInTime: z.boolean().nullable(),
  problems: z.array(ZProblem),
  record: z.string().nullable(),
  createdByName: z.string(),
});
export type TMeeting = z.infer<typeof ZMeeting>;
export const ZMeetingList = paged(ZMeeting);
export const ZMeetingQuery = ZPage.extend({
  from: ZDateTime.optional(),
  to: ZDateTime.optional(),
  state: z.enum(MEETING_STATES).optional(),
  system: z.enum(CONF_SYSTEMS).optional(),
  /** Meetings held: begun and not cancelled (what a report's 保障会议 counts, issue 15). */
  held: z.enum(['true']).optional(),
});

export const ZCheckInput = z.object({
  target: z.union([z.literal(ROOM), z.uuid()]),
  item: z.enum([...ENDPOINT_ITEMS, ...ROOM_ITEMS]),
  result: z.enum(CHECK_RESULTS),
  note: optText(500).default(''),
});
export const ZProblemInput = z.object({
  title: text(200),
  description: optText(4000).default(''),
  severity: z.enum(['critical', 'high', 'medium', 'low']).default('high'),
});
export const ZRecordInput = z.object({ record: text(8000) });
