// What the SLA policy screens share: duration units per hours profile, target names, and how a
// policy compares with the contract's default (R-SD-02..04).
import { Tag } from 'antd';
import { durationWords, type TSlaPolicyRow } from '../../../../common/desk-policy.ts';
import { defaultPolicies, type SlaTarget } from '../../../../common/sla.ts';
import { pick, useI18n, type Lang } from '../../../i18n/index.tsx';
import { hoursShort } from '../../contract/lines.ts';
import { CATEGORY, TARGET } from '../meta.ts';

export type Target = TSlaPolicyRow['targets'][number];
export type Profile = Target['profile'];

export const POLICIES_KEY = 'sla-policies';
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const UNITS = {
  minute: { ms: MIN, zh: '分钟', en: 'minutes' },
  hour: { ms: HOUR, zh: '小时', en: 'hours' },
  workday: { ms: 9 * HOUR, zh: '个工作日', en: 'working days' },
  day: { ms: 24 * HOUR, zh: '天', en: 'days' },
} as const;
export type Unit = keyof typeof UNITS;
/** 工作日 (9 business hours) only makes sense under 5×9, 天 (24 h) only under 7×24. */
export const UNITS_OF: Record<Profile, Unit[]> = { '5x9': ['minute', 'hour', 'workday'], '7x24': ['minute', 'hour', 'day'] };
/** Target names on this page (TARGET's long callback name has the 5 minutes in it). */
export const TARGET_NAME: Record<SlaTarget, { zh: string; en: string }> = {
  callback: TARGET.callback,
  onsite: TARGET.onsite,
  resolve: TARGET.resolve,
  report: TARGET.report.long,
};

export const contractOf = (p: TSlaPolicyRow) =>
  defaultPolicies.find((d) => d.serviceLine === p.serviceLine && d.severity === p.severity && (d.category ?? null) === p.category);

export const sameTargets = (a: readonly Target[], b: readonly Target[]) =>
  a.length === b.length && a.every((x) => b.some((y) => y.target === x.target && y.durationMs === x.durationMs && y.profile === x.profile));

export function scopeName(p: TSlaPolicyRow, lang: Lang): string {
  if (p.category === null) return lang === 'en-US' ? 'All tickets' : '全部运维单';
  return pick(lang, CATEGORY[p.category]);
}

export function TargetText({ x }: { x: Target }) {
  const { lang } = useI18n();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span data-testid="policy-duration">{durationWords(x.durationMs, x.profile, lang)}</span>
      <Tag style={{ marginInlineStart: 6, marginInlineEnd: 0, fontSize: 11 }} color={x.profile === '7x24' ? 'geekblue' : undefined}>
        {hoursShort(x.profile)}
      </Tag>
    </span>
  );
}
