// The two parties of the contract as the system knows them: the actor's side from its roles, the other
// side's users for a notice, and reading a multipart form's fields through a Zod schema.
import type { z } from 'zod';
import { PARTY_LABEL, type Party } from '../../../common/money-records.ts';
import type { Ctx } from '../../kernel/context.ts';
import { Forbidden, Invalid } from '../../kernel/errors.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';

const ROLES: Record<Party, string[]> = {
  agency: ['agency_manager', 'agency_finance'],
  contractor: ['contractor_pm'],
};

/** 甲方 when the actor holds an agency role, 乙方 for the project manager; anyone else may not act for a party. */
export function partyOf(ctx: Ctx): Party {
  const roles = ctx.actor?.roles ?? [];
  if (roles.includes('contractor_pm')) return 'contractor';
  if (roles.some((r) => r.startsWith('agency_'))) return 'agency';
  throw new Forbidden('money.no_party', '只有甲方或乙方的人员可以代表合同一方登记此事项');
}

export const otherParty = (p: Party): Party => (p === 'agency' ? 'contractor' : 'agency');

/** Tells the other party's users (in-app and their chosen channels). */
export async function tellParty(
  ctx: Ctx,
  to: Party,
  n: { event: string; title: string; body: string; objectType: string; objectId: string },
): Promise<void> {
  await notifyUsers(ctx, { ...n, userIds: await usersWithRoles(ctx, ROLES[to]), link: '/contract/money' });
}

export const partyName = (p: Party) => PARTY_LABEL[p];

/** Multipart fields checked by a schema: 400 with a Chinese message naming the fields. */
export function fieldsOf<S extends z.ZodType>(schema: S, fields: Record<string, string>, message: string): z.output<S> {
  const r = schema.safeParse(fields);
  if (r.success) return r.data;
  throw new Invalid(
    'validation',
    message,
    r.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
  );
}
