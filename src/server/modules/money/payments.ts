// A payment's invoice file (第四条2(1) “正式服务发票”) and the contractor's written notice to cure a late
// payment (第十二条2, R-CON-13): 30 days from the notice with the payment still unpaid, the contractor
// may terminate; recording the payment cures it. Late is the calculator's rule: unpaid after its due
// date, and not a delay of fiscal funds (第四条2(3): not the agency's breach).
import { eq } from 'drizzle-orm';
import { addCalendarDays, dateOf } from '../../../common/dates.ts';
import type { TCureNotice } from '../../../common/money-records.ts';
import type { TPayment } from '../../../common/money.ts';
import { audit, auditAlone } from '../../kernel/audit.ts';
import { actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, Forbidden, Invalid, NotFound, UnsupportedMediaType } from '../../kernel/errors.ts';
import type { Download } from '../../kernel/download.ts';
import { checkFile } from '../../kernel/files/check.ts';
import { storedFileDownload } from '../../kernel/files/send.ts';
import { readFile, storeFile } from '../../kernel/files/storage.ts';
import type { Upload } from '../../kernel/files/upload.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { calculate } from './calc.ts';
import { CLAUSES } from './clauses.ts';
import { toNotice } from './records.ts';
import { partyOf, tellParty } from './parties.ts';
import { paymentStore, paymentView } from './service.ts';
import { contractCureNotices, contractPayments, PAYMENT_OBJECT } from './tables.ts';

export const CURE_DAYS = 30;
const NOTICE_OBJECT = 'contract_cure_notice';

async function lockPayment(ctx: Ctx, id: string) {
  const [p] = await ctx.db.select().from(contractPayments).where(eq(contractPayments.id, id)).for('update');
  if (!p) throw new NotFound('contract_payment.not_found', '付款记录不存在');
  return p;
}

export async function uploadInvoice(ctx: Ctx, id: string, up: Upload): Promise<TPayment> {
  await paymentStore.get(ctx, id);
  const checked = checkFile(up.filename, up.bytes);
  if (!checked.image && checked.mime !== 'application/pdf')
    throw new UnsupportedMediaType('money.invoice_type', '发票须为 PDF 或图片（JPG、PNG 等）');
  const row = await inTx(ctx, async (tx) => {
    const p = await lockPayment(tx, id);
    const f = await storeFile(tx, {
      objectType: PAYMENT_OBJECT,
      objectId: id,
      kind: checked.image ? 'photo' : 'document',
      name: up.filename,
      bytes: up.bytes,
    });
    const [u] = await tx.db
      .update(contractPayments)
      .set({ invoiceFileId: f.id, invoiceFileName: f.name, updatedAt: tx.now() })
      .where(eq(contractPayments.id, id))
      .returning();
    await audit(tx, {
      action: 'contract_payment.invoice_upload',
      objectType: PAYMENT_OBJECT,
      objectId: id,
      before: { invoiceFileName: p.invoiceFileName },
      after: { invoiceFileName: f.name, sha256: f.sha256 },
    });
    return u!;
  });
  return paymentView(ctx, row, dateOf(ctx.now()));
}

export async function invoiceFile(ctx: Ctx, id: string): Promise<Download> {
  const p = await paymentStore.get(ctx, id);
  if (!p.invoiceFileId) throw new NotFound('file.not_found', '尚未上传发票文件');
  const f = await readFile(ctx, p.invoiceFileId, PAYMENT_OBJECT, id);
  await auditAlone(ctx, { action: 'money.file_download', objectType: PAYMENT_OBJECT, objectId: id, detail: { file: f.name } });
  return storedFileDownload(f);
}

export async function giveCureNotice(ctx: Ctx, paymentId: string, input: { noticeOn: string; text: string }): Promise<TCureNotice> {
  if (partyOf(ctx) !== 'contractor') throw new Forbidden('money.cure_notice_party', '逾期付款的书面纠正通知由乙方发出');
  const today = dateOf(ctx.now());
  if (input.noticeOn > today) throw new Invalid('money.notice_in_future', '通知日期不能晚于今天');
  const cal = await getCalendar(ctx);
  return inTx(ctx, async (tx) => {
    const p = await lockPayment(tx, paymentId);
    if (p.paidOn) throw new Conflict('money.not_late', `该款项已于 ${p.paidOn} 支付，没有逾期付款可纠正`);
    // The calculator's rule: the delay starts the day after the due date; fiscal funds not allocated are no breach.
    if (input.noticeOn <= p.dueDate)
      throw new Conflict('money.not_late', `该款项应付日期为 ${p.dueDate}，通知日期 ${input.noticeOn} 时尚未逾期，不能发出纠正通知`);
    if (p.fiscalDelay)
      throw new Conflict(
        'money.fiscal_delay',
        `因财政资金未到位而影响支付的，不视为甲方违约（${CLAUSES.fiscal.clause}），不能据此发出纠正通知`,
      );
    const [open] = await tx.db.select().from(contractCureNotices).where(eq(contractCureNotices.paymentId, paymentId)).limit(1);
    if (open) throw new Conflict('money.notice_exists', `已于 ${open.noticeOn} 就该款项发出纠正通知，纠正期至 ${open.cureBy}`);
    const late = calculate(cal, { kind: 'late-payment', amount: p.amount, dueDate: p.dueDate, paidOn: input.noticeOn });
    const cureBy = addCalendarDays(input.noticeOn, CURE_DAYS);
    const [n] = await tx.db
      .insert(contractCureNotices)
      .values({
        contractId: p.contractId,
        paymentId,
        noticeOn: input.noticeOn,
        cureBy,
        text: input.text,
        createdByName: actorName(tx),
        createdAt: tx.now(),
      })
      .returning();
    await audit(tx, {
      action: 'money.cure_notice',
      objectType: NOTICE_OBJECT,
      objectId: n!.id,
      after: { paymentId, noticeOn: input.noticeOn, cureBy, text: input.text, penaltyAtNotice: late.amount },
    });
    await tellParty(tx, 'agency', {
      event: 'money.cure_notice',
      title: `乙方就逾期付款“${p.title}”发出书面纠正通知`,
      body: `应付日期 ${p.dueDate}，金额 ${p.amount} 元；请于 ${cureBy} 前支付并赔偿损失，逾期未纠正的，乙方有权书面通知解除合同（${CLAUSES.contractorTermination.clause}）`,
      objectType: NOTICE_OBJECT,
      objectId: n!.id,
    });
    return toNotice(n!, p, today);
  });
}
