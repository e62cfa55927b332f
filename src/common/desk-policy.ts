// The agency's desk policy (R-SD-02..04): the SLA policies per service line and severity as the
// agency edits them, and the definitions of the four severities (紧急/高/中/低). Shared by the server
// (validation, defaults) and the web app (forms, fallback text while loading).
import { z } from 'zod';
import { ZTimestamp } from './api.ts';
import { SEVERITY_NAMES } from './desk.ts';
import { SEVERITIES, SLA_TARGETS, TICKET_CATEGORIES, type Severity } from './sla.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';

const MINUTE_MS = 60_000;
/** A target is at least 1 minute and at most 30 days of business time. */
export const POLICY_MIN_MS = MINUTE_MS;
export const POLICY_MAX_MS = 30 * 24 * 60 * MINUTE_MS;
export const HOURS_PROFILES = ['5x9', '7x24'] as const;

export const ZPolicyTargetInput = z.object({
  target: z.enum(SLA_TARGETS, { error: '目标只能是回电、到场、解决或报告（callback/onsite/resolve/report）' }),
  durationMs: z
    .int({ error: '时限须为整数毫秒' })
    .min(POLICY_MIN_MS, { error: '时限不能短于 1 分钟' })
    .max(POLICY_MAX_MS, { error: '时限不能超过 30 天' }),
  profile: z.enum(HOURS_PROFILES, { error: '计时方式只能是 5x9 或 7x24' }),
});
export type TPolicyTargetInput = z.infer<typeof ZPolicyTargetInput>;

/** PUT /api/sla-policies/:id: the policy's targets, each named once. */
export const ZPolicyUpdate = z.object({
  targets: z
    .array(ZPolicyTargetInput)
    .min(1, { error: '至少保留一项时限目标' })
    .max(SLA_TARGETS.length)
    .refine((ts) => new Set(ts.map((t) => t.target)).size === ts.length, { error: '同一策略中的目标不能重复' }),
});
export type TPolicyUpdate = z.infer<typeof ZPolicyUpdate>;

export const ZSlaPolicyRow = z.object({
  id: z.string(),
  serviceLine: z.enum(SERVICE_LINE_CODES),
  severity: z.enum(SEVERITIES),
  /** Null: every category of ticket; otherwise only that one (more specific wins, see policyFor). */
  category: z.enum(TICKET_CATEGORIES).nullable(),
  targets: z.array(z.object({ target: z.enum(SLA_TARGETS), durationMs: z.number(), profile: z.enum(HOURS_PROFILES) })),
  updatedAt: ZTimestamp,
});
export type TSlaPolicyRow = z.infer<typeof ZSlaPolicyRow>;
export const ZSlaPolicyList = z.object({ items: z.array(ZSlaPolicyRow) });
export type TSlaPolicyList = z.infer<typeof ZSlaPolicyList>;

// ---------------------------------------------------------------------------------------------
// Severity definitions

/** The settings key holding the agency's edited definitions. */
export const SEVERITY_SETTING = 'desk.severity_definitions';
export const SEVERITY_TEXT_MAX = 500;

/** The definitions until the agency edits them (also the web's text while the server's loads). */
export const DEFAULT_SEVERITY_DEFINITIONS: Readonly<Record<Severity, { zh: string; en: string }>> = {
  critical: { zh: '核心业务中断或大面积受影响，须立即处理', en: 'Core service down or widespread impact: act at once' },
  high: { zh: '重要功能受损或多人受影响，尚有临时办法', en: 'Important function impaired or several users affected; a workaround exists' },
  medium: { zh: '个别用户或非关键功能受影响', en: 'Single users or non-critical functions affected' },
  low: { zh: '咨询、优化建议或可预约处理的事项', en: 'Questions, suggestions or work that can be scheduled' },
};

export const ZSeverityDefinition = z.object({
  code: z.enum(SEVERITIES),
  /** 紧急 / 高 / 中 / 低: fixed, only the definition is the agency's. */
  name: z.string(),
  definition: z.string(),
  examples: z.string().optional(),
  /** False while the default text applies (the web may then show its English). */
  edited: z.boolean(),
});
export type TSeverityDefinition = z.infer<typeof ZSeverityDefinition>;
export const ZSeverityList = z.object({ items: z.array(ZSeverityDefinition), updatedAt: ZTimestamp.nullable() });
export type TSeverityList = z.infer<typeof ZSeverityList>;

const defText = z
  .string({ error: '定义须为文字' })
  .trim()
  .min(1, { error: '定义不能为空' })
  .max(SEVERITY_TEXT_MAX, { error: `不能超过 ${SEVERITY_TEXT_MAX} 个字` });

/** PUT /api/desk/severities: all four levels, each once. */
export const ZSeverityUpdate = z.object({
  items: z
    .array(
      z.object({
        code: z.enum(SEVERITIES, { error: '级别只能是 critical/high/medium/low' }),
        definition: defText,
        examples: z
          .string()
          .trim()
          .max(SEVERITY_TEXT_MAX, { error: `不能超过 ${SEVERITY_TEXT_MAX} 个字` })
          .optional(),
      }),
    )
    .refine((xs) => xs.length === SEVERITIES.length && SEVERITIES.every((c) => xs.some((x) => x.code === c)), {
      error: '须给出紧急、高、中、低四个级别的定义，每个一次',
    }),
});
export type TSeverityUpdate = z.input<typeof ZSeverityUpdate>;

/** What settings holds: per code the definition and optional examples. */
export const ZSeverityStored = z.record(z.enum(SEVERITIES), z.object({ definition: z.string(), examples: z.string().optional() }));
export type TSeverityStored = z.infer<typeof ZSeverityStored>;

/** The four levels from the stored value (defaults for any not stored or unreadable). */
export function severityDefinitions(stored: unknown): TSeverityDefinition[] {
  const parsed = ZSeverityStored.safeParse(stored);
  const s: Partial<TSeverityStored> = parsed.success ? parsed.data : {};
  return SEVERITIES.map((code) => {
    const own = s[code];
    return {
      code,
      name: SEVERITY_NAMES[code],
      definition: own?.definition ?? DEFAULT_SEVERITY_DEFINITIONS[code].zh,
      ...(own?.examples ? { examples: own.examples } : {}),
      edited: !!own && own.definition !== DEFAULT_SEVERITY_DEFINITIONS[code].zh,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Durations in words

const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** One working day of the 5x9 profile: 9 business hours. */
const WORKDAY_MS = 9 * HOUR_MS;

/**
 * A target's length as people say it: 5 分钟, 2 小时, 1 个工作日 (5x9, multiples of 9 h), 3 天 (7x24,
 * multiples of 24 h), 1 小时 30 分钟. English with lang 'en-US'.
 */
export function durationWords(ms: number, profile: string, lang: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  const en = lang === 'en-US';
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  if (profile === '5x9' && ms >= WORKDAY_MS && ms % WORKDAY_MS === 0) {
    const n = ms / WORKDAY_MS;
    return en ? plural(n, 'working day') : `${n} 个工作日`;
  }
  if (profile !== '5x9' && ms >= DAY_MS && ms % DAY_MS === 0 && ms > DAY_MS) {
    const n = ms / DAY_MS;
    return en ? plural(n, 'day') : `${n} 天`;
  }
  const h = Math.floor(ms / HOUR_MS);
  const m = Math.round((ms % HOUR_MS) / MINUTE_MS);
  const parts: string[] = [];
  if (h) parts.push(en ? `${h} h` : `${h} 小时`);
  if (m || !h) parts.push(en ? `${m} min` : `${m} 分钟`);
  return parts.join(' ');
}
