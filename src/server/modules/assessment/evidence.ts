// Reading the evidence of a month (ARCHITECTURE.md principle 4): each provider a criterion names is read
// once for the month's period through the registry, and each criterion takes its figure from the
// answer. A provider absent from the registry — its module left out, or not written yet — and one that
// fails leave the criterion to the agency (人工评分); the draft is made either way.
import type { Ctx } from '../../kernel/context.ts';
import type { Registry } from '../../kernel/registry.ts';
import { ruleFor } from './criteria.ts';
import { nextMonth } from './months.ts';
import type { Measured } from './tables.ts';

/** [from, to) of a month `YYYY-MM` in China time, as instants with their offset. */
export function periodOf(month: string): { from: string; to: string } {
  return { from: `${month}-01T00:00:00+08:00`, to: `${nextMonth(month)}-01T00:00:00+08:00` };
}

export const hasEvidence = (reg: Registry, id: string | null): boolean => !!id && reg.evidence.has(id);

export interface Prefill {
  measured: Measured | null;
  suggested: 'pass' | 'fail' | null;
}

/** The figure and suggestion of every criterion of the month, by criterion id. */
export async function prefill(
  ctx: Ctx,
  reg: Registry,
  month: string,
  criteria: { id: string; line: string; item: number; no: number; evidenceId: string | null }[],
): Promise<Map<string, Prefill>> {
  const period = periodOf(month);
  const answers = new Map<string, unknown>();
  for (const id of new Set(criteria.map((c) => c.evidenceId).filter((x): x is string => hasEvidence(reg, x)))) {
    const p = reg.evidence.get(id)!;
    try {
      answers.set(id, await p.read(ctx, p.params.parse(period)));
    } catch (e) {
      ctx.log.warn({ err: e, evidence: id, month }, 'assessment: evidence provider failed; criterion left to manual scoring');
    }
  }
  const out = new Map<string, Prefill>();
  for (const c of criteria) {
    const rule = ruleFor(c.line, c.item, c.no);
    const answer = c.evidenceId ? answers.get(c.evidenceId) : undefined;
    out.set(c.id, answer !== undefined && rule.read ? rule.read(answer, c.line, month) : { measured: null, suggested: null });
  }
  return out;
}
