// Staff certificates (R-STF-01/02: 持证上岗): per person of the contractor's staff list (org's people),
// kind, number, issuer, valid until and a scan; a list with an expiring-soon filter, and the project
// manager's to-do of those expired or ending within 60 days. A person of another party is refused:
// the contract allows no subcontracting (第二条4).
import { and, asc, count, eq, isNotNull, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { CERT_WARN_DAYS, type TCertificate, type ZCertificateInput, type ZCertificateQuery } from '../../../common/training.ts';
import { addCalendarDays, calendarDaysBetween, dateOf } from '../../../common/dates.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { Invalid, NotFound } from '../../kernel/errors.ts';
import { fileMeta } from '../../kernel/files/storage.ts';
import type { TodoProvider } from '../../kernel/module.ts';
import { getPerson, partiesByKind, peopleByIds } from '../org/api.ts';
import { staffCertificates } from './tables.ts';
import { totalOver } from '../../kernel/todos.ts';

export const CERT_OBJECT = 'training_certificate';
type Row = typeof staffCertificates.$inferSelect;

async function views(ctx: Ctx, rows: Row[]): Promise<TCertificate[]> {
  const names = new Map((await peopleByIds(ctx, [...new Set(rows.map((r) => r.personId))])).map((p) => [p.id, p.name]));
  const today = dateOf(ctx.now());
  const out: TCertificate[] = [];
  for (const r of rows) {
    const scan = r.scanId ? await fileMeta(ctx, r.scanId, CERT_OBJECT, r.id) : null;
    out.push({
      id: r.id,
      personId: r.personId,
      personName: names.get(r.personId) ?? '',
      kind: r.kind,
      number: r.number,
      issuer: r.issuer,
      validUntil: r.validUntil,
      daysLeft: r.validUntil ? calendarDaysBetween(today, r.validUntil) : null,
      note: r.note,
      scan: scan ? { ...scan, createdAt: scan.createdAt.toISOString(), url: `/api/training/certificates/${r.id}/scan` } : null,
    });
  }
  return out;
}

const expiringBy = (ctx: Ctx, days: number): SQL =>
  and(isNotNull(staffCertificates.validUntil), lte(staffCertificates.validUntil, addCalendarDays(dateOf(ctx.now()), days)))!;

export async function listCertificates(ctx: Ctx, q: z.output<typeof ZCertificateQuery>): Promise<{ items: TCertificate[]; total: number }> {
  const c: SQL[] = [];
  if (q.personId) c.push(eq(staffCertificates.personId, q.personId));
  if (q.expiringWithin !== undefined) c.push(expiringBy(ctx, q.expiringWithin));
  const where = c.length ? and(...c) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(staffCertificates).where(where);
  const rows = await ctx.db
    .select()
    .from(staffCertificates)
    .where(where)
    .orderBy(asc(staffCertificates.validUntil), asc(staffCertificates.kind))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await views(ctx, rows), total: Number(n?.n ?? 0) };
}

export async function getCertificate(ctx: Ctx, id: string): Promise<TCertificate> {
  const [r] = await ctx.db.select().from(staffCertificates).where(eq(staffCertificates.id, id));
  if (!r) throw new NotFound('certificate.not_found', '证书不存在');
  return (await views(ctx, [r]))[0]!;
}

/** The person must be on the contractor's staff list. */
async function assertStaff(ctx: Ctx, personId: string): Promise<void> {
  const p = await getPerson(ctx, personId).catch(() => null);
  const contractors = (await partiesByKind(ctx, 'contractor')).map((x) => x.id);
  if (!p || !contractors.includes(p.partyId))
    throw new Invalid('certificate.not_staff', '只能为乙方（运维方）人员登记证书，不得使用分包人员', [
      { path: 'personId', message: '不是乙方人员' },
    ]);
}

export async function createCertificate(ctx: Ctx, input: z.output<typeof ZCertificateInput>): Promise<TCertificate> {
  await assertStaff(ctx, input.personId);
  const id = await inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(staffCertificates)
      .values({ ...input, createdAt: tx.now(), updatedAt: tx.now() })
      .returning();
    await audit(tx, { action: 'certificate.create', objectType: 'certificate', objectId: r!.id, after: r });
    return r!.id;
  });
  return getCertificate(ctx, id);
}

export async function updateCertificate(ctx: Ctx, id: string, input: z.output<typeof ZCertificateInput>): Promise<TCertificate> {
  await assertStaff(ctx, input.personId);
  await inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(staffCertificates).where(eq(staffCertificates.id, id)).for('update');
    if (!before) throw new NotFound('certificate.not_found', '证书不存在');
    const [after] = await tx.db
      .update(staffCertificates)
      .set({ ...input, updatedAt: tx.now() })
      .where(eq(staffCertificates.id, id))
      .returning();
    await audit(tx, { action: 'certificate.update', objectType: 'certificate', objectId: id, before, after });
  });
  return getCertificate(ctx, id);
}

/** Home to-do of the project manager: certificates expired or ending within 60 days. */
export const certsExpiring: TodoProvider = {
  id: 'training.certs_expiring',
  title: { zh: '60 天内到期的人员证书', en: 'Staff certificates expiring within 60 days' },
  access: 'training.staff',
  roles: ['contractor_pm'],
  order: 60,
  url: '/training?tab=certs',
  empty: { zh: '没有即将到期的证书', en: 'No certificate expires soon' },
  read: async (ctx, limit) => {
    const where = expiringBy(ctx, CERT_WARN_DAYS);
    const rows = await ctx.db
      .select({ r: staffCertificates, total: totalOver() })
      .from(staffCertificates)
      .where(where)
      .orderBy(asc(staffCertificates.validUntil))
      .limit(limit);
    // The items need the holders' names (an async read), so the section is assembled here.
    const certs = await views(
      ctx,
      rows.map(({ r }) => r),
    );
    return {
      count: rows[0]?.total ?? 0,
      items: certs.map((c) => ({
        title: `${c.personName} ${c.kind}`,
        subtitle: `证书编号 ${c.number}，${c.issuer}`,
        due: c.validUntil ? new Date(`${c.validUntil}T23:59:59+08:00`).toISOString() : null,
        risk: (c.daysLeft ?? 0) < 0 ? 'breached' : 'warning',
        tag: (c.daysLeft ?? 0) < 0 ? '已过期' : `${c.daysLeft} 天后到期`,
        url: '/training?tab=certs',
      })),
    };
  },
};
