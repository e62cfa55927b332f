// What other modules may read of the duty module: who is on duty for a line (the desk's escalation and
// the monitoring and security alerts notify them).
import type { TOnDutyPerson } from '../../../common/duty.ts';
import type { Ctx } from '../../kernel/context.ts';
import { onDutyAt, onDutyMemberIds } from './schedule.ts';

export type OnDutyPerson = TOnDutyPerson;

/**
 * The people on duty for service line `line` (SM, NET, SEC, VC) at `at` (default now): on post,
 * mobile, on call or on special holiday duty, from the published roster with approved overrides.
 * None when no published roster covers that moment.
 */
export async function onDutyNow(ctx: Ctx, line: string, at?: Date): Promise<OnDutyPerson[]> {
  return onDutyAt(ctx, line, at ?? ctx.now());
}

/** The user ids of the people on duty for a line at `at` (default now), for notices; none without a roster. */
export async function onDutyUserIds(ctx: Ctx, line: string, at?: Date): Promise<string[]> {
  return onDutyMemberIds(ctx, line, at ?? ctx.now());
}
