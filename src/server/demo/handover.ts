// The handover module's demo (演示数据): the security and confidentiality agreement on record (a Word
// file made here, as the scanned signed copy would be), and one complete export already done, so the
// page shows a package to download. The demo contract runs to a date in the future, so the purge page
// explains that no request can be made yet; the export reads every module, so this demo runs last.
import { contractPeriod } from '../modules/contract/api.ts';
import type { Ctx } from '../kernel/context.ts';
import type { DemoEnv } from '../kernel/module.ts';
import { D, docxOf, line, loadDocx, title } from '../kernel/office/docx.ts';
import { createAgreement } from '../modules/handover/agreements.ts';
import { startExport } from '../modules/handover/exports.ts';

export async function loadHandoverDemo(ctx: Ctx, env: DemoEnv): Promise<void> {
  const c = await contractPeriod(ctx);
  if (!c) return;
  await loadDocx();
  const signedOn = c.start ?? '2021-08-30';
  const doc = docxOf([
    title('安全保密协议'),
    line(`甲方：${c.agencyName}`),
    line(`乙方：${c.contractorName}`),
    line(`依据合同 ${c.number}《${c.title}》第七条第2款及附件四，双方就运维服务中接触的保密信息签订本协议。`),
    line('乙方在合作结束后，应甲方书面要求，于 5 个工作日内销毁或归还全部保密资料（附件四第3(5)项）。'),
    line(`签订日期：${signedOn}（演示数据）`),
  ]);
  const bytes = Buffer.from(await D().Packer.toBuffer(doc));
  await createAgreement(ctx, {
    filename: '安全保密协议（签字盖章扫描件）.docx',
    bytes,
    fields: { title: '安全保密协议', partyA: c.agencyName, partyB: c.contractorName, signedOn },
  });
  await (
    await startExport(ctx, env.registry)
  ).done;
}
