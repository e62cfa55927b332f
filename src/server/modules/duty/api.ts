// What other modules may read of the duty module: who is on duty for a line (the desk's escalation and
// the monitoring and security alerts notify them).
import type { TOnDutyPerson } from '../../../common/duty.ts';
import type { Ctx } from '../../kernel/context.ts';
import { onDutyAt } from './schedule.ts';

export type OnDutyPerson = TOnDutyPerson;

/**
 * The people on duty for service line `line` (SM, NET, SEC, VC) at `at` (default now): on post,
 * mobile, on call or on special holiday duty, from the published roster with approved overrides.
 * None when no published roster covers that moment.
 */
export async function onDutyNow(ctx: Ctx, line: string, at?: Date): Promise<OnDutyPerson[]> {
  return onDutyAt(ctx, line, at ?? ctx.now());
}
