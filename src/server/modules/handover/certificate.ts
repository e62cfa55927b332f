// The certificate of the confidential purge (保密资料销毁/归还证明, R-CONF-03): the request, every
// item with how it was destroyed or returned, when and by whom, and the signature lines of both
// parties — as Word (kernel/office/docx.ts) and as PDF (the same content as HTML through Chromium).
import { PURGE_OUTCOME_ZH, type TPurge } from '../../../common/handover.ts';
import { auditAlone } from '../../kernel/audit.ts';
import type { Ctx } from '../../kernel/context.ts';
import { Download } from '../../kernel/download.ts';
import { Conflict, NotFound } from '../../kernel/errors.ts';
import { storedFileDownload } from '../../kernel/files/send.ts';
import { readFile } from '../../kernel/files/storage.ts';
import { D, docxFile, docxOf, fmtTime, formTable, gridTable, heading, line, loadDocx, title } from '../../kernel/office/docx.ts';
import { htmlToPdf } from '../../kernel/office/pdf.ts';
import { contractPeriod } from '../contract/api.ts';
import { getPurge } from './purge.ts';

const TITLE = '保密资料销毁（归还）证明';

async function issued(ctx: Ctx, id: string): Promise<{ p: TPurge; agency: string; contractor: string }> {
  const p = await getPurge(ctx, id);
  if (p.state === 'open') throw new Conflict('handover.purge_not_done', '尚有事项未销毁或归还，清除证明尚未出具');
  const c = await contractPeriod(ctx);
  return { p, agency: c?.agencyName ?? '甲方', contractor: c?.contractorName ?? '乙方' };
}

const rowsOf = (p: TPurge) =>
  p.items.map((i, n) => [
    String(n + 1),
    i.label,
    i.count === null ? '—' : String(i.count),
    i.outcome ? PURGE_OUTCOME_ZH[i.outcome] : '',
    i.note,
    `${i.doneByName ?? ''} ${fmtTime(i.doneAt)}`,
  ]);
const HEAD = ['序号', '保密资料', '数量', '处理', '处理说明与证据', '经办人、时间'];
const WIDTHS = [6, 36, 7, 9, 24, 18];
function statement(p: TPurge, agency: string, contractor: string): string {
  const last =
    p.items
      .map((i) => fmtTime(i.doneAt).slice(0, 10))
      .sort()
      .at(-1) ?? '';
  const when = last > p.dueOn ? `于 ${last} 完成（晚于 5 个工作日的期限 ${p.dueOn}）` : `在 5 个工作日内（期限 ${p.dueOn}）`;
  return (
    `根据${agency}于 ${p.requestedOn} 提出的书面要求（${p.requestedByName}），${contractor}已按安全保密协议（合同附件四第3(5)项）` +
    `${when}将合同 ${p.contractNumber}（服务期至 ${p.contractEnd}）履行中接触、产生和保存的全部保密资料销毁或归还，` +
    '明细如下，各项的处理证据已存档于运维系统。'
  );
}

export async function certificateDocx(ctx: Ctx, id: string): Promise<Download> {
  const { p, agency, contractor } = await issued(ctx, id);
  await loadDocx();
  const children = [
    title(TITLE),
    formTable([
      ['合同编号', p.contractNumber, '合同结束', p.contractEnd],
      ['书面要求日期', p.requestedOn, '办理期限', p.dueOn],
      ['证明出具时间', fmtTime(p.certifiedAt), '编号', `QC-${String(p.seq).padStart(3, '0')}`],
    ]),
    line(''),
    line(statement(p, agency, contractor)),
    heading('清除明细'),
    gridTable(HEAD, rowsOf(p)),
    line(''),
    line(`乙方（${contractor}）：________________    日期：__________`),
    line(''),
    line(
      `甲方（${agency}）确认：${p.confirmedByName ? `${p.confirmedByName} ${fmtTime(p.confirmedAt)}` : '________________    日期：__________'}`,
    ),
  ];
  const body = await D().Packer.toBuffer(docxOf(children));
  await auditDownload(ctx, id, 'docx');
  return docxFile(`${TITLE}-${p.contractNumber}.docx`, Buffer.from(body));
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

export async function certificatePdf(ctx: Ctx, id: string): Promise<Download> {
  const { p, agency, contractor } = await issued(ctx, id);
  const rows = rowsOf(p)
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('');
  const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
    @page { size: A4; margin: 20mm 18mm; } body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", SimSun, serif; font-size: 11pt; }
    h1 { text-align: center; font-size: 18pt; } table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #000; padding: 4px; vertical-align: top; }
    .sign { margin-top: 28px; }</style>
    <h1>${TITLE}</h1>
    <table><tr><th>合同编号</th><td>${esc(p.contractNumber)}</td><th>合同结束</th><td>${p.contractEnd}</td></tr>
    <tr><th>书面要求日期</th><td>${p.requestedOn}</td><th>办理期限</th><td>${p.dueOn}</td></tr>
    <tr><th>证明出具时间</th><td>${esc(fmtTime(p.certifiedAt))}</td><th>编号</th><td>QC-${String(p.seq).padStart(3, '0')}</td></tr></table>
    <p>${esc(statement(p, agency, contractor))}</p><h3>清除明细</h3>
    <table><colgroup>${WIDTHS.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>
    <tr>${HEAD.map((h) => `<th>${h}</th>`).join('')}</tr>${rows}</table>
    <p class="sign">乙方（${esc(contractor)}）：________________ 日期：__________</p>
    <p class="sign">甲方（${esc(agency)}）确认：${p.confirmedByName ? esc(`${p.confirmedByName} ${fmtTime(p.confirmedAt)}`) : '________________ 日期：__________'}</p></html>`;
  const body = await htmlToPdf(html);
  await auditDownload(ctx, id, 'pdf');
  return new Download({
    filename: `${TITLE}-${p.contractNumber}.pdf`,
    asciiName: 'purge-certificate.pdf',
    contentType: 'application/pdf',
    body,
  });
}

async function auditDownload(ctx: Ctx, id: string, format: string): Promise<void> {
  await auditAlone(ctx, { action: 'handover.certificate_download', objectType: 'handover_purge', objectId: id, detail: { format } });
}

/** The evidence file of one item of a purge. */
export async function evidenceFile(ctx: Ctx, purgeId: string, itemId: string): Promise<Download> {
  const p = await getPurge(ctx, purgeId);
  const item = p.items.find((i) => i.id === itemId);
  if (!item?.evidenceFileId) throw new NotFound('handover.evidence_not_found', '该事项尚无处理证据');
  return storedFileDownload(await readFile(ctx, item.evidenceFileId, 'handover_purge', purgeId));
}
