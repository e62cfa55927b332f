// Training (R-TRN-01, R-STF-01/02, R-CONF-05; issue 15 point 6, issue 14 point 6): user training on
// the agency's request (requested → scheduled → delivered), staff training and security and
// confidentiality education; attendees (system users and named outside attendees), sign-in, materials,
// and each attendee's assessment of clarity (通俗易懂) and effect (达到预期目的), 1–5. Staff
// certificates (持证上岗) with their expiry.
import { z } from 'zod';
import { ZDate, ZDateTime, ZPage, ZTimestamp, optText, paged, text } from './api.ts';
import { ZFileMeta } from './files.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';

export const TRAINING_KINDS = ['user', 'staff', 'security'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_NAMES: Record<TrainingKind, string> = {
  user: '用户培训',
  staff: '运维人员培训',
  security: '安全保密教育',
};
export const TRAINING_STATES = ['requested', 'scheduled', 'delivered', 'cancelled'] as const;
export type TrainingState = (typeof TRAINING_STATES)[number];
export const TRAINING_STATE_NAMES: Record<TrainingState, string> = {
  requested: '已申请',
  scheduled: '已安排',
  delivered: '已完成',
  cancelled: '已取消',
};

const ZLine = z.enum(SERVICE_LINE_CODES);
const later = (o: { startAt: string; endAt: string }) => Date.parse(o.endAt) > Date.parse(o.startAt);
const LATER = { message: '结束时间应晚于开始时间', path: ['endAt'] };

/** The agency asks for user training (附件一 11: knowledge, configuration, new features, security client). */
export const ZTrainingRequest = z.object({
  title: text(200),
  line: ZLine.nullable().default(null),
  topic: text(2000),
  /** The day the agency would like it held. */
  preferredDate: ZDate.nullable().default(null),
});
export type TTrainingRequest = z.input<typeof ZTrainingRequest>;

export const ZSchedule = z.object({ startAt: ZDateTime, endAt: ZDateTime, place: text(200), trainer: text(100) }).refine(later, LATER);
export type TSchedule = z.input<typeof ZSchedule>;

/** A session the contractor plans itself: staff training or security education (or user training). */
export const ZSessionInput = z
  .object({
    kind: z.enum(TRAINING_KINDS),
    title: text(200),
    line: ZLine.nullable().default(null),
    topic: text(2000),
    startAt: ZDateTime,
    endAt: ZDateTime,
    place: text(200),
    trainer: text(100),
  })
  .refine(later, LATER);
export type TSessionInput = z.input<typeof ZSessionInput>;

export const ZAttendeesInput = z
  .object({
    usernames: z.array(text(100)).max(200).default([]),
    outside: z
      .array(z.object({ name: text(100), org: optText(200).default('') }))
      .max(200)
      .default([]),
  })
  .refine((o) => o.usernames.length + o.outside.length > 0, { message: '请至少添加一名参训人员' });
export type TAttendeesInput = z.input<typeof ZAttendeesInput>;

/** Sign-in: the attendee themself (no id), or the trainer for those named. */
export const ZSignIn = z.object({ attendeeIds: z.array(z.uuid()).max(200).default([]) });

const score = z.number().int('评分应为 1–5 的整数').min(1, '评分应为 1–5 分').max(5, '评分应为 1–5 分');
/** One attendee's assessment: clarity (通俗易懂) and effect (达到预期目的), 1–5, and a comment. */
export const ZRatingInput = z.object({
  /** Omitted: the signed-in attendee rates; given: the trainer records an outside attendee's form. */
  attendeeId: z.uuid().optional(),
  clarity: score,
  effect: score,
  comment: optText(1000).default(''),
});
export type TRatingInput = z.input<typeof ZRatingInput>;

export const ZDeliverInput = z.object({ summary: text(4000) });

export const ZAttendee = z.object({
  id: z.string(),
  username: z.string().nullable(),
  name: z.string(),
  org: z.string(),
  signedInAt: ZTimestamp.nullable(),
  clarity: z.number().int().nullable(),
  effect: z.number().int().nullable(),
  comment: z.string(),
});
export type TAttendee = z.infer<typeof ZAttendee>;

export const ZRatingSummary = z.object({
  attendees: z.number().int(),
  signedIn: z.number().int(),
  rated: z.number().int(),
  /** Averages to one decimal; null before the first rating. */
  clarity: z.number().nullable(),
  effect: z.number().nullable(),
});
export type TRatingSummary = z.infer<typeof ZRatingSummary>;

export const ZSession = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(TRAINING_KINDS),
  state: z.enum(TRAINING_STATES),
  title: z.string(),
  line: ZLine.nullable(),
  topic: z.string(),
  preferredDate: z.string().nullable(),
  requestedByName: z.string().nullable(),
  startAt: ZTimestamp.nullable(),
  endAt: ZTimestamp.nullable(),
  place: z.string(),
  trainer: z.string(),
  summary: z.string().nullable(),
  deliveredAt: ZTimestamp.nullable(),
  ratings: ZRatingSummary,
});
export type TSession = z.infer<typeof ZSession>;
export const ZMaterial = ZFileMeta.extend({ url: z.string() });
export const ZSessionDetail = ZSession.extend({
  attendees: z.array(ZAttendee),
  materials: z.array(ZMaterial),
  /** The caller's own attendee row, if they attend. */
  mine: z.string().nullable(),
});
export type TSessionDetail = z.infer<typeof ZSessionDetail>;
export const ZSessionList = paged(ZSession);
export const ZSessionQuery = ZPage.extend({
  kind: z.enum(TRAINING_KINDS).optional(),
  state: z.enum(TRAINING_STATES).optional(),
});

// ---- staff certificates (R-STF-01/02: 持证上岗) -------------------------------------------------

export const ZCertificateInput = z.object({
  personId: z.uuid(),
  kind: text(100),
  number: text(100),
  issuer: text(200),
  validUntil: ZDate.nullable().default(null),
  note: optText(500).default(''),
});
export type TCertificateInput = z.input<typeof ZCertificateInput>;
export const ZCertificate = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  kind: z.string(),
  number: z.string(),
  issuer: z.string(),
  validUntil: z.string().nullable(),
  /** Days from today (China time) to validUntil; negative once expired; null without an end. */
  daysLeft: z.number().int().nullable(),
  note: z.string(),
  scan: ZMaterial.nullable(),
});
export type TCertificate = z.infer<typeof ZCertificate>;
export const ZCertificateList = paged(ZCertificate);
export const ZCertificateQuery = ZPage.extend({
  personId: z.uuid().optional(),
  /** Only those expired or ending within this many days. */
  expiringWithin: z.coerce.number().int().min(0).max(3650).optional(),
});
/** A certificate ending within this many days is a to-do of the project manager. */
export const CERT_WARN_DAYS = 60;
