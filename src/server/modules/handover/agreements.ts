// The security and confidentiality agreement on record (安全保密协议, R-CON-15, 第七条2, 附件四): the
// signed file, the parties and the date, kept with the handover records.
import { count, desc, eq } from 'drizzle-orm';
import { ZAgreementFields, type TAgreement } from '../../../common/handover.ts';
import { audit } from '../../kernel/audit.ts';
import { actorId, type Ctx, inTx } from '../../kernel/context.ts';
import { Invalid, NotFound } from '../../kernel/errors.ts';
import { storedFileDownload } from '../../kernel/files/send.ts';
import { readFile, storeFile } from '../../kernel/files/storage.ts';
import type { Upload } from '../../kernel/files/upload.ts';
import type { Download } from '../../kernel/download.ts';
import { hoAgreements } from './tables.ts';

type Row = typeof hoAgreements.$inferSelect;
const toAgreement = (r: Row): TAgreement => ({
  id: r.id,
  title: r.title,
  partyA: r.partyA,
  partyB: r.partyB,
  signedOn: r.signedOn,
  fileId: r.fileId,
  fileName: r.fileName,
  createdByName: r.createdByName,
  createdAt: r.createdAt.toISOString(),
});

export async function listAgreements(ctx: Ctx, q: { page: number; pageSize: number }) {
  const rows = await ctx.db
    .select()
    .from(hoAgreements)
    .orderBy(desc(hoAgreements.signedOn), desc(hoAgreements.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [n] = await ctx.db.select({ n: count() }).from(hoAgreements);
  return { items: rows.map(toAgreement), total: Number(n?.n ?? 0) };
}

export async function createAgreement(ctx: Ctx, up: Upload): Promise<TAgreement> {
  const parsed = ZAgreementFields.safeParse(up.fields);
  if (!parsed.success)
    throw new Invalid(
      'validation',
      '请填写协议名称、甲乙双方和签订日期（YYYY-MM-DD）',
      parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    );
  const f = parsed.data;
  return inTx(ctx, async (tx) => {
    const id = crypto.randomUUID();
    const file = await storeFile(tx, {
      objectType: 'handover_agreement',
      objectId: id,
      kind: 'document',
      name: up.filename,
      bytes: up.bytes,
    });
    const [r] = await tx.db
      .insert(hoAgreements)
      .values({
        id,
        ...f,
        fileId: file.id,
        fileName: file.name,
        createdBy: actorId(tx),
        createdByName: tx.actor?.displayName ?? '系统',
        createdAt: tx.now(),
      })
      .returning();
    await audit(tx, {
      action: 'handover.agreement_record',
      objectType: 'handover_agreement',
      objectId: id,
      after: { ...f, file: file.name },
    });
    return toAgreement(r!);
  });
}

export async function agreementFile(ctx: Ctx, id: string): Promise<Download> {
  const [r] = await ctx.db.select().from(hoAgreements).where(eq(hoAgreements.id, id));
  if (!r) throw new NotFound('handover.agreement_not_found', '保密协议记录不存在');
  return storedFileDownload(await readFile(ctx, r.fileId, 'handover_agreement', id));
}
