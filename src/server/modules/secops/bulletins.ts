// Security bulletins (issue 13 point 7, R-SEC-08): a bulletin names the vendor, product and affected
// version range; recording it matches the asset register (vendor, model or name, firmware in range)
// and, when devices are affected, opens a task on the SEC line (a desk ticket, channel security)
// listing them. A firmware the range cannot be compared with (no digits) counts as affected: someone
// should look.
import { count, desc } from 'drizzle-orm';
import type { z } from 'zod';
import type { TBulletin, ZBulletinInput } from '../../../common/secops.ts';
import { audit } from '../../kernel/audit.ts';
import { actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { assetsOfProduct } from '../assets/api.ts';
import { openDetectedTicket } from '../desk/api.ts';
import { secBulletins } from './tables.ts';

type Row = typeof secBulletins.$inferSelect;
const number = (seq: number | null) => `GG-${String(seq ?? 0).padStart(4, '0')}`;

/** The numbers in a version (`V600R007C20SPC300` → 600,7,20,300; `9.1.2` → 9,1,2). */
const parts = (v: string) => (v.match(/\d+/g) ?? []).map(Number);

/** -1, 0, 1 comparing two versions by their numbers in order (a missing part is 0). */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/** Whether a firmware version is in [from, to] (empty bounds are open; an unreadable firmware is in). */
export function inRange(firmware: string, from: string, to: string): boolean {
  if (!parts(firmware).length) return true;
  if (from && compareVersions(firmware, from) < 0) return false;
  return !(to && compareVersions(firmware, to) > 0);
}

const view = (r: Row): TBulletin => ({
  ...r,
  number: number(r.seq),
  severity: r.severity as TBulletin['severity'],
  createdAt: r.createdAt.toISOString(),
});

export async function listBulletins(ctx: Ctx, q: { page: number; pageSize: number }): Promise<{ items: TBulletin[]; total: number }> {
  const [n] = await ctx.db.select({ n: count() }).from(secBulletins);
  const rows = await ctx.db
    .select()
    .from(secBulletins)
    .orderBy(desc(secBulletins.createdAt), desc(secBulletins.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(view), total: Number(n?.n ?? 0) };
}

export async function createBulletin(ctx: Ctx, input: z.output<typeof ZBulletinInput>): Promise<TBulletin> {
  const candidates = await assetsOfProduct(ctx, input.vendor, input.product);
  const affected = candidates
    .filter((a) => inRange(a.firmware, input.versionFrom, input.versionTo))
    .map((a) => ({ id: a.id, number: a.number, name: a.name, firmware: a.firmware }));
  return inTx(ctx, async (tx) => {
    const range = `${input.versionFrom || '最早版本'} 至 ${input.versionTo || '最新版本'}`;
    const ticket = affected.length
      ? await openDetectedTicket(tx, {
          serviceLine: 'SEC',
          severity: input.severity,
          title: `安全通告处置：${input.title}`,
          description:
            `${input.source} 通告${input.cve ? `（${input.cve}）` : ''}影响 ${input.vendor} ${input.product} ${range}。受影响设备：${affected
              .map((a) => `${a.number} ${a.name}（${a.firmware || '版本未登记'}）`)
              .join('；')}。${input.advice ? `处置建议：${input.advice}` : ''}`.slice(0, 8000),
          assetsText: affected.map((a) => a.number).join(' '),
          channel: 'security',
        })
      : null;
    const [r] = await tx.db
      .insert(secBulletins)
      .values({
        ...input,
        affected,
        ticketId: ticket?.id ?? null,
        ticketNumber: ticket?.number ?? null,
        createdByName: actorName(tx),
        createdAt: tx.now(),
      })
      .returning();
    await audit(tx, {
      action: 'secops.bulletin.create',
      objectType: 'sec_bulletin',
      objectId: r!.id,
      after: r!,
      detail: { number: number(r!.seq), affected: affected.length },
    });
    return view(r!);
  });
}
