// Amendments (第十一条, R-CON-10): a party asks in writing (the signed request as a file, the clause,
// the change and the reason); only the other party agrees or refuses, once. Until it agrees the old
// terms hold: the dashboard keeps computing from the contract as recorded, and an agreed amendment is
// shown as in force from the day of consent. Audited, and each step told to the other side.
import { asc, eq } from 'drizzle-orm';
import { dateOf } from '../../../common/dates.ts';
import { ZAmendmentFields, type Party, type TAmendment } from '../../../common/money-records.ts';
import { audit, auditAlone } from '../../kernel/audit.ts';
import { actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, Forbidden, NotFound } from '../../kernel/errors.ts';
import type { Download } from '../../kernel/download.ts';
import { storedFileDownload } from '../../kernel/files/send.ts';
import { readFile, storeFile } from '../../kernel/files/storage.ts';
import type { Upload } from '../../kernel/files/upload.ts';
import { contractTerms } from '../contract/api.ts';
import { fieldsOf, otherParty, partyName, partyOf, tellParty } from './parties.ts';
import { contractAmendments } from './tables.ts';

export const AMENDMENT_OBJECT = 'contract_amendment';
type Row = typeof contractAmendments.$inferSelect;

const toAmendment = (r: Row): TAmendment => ({
  id: r.id,
  contractId: r.contractId,
  party: r.party as Party,
  clause: r.clause,
  change: r.change,
  reason: r.reason,
  requestedOn: r.requestedOn,
  requestedByName: r.requestedByName,
  fileName: r.fileName,
  status: r.status as TAmendment['status'],
  decidedOn: r.decidedOn,
  decidedByName: r.decidedByName,
  decisionNote: r.decisionNote,
});

async function row(ctx: Ctx, id: string, lock = false): Promise<Row> {
  const q = ctx.db.select().from(contractAmendments).where(eq(contractAmendments.id, id));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw new NotFound('money.amendment_not_found', '合同变更申请不存在');
  return r;
}

export async function listAmendments(ctx: Ctx, contractId: string): Promise<TAmendment[]> {
  const rows = await ctx.db
    .select()
    .from(contractAmendments)
    .where(eq(contractAmendments.contractId, contractId))
    .orderBy(asc(contractAmendments.requestedOn), asc(contractAmendments.createdAt))
    .limit(200);
  return rows.map(toAmendment);
}

export async function requestAmendment(ctx: Ctx, contractId: string, up: Upload): Promise<TAmendment> {
  const party = partyOf(ctx);
  const f = fieldsOf(ZAmendmentFields, up.fields, '请填写拟变更的条款、变更内容和理由，并附书面申请书');
  const terms = await contractTerms(ctx, contractId);
  if (!terms) throw new NotFound('contract.not_found', '合同不存在');
  return inTx(ctx, async (tx) => {
    const id = crypto.randomUUID();
    const file = await storeFile(tx, { objectType: AMENDMENT_OBJECT, objectId: id, kind: 'document', name: up.filename, bytes: up.bytes });
    const [r] = await tx.db
      .insert(contractAmendments)
      .values({
        id,
        contractId: terms.id,
        party,
        ...f,
        requestedOn: dateOf(tx.now()),
        requestedByName: actorName(tx),
        fileId: file.id,
        fileName: file.name,
        createdAt: tx.now(),
      })
      .returning();
    await audit(tx, {
      action: 'money.amendment_request',
      objectType: AMENDMENT_OBJECT,
      objectId: id,
      after: { ...f, party, file: file.name },
    });
    await tellParty(tx, otherParty(party), {
      event: 'money.amendment',
      title: `${partyName(party)}申请变更合同${f.clause}`,
      body: `${f.change}（理由：${f.reason}）。在双方达成新的协议之前，仍按原合同条款执行（第十一条第1款）`,
      objectType: AMENDMENT_OBJECT,
      objectId: id,
    });
    return toAmendment(r!);
  });
}

export async function decideAmendment(ctx: Ctx, id: string, d: { decision: 'agree' | 'refuse'; note: string }): Promise<TAmendment> {
  const party = partyOf(ctx);
  return inTx(ctx, async (tx) => {
    const r = await row(tx, id, true);
    if (r.party === party) throw new Forbidden('money.amendment_own', '变更申请须由对方同意或拒绝，申请方不能自行决定');
    if (r.status !== 'pending')
      throw new Conflict(
        'money.amendment_decided',
        `该变更申请已于 ${r.decidedOn} ${r.status === 'agreed' ? '同意' : '拒绝'}，不能再次答复`,
      );
    const status = d.decision === 'agree' ? 'agreed' : 'refused';
    const today = dateOf(tx.now());
    const [u] = await tx.db
      .update(contractAmendments)
      .set({ status, decidedOn: today, decidedByName: actorName(tx), decisionNote: d.note })
      .where(eq(contractAmendments.id, id))
      .returning();
    await audit(tx, {
      action: `money.amendment_${status === 'agreed' ? 'agree' : 'refuse'}`,
      objectType: AMENDMENT_OBJECT,
      objectId: id,
      before: { status: 'pending' },
      after: { status, decidedOn: today, note: d.note },
    });
    await tellParty(tx, otherParty(party), {
      event: 'money.amendment',
      title: `${partyName(party)}${status === 'agreed' ? '同意' : '拒绝'}了合同${r.clause}的变更申请`,
      body: status === 'agreed' ? `自 ${today} 起按变更后的条款执行` : `仍按原合同条款执行${d.note ? `（${d.note}）` : ''}`,
      objectType: AMENDMENT_OBJECT,
      objectId: id,
    });
    return toAmendment(u!);
  });
}

export async function amendmentFile(ctx: Ctx, id: string): Promise<Download> {
  const r = await row(ctx, id);
  const f = await readFile(ctx, r.fileId, AMENDMENT_OBJECT, id);
  await auditAlone(ctx, { action: 'money.file_download', objectType: AMENDMENT_OBJECT, objectId: id, detail: { file: f.name } });
  return storedFileDownload(f);
}
