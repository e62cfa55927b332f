// Force majeure (第九条, R-CON-09): the affected party records the event and when it told the other
// party; the written proof is due within ten days of the event (calendar days: “十日内”, the day of the
// event not counted); the deadlines it touches move by the days it lasted (第九条1), and past ten days
// the parties renegotiate (第九条3). Every step is audited and told to the other party.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { addCalendarDays, calendarDaysBetween, dateOf } from '../../../common/dates.ts';
import { ZProofFields, type TForceMajeure, type ZForceMajeureInput } from '../../../common/money-records.ts';
import type { TDeadline } from '../../../common/money.ts';
import { audit, auditAlone } from '../../kernel/audit.ts';
import { actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.ts';
import type { Download } from '../../kernel/download.ts';
import { storedFileDownload } from '../../kernel/files/send.ts';
import { readFile, storeFile } from '../../kernel/files/storage.ts';
import type { Upload } from '../../kernel/files/upload.ts';
import { contractTerms } from '../contract/api.ts';
import { fieldsOf, otherParty, partyName, partyOf, tellParty } from './parties.ts';
import { contractForceMajeure } from './tables.ts';

export const FM_OBJECT = 'contract_force_majeure';
export const PROOF_DAYS = 10;
export const RENEGOTIATE_AFTER_DAYS = 10;
type Row = typeof contractForceMajeure.$inferSelect;

export function toForceMajeure(r: Row, today: string): TForceMajeure {
  const end = r.endedOn ?? (today > r.startedOn ? today : r.startedOn);
  const days = calendarDaysBetween(r.startedOn, end) + 1;
  return {
    id: r.id,
    contractId: r.contractId,
    party: r.party as TForceMajeure['party'],
    description: r.description,
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    notifiedAt: r.notifiedAt.toISOString(),
    proofDueOn: r.proofDueOn,
    proofOn: r.proofOn,
    proofFileName: r.proofFileName,
    proofLate: r.proofOn ? r.proofOn > r.proofDueOn : today > r.proofDueOn,
    affects: r.affects,
    days,
    renegotiate: days > RENEGOTIATE_AFTER_DAYS,
    createdByName: r.createdByName,
  };
}

async function row(ctx: Ctx, id: string, lock = false): Promise<Row> {
  const q = ctx.db.select().from(contractForceMajeure).where(eq(contractForceMajeure.id, id));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw new NotFound('money.force_majeure_not_found', '不可抗力记录不存在');
  return r;
}

export async function listForceMajeure(ctx: Ctx, contractId: string, today: string): Promise<TForceMajeure[]> {
  const rows = await ctx.db
    .select()
    .from(contractForceMajeure)
    .where(eq(contractForceMajeure.contractId, contractId))
    .orderBy(asc(contractForceMajeure.startedOn))
    .limit(200);
  return rows.map((r) => toForceMajeure(r, today));
}

const tell = (ctx: Ctx, r: Row, title: string, body: string) =>
  tellParty(ctx, otherParty(r.party as TForceMajeure['party']), {
    event: 'money.force_majeure',
    title,
    body,
    objectType: FM_OBJECT,
    objectId: r.id,
  });

export async function recordForceMajeure(ctx: Ctx, contractId: string, input: z.output<typeof ZForceMajeureInput>): Promise<TForceMajeure> {
  const party = partyOf(ctx);
  const today = dateOf(ctx.now());
  const terms = await contractTerms(ctx, contractId);
  if (!terms) throw new NotFound('contract.not_found', '合同不存在');
  if (input.startedOn > today) throw new Invalid('money.event_in_future', '不可抗力事件的发生日期不能晚于今天');
  if (dateOf(new Date(input.notifiedAt)) < input.startedOn)
    throw new Invalid('money.notice_before_event', '通知对方的时间不能早于事件发生日期');
  if (input.endedOn && input.endedOn < input.startedOn) throw new Invalid('money.end_before_event', '事件结束日期不能早于发生日期');
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(contractForceMajeure)
      .values({
        contractId: terms.id,
        party,
        description: input.description,
        startedOn: input.startedOn,
        endedOn: input.endedOn,
        notifiedAt: new Date(input.notifiedAt),
        proofDueOn: addCalendarDays(input.startedOn, PROOF_DAYS),
        affects: input.affects,
        createdByName: actorName(tx),
        createdAt: tx.now(),
      })
      .returning();
    await audit(tx, { action: 'money.force_majeure_record', objectType: FM_OBJECT, objectId: r!.id, after: { ...input, party } });
    await tell(
      tx,
      r!,
      `${partyName(party)}通知不可抗力事件`,
      `${input.description}（自 ${input.startedOn} 起；证明文件应于 ${r!.proofDueOn} 前提供）`,
    );
    return toForceMajeure(r!, today);
  });
}

export async function endForceMajeure(ctx: Ctx, id: string, endedOn: string): Promise<TForceMajeure> {
  const today = dateOf(ctx.now());
  return inTx(ctx, async (tx) => {
    const r = await row(tx, id, true);
    if (r.party !== partyOf(tx)) throw new Forbidden('money.not_your_event', '只有受影响的一方可以登记事件结束');
    if (r.endedOn) throw new Conflict('money.event_ended', `该事件已于 ${r.endedOn} 结束`);
    if (endedOn < r.startedOn) throw new Invalid('money.end_before_event', '事件结束日期不能早于发生日期');
    if (endedOn > today) throw new Invalid('money.end_in_future', '事件结束日期不能晚于今天');
    const [u] = await tx.db.update(contractForceMajeure).set({ endedOn }).where(eq(contractForceMajeure.id, id)).returning();
    await audit(tx, {
      action: 'money.force_majeure_end',
      objectType: FM_OBJECT,
      objectId: id,
      before: { endedOn: null },
      after: { endedOn },
    });
    const fm = toForceMajeure(u!, today);
    await tell(
      tx,
      u!,
      '不可抗力事件结束',
      `${r.description}：${endedOn} 结束，共 ${fm.days} 天${fm.renegotiate ? '，超过十天，双方须就今后合同履行另行商议（第九条第3款）' : ''}`,
    );
    return fm;
  });
}

export async function uploadProof(ctx: Ctx, id: string, up: Upload): Promise<TForceMajeure> {
  const { proofOn } = fieldsOf(ZProofFields, up.fields, '请填写提供证明文件的日期（YYYY-MM-DD）');
  const today = dateOf(ctx.now());
  const r0 = await row(ctx, id);
  if (proofOn < r0.startedOn)
    throw new Invalid('money.proof_before_event', `证明文件日期（${proofOn}）不能早于事件发生日期（${r0.startedOn}）`);
  if (proofOn > today) throw new Invalid('money.proof_in_future', '证明文件日期不能晚于今天');
  return inTx(ctx, async (tx) => {
    const r = await row(tx, id, true);
    if (r.party !== partyOf(tx)) throw new Forbidden('money.not_your_event', '证明文件由受影响的一方提供');
    if (r.proofFileId) throw new Conflict('money.proof_exists', `证明文件已于 ${r.proofOn} 提供`);
    const f = await storeFile(tx, { objectType: FM_OBJECT, objectId: id, kind: 'document', name: up.filename, bytes: up.bytes });
    const [u] = await tx.db
      .update(contractForceMajeure)
      .set({ proofOn, proofFileId: f.id, proofFileName: f.name })
      .where(and(eq(contractForceMajeure.id, id)))
      .returning();
    await audit(tx, {
      action: 'money.force_majeure_proof',
      objectType: FM_OBJECT,
      objectId: id,
      after: { proofOn, file: f.name, late: proofOn > r.proofDueOn },
    });
    await tell(tx, u!, '不可抗力证明文件', `${r.description}：证明文件“${f.name}”已于 ${proofOn} 提供`);
    return toForceMajeure(u!, today);
  });
}

export async function proofFile(ctx: Ctx, id: string): Promise<Download> {
  const r = await row(ctx, id);
  if (!r.proofFileId) throw new NotFound('file.not_found', '尚未提供证明文件');
  const f = await readFile(ctx, r.proofFileId, FM_OBJECT, id);
  await auditAlone(ctx, { action: 'money.file_download', objectType: FM_OBJECT, objectId: id, detail: { file: f.name } });
  return storedFileDownload(f);
}

/**
 * The dashboard's deadlines moved by force majeure: each event that began on or before a deadline it
 * affects moves it by the days the event lasted (第九条1); an event after the deadline passed moves
 * nothing (一方违约在先). Several events add up.
 */
export function extendDeadlines(deadlines: TDeadline[], events: TForceMajeure[]): TDeadline[] {
  return deadlines.map((d) => {
    if (!d.date) return d;
    const by = events.filter((e) => e.affects.includes(d.key) && e.startedOn <= d.date!);
    if (!by.length) return d;
    const days = by.reduce((n, e) => n + e.days, 0);
    const reason = by
      .map(
        (e) =>
          `不可抗力（${partyName(e.party)}）：${e.description}，${e.startedOn} 起${e.endedOn ? `至 ${e.endedOn}` : '，持续中'}，${e.days} 天`,
      )
      .join('；');
    return { ...d, extended: { date: addCalendarDays(d.date, days), days, reason: `${reason}（第九条第1款）` } };
  });
}
