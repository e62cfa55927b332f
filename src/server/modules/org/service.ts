// The org module: parties, their bank accounts, sites and rooms, departments, people.
import { and, asc, eq, or, ilike, type SQL } from 'drizzle-orm';
import { addCalendarDays } from '../../../common/dates.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { crud } from '../../kernel/crud.ts';
import { likeContains } from '../../kernel/db/like.ts';
import { NotFound } from '../../kernel/errors.ts';
import { departments, parties, partyBankAccounts, people, rooms, sites } from './tables.ts';

export const partyStore = crud(parties, {
  objectType: 'party',
  label: '单位',
  search: [parties.name, parties.shortName],
  order: [parties.kind, parties.name],
});
export const siteStore = crud(sites, {
  objectType: 'site',
  label: '地点',
  search: [sites.name, sites.code, sites.address],
  order: [sites.code],
});
export const roomStore = crud(rooms, {
  objectType: 'room',
  label: '房间',
  search: [rooms.name, rooms.code, rooms.purpose],
  order: [rooms.code],
});
export const departmentStore = crud(departments, {
  objectType: 'department',
  label: '部门',
  search: [departments.name],
  order: [departments.sort, departments.name],
});
export const personStore = crud(people, {
  objectType: 'person',
  label: '人员',
  search: [people.name, people.title, people.mobile, people.phone, people.email],
  order: [people.name],
});

export async function getPartyWithAccounts(ctx: Ctx, id: string) {
  const p = await partyStore.get(ctx, id);
  const bankAccounts = await ctx.db
    .select()
    .from(partyBankAccounts)
    .where(eq(partyBankAccounts.partyId, id))
    .orderBy(asc(partyBankAccounts.createdAt));
  return { ...p, bankAccounts };
}

/** R-CON-02: a new account replaces the active one; the other party must be told within 7 days. */
export async function addBankAccount(
  ctx: Ctx,
  partyId: string,
  input: { bankName: string; accountName: string; accountNumber: string; changedOn: string | null },
) {
  return inTx(ctx, async (tx) => {
    await partyStore.get(tx, partyId);
    const [before] = await tx.db
      .select()
      .from(partyBankAccounts)
      .where(and(eq(partyBankAccounts.partyId, partyId), eq(partyBankAccounts.active, true)));
    await tx.db.update(partyBankAccounts).set({ active: false }).where(eq(partyBankAccounts.partyId, partyId));
    const notifyBy = input.changedOn && before ? addCalendarDays(input.changedOn, 7) : null;
    const [row] = await tx.db
      .insert(partyBankAccounts)
      .values({ partyId, ...input, notifyBy, active: true, createdAt: tx.now() })
      .returning();
    if (!row) throw new Error('insert failed');
    await audit(tx, { action: 'party.bank_account', objectType: 'party', objectId: partyId, before: before ?? null, after: row });
    return row;
  });
}

export async function markBankAccountNotified(ctx: Ctx, partyId: string, accountId: string, notifiedOn: string) {
  return inTx(ctx, async (tx) => {
    const [row] = await tx.db
      .update(partyBankAccounts)
      .set({ notifiedOn })
      .where(and(eq(partyBankAccounts.id, accountId), eq(partyBankAccounts.partyId, partyId)))
      .returning();
    if (!row) throw new NotFound('bank_account.not_found', '银行账户不存在');
    await audit(tx, { action: 'party.bank_account_notified', objectType: 'party', objectId: partyId, after: row });
    return row;
  });
}

export function peopleWhere(f: { partyId?: string | undefined; phone?: string | undefined }): SQL | undefined {
  const c: SQL[] = [];
  if (f.partyId) c.push(eq(people.partyId, f.partyId));
  // The duty operator finds a caller by any part of a phone number.
  if (f.phone) c.push(or(ilike(people.mobile, likeContains(f.phone)), ilike(people.phone, likeContains(f.phone)))!);
  return c.length ? and(...c) : undefined;
}
