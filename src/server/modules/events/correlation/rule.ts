// Correlation rules as YAML in the Sigma style (issue 13 point 3): named selections of field
// conditions (`field`, `field|contains`, `field|startswith`; a list means any of), a window, a field
// to group by, and a condition:
//   `sel`                      any matching event
//   `sel >= 5`                 at least 5 events (merged counts included) in the window
//   `sel | count(user) >= 3`   at least 3 distinct values of a field in the window
//   `sel | sum(bytes) >= 1000000000`  bytes (or packets) summed over the window: a large flow (R-MON-04)
//   `failed >= 5 then success` an ordered sequence: 5 failures, then a success, same group key
// A rule that does not parse is refused with the reason in Chinese (the editor shows it).
import { parse } from 'yaml';
import { z } from 'zod';
import { FILTER_FIELDS, SEVERITIES, type TSeverity } from '../../../../common/events.ts';
import { Invalid } from '../../../kernel/errors.ts';

export type Field = (typeof FILTER_FIELDS)[number];
/** Counters a rule may sum (the normalised bytes and packets of sessions). */
export const SUM_FIELDS = ['bytes', 'packets'] as const;
export type SumField = (typeof SUM_FIELDS)[number];
export interface Condition {
  field: Field;
  op: 'eq' | 'contains' | 'startswith';
  values: string[];
}
export type Selection = Condition[];

export interface CompiledRule {
  title: string;
  level: TSeverity;
  windowMs: number;
  groupBy: Field;
  first: { name: string; selection: Selection; min: number; distinct: Field | null; sum: SumField | null };
  then: { name: string; selection: Selection } | null;
}

const ZYaml = z.object({
  title: z.string().trim().min(1).max(200),
  level: z.enum(SEVERITIES).default('medium'),
  window: z.string().regex(/^\d{1,4}[smhd]$/, '窗口应形如 30s、10m、1h、1d'),
  group_by: z.enum(FILTER_FIELDS).default('srcIp'),
  detection: z.record(
    z.string().regex(/^\w{1,40}$/),
    z.record(z.string(), z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))])),
  ),
  condition: z.string().max(200),
});

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const CONDITION = /^(\w+)(?:\s*\|\s*(count|sum)\((\w+)\))?(?:\s*>=\s*(\d{1,15}))?(?:\s+then\s+(\w+))?$/;

const bad = (why: string): never => {
  throw new Invalid('events.rule.invalid', `规则无效：${why}`);
};

function selection(name: string, body: Record<string, unknown>): Selection {
  const out: Selection = [];
  for (const [key, raw] of Object.entries(body)) {
    const [field, modifier] = key.split('|');
    if (!(FILTER_FIELDS as readonly string[]).includes(field!))
      bad(`选择 ${name} 的字段 ${field} 不存在（可用：${FILTER_FIELDS.join('、')}）`);
    const op =
      modifier === undefined ? 'eq' : modifier === 'contains' || modifier === 'startswith' ? modifier : bad(`不支持的修饰符 ${modifier}`);
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => String(v));
    if (!values.length || values.some((v) => !v.length)) bad(`选择 ${name} 的 ${key} 没有值`);
    out.push({ field: field as Field, op, values });
  }
  if (!out.length) bad(`选择 ${name} 没有条件`);
  return out;
}

export function compileRule(text: string): CompiledRule {
  let doc: unknown;
  try {
    // No aliases: a document cannot blow up by references (billion laughs).
    doc = parse(text, { maxAliasCount: 0, prettyErrors: false });
  } catch (e) {
    bad(`YAML 格式错误（${(e as Error).message.slice(0, 120)}）`);
  }
  const r = ZYaml.safeParse(doc);
  if (!r.success) bad(r.error.issues.map((i) => `${i.path.join('.') || '文档'}: ${i.message}`).join('；'));
  const y = r.data!;
  const m = CONDITION.exec(y.condition.trim());
  if (!m) bad('条件应形如 “sel”、“sel >= 5”、“sel | count(user) >= 3”、“sel | sum(bytes) >= 1000000000” 或 “failed >= 5 then success”');
  const [, firstName, fn, arg, min, thenName] = m!;
  const distinct = fn === 'count' ? arg : undefined;
  const sum = fn === 'sum' ? arg : undefined;
  if (sum && !(SUM_FIELDS as readonly string[]).includes(sum)) bad(`sum(${sum}) 只能累计 ${SUM_FIELDS.join('、')}`);
  if (sum && !min) bad(`sum(${sum}) 需要阈值，如 “>= 1000000000”`);
  const sel = (name: string) => selection(name, y.detection[name] ?? bad(`条件引用了不存在的选择 ${name}`));
  if (distinct && !(FILTER_FIELDS as readonly string[]).includes(distinct)) bad(`count(${distinct}) 的字段不存在`);
  return {
    title: y.title,
    level: y.level,
    windowMs: Number(y.window.slice(0, -1)) * UNIT_MS[y.window.at(-1) as keyof typeof UNIT_MS],
    groupBy: y.group_by,
    first: {
      name: firstName!,
      selection: sel(firstName!),
      min: min ? Number(min) : 1,
      distinct: (distinct as Field | undefined) ?? null,
      sum: (sum as SumField | undefined) ?? null,
    },
    then: thenName ? { name: thenName, selection: sel(thenName) } : null,
  };
}
