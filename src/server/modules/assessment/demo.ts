// The assessment's demo: the three months before the demo's day. The oldest is signed and passed; the
// next failed (the office network scored low) with its remedies, one done, the others overdue; the
// last is a draft prefilled from the other modules' demo evidence, waiting for the agency to score it.
import { addCalendarDays, instantOf } from '../../../common/dates.ts';
import type { Ctx } from '../../kernel/context.ts';
import type { DemoEnv } from '../../kernel/module.ts';
import type { Registry } from '../../kernel/registry.ts';
import { as } from '../../demo/actors.ts';
import { updateRemedy } from './cure.ts';
import { signAssessment } from './outcome.ts';
import { createDraft, getAssessment, nextMonth, previousMonth, scoreCriteria } from './service.ts';

/** The agency's score of a criterion: what the evidence suggests, the office network low in a failed month. */
function scoreOf(row: { line: string; suggested: string | null; no: number }, failNet: boolean): number {
  if (failNet && row.line === 'NET') return row.no === 1 ? 5 : 7;
  if (row.suggested === 'fail') return 7;
  return row.no % 2 ? 9 : 10;
}

async function signedMonth(ctx: Ctx, reg: Registry, month: string, failNet: boolean): Promise<string> {
  const next = nextMonth(month);
  const at = instantOf(`${next}-05`, '10:00');
  const draft = await createDraft(await as(ctx, 'pm', instantOf(`${next}-01`, '09:00')), reg, month);
  const agency = await as(ctx, 'agency.manager', at);
  const rows = (await getAssessment(agency, draft.id)).rows;
  const comment = (r: { line: string }) => (failNet && r.line === 'NET' ? '本月多次网络中断，处理不及时' : '');
  await scoreCriteria(agency, draft.id, {
    scores: rows.map((r) => ({ criterionId: r.id, score: scoreOf(r, failNet), comment: comment(r) })),
  });
  await signAssessment(agency, draft.id);
  return draft.id;
}

export async function loadAssessmentDemo(ctx: Ctx, env: DemoEnv): Promise<void> {
  // The months before the demo's day, oldest first: passed, failed, to score.
  const last = previousMonth(env.today.slice(0, 7));
  const failed = previousMonth(last);
  await signedMonth(ctx, env.registry, previousMonth(failed), false);
  const id = await signedMonth(ctx, env.registry, failed, true);
  const [first] = (await getAssessment(ctx, id)).remedies;
  if (first) {
    const pm = await as(ctx, 'pm', instantOf(addCalendarDays(`${last}-01`, 3), '16:00'));
    await updateRemedy(pm, first.id, { evidence: '已更换核心交换机上联光模块，连续 7 天无中断（运维单已关闭）', done: true });
  }
  await createDraft(await as(ctx, 'pm'), env.registry, last);
}
