// Deliverables in Chromium (issue 15 points 2–3): the demo's oldest quarterly summary was submitted
// about 100 days ago and never answered, so the product's silence job approves it after start; the
// agency contact sees it as approved (逾期未提出异议，视为通过), objects to the pending one on a
// 390×844 phone, and the project manager resubmits a revised Word file as version 2 at 1440×900.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docx } from '../src/server/test/file-samples.ts';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, call, newPage, signInAt } from './shots.ts';

const env = useProduct();

interface Q {
  id: string;
  quarter: string;
  state: string;
  approvedHow: string | null;
  version: number;
}
const quarterlies = async (page: Parameters<typeof call>[0]) =>
  (await call<{ items: Q[] }>(page, 'GET', '/api/quarterlies?pageSize=50')).items;

describe('deliverables', () => {
  it('silence approves; the agency objects on a phone; the project manager resubmits', async () => {
    const agency = await newPage(env.browser);
    const phone = await newPage(env.browser, PHONE);
    const pm = await newPage(env.browser);
    try {
      await signInAt(env.base, agency.page, 'agency.contact', DEMO_PASSWORD);
      const all = await quarterlies(agency.page);
      expect(all).toHaveLength(3);
      const [pending, objected, oldest] = all; // newest quarter first
      expect(objected!.state).toBe('objected');
      // The silence job runs every minute: the oldest becomes approved without anyone answering.
      await expect
        .poll(async () => (await quarterlies(agency.page)).find((q) => q.id === oldest!.id)?.approvedHow, {
          timeout: 150_000,
          interval: 3000,
        })
        .toBe('silence');
      await agency.page.goto(`${env.base}/deliverables`);
      await agency.page.getByText('逾期未提出异议，视为通过').first().waitFor({ timeout: 15_000 });
      await agency.page.getByText('甲方提出质疑').first().waitFor();
      await agency.page.waitForTimeout(500);
      await agency.page.screenshot({ path: join(SHOTS, 'e2e-deliverables-list.png'), fullPage: true });
      await agency.page.goto(`${env.base}/deliverables/quarterly/${oldest!.id}`);
      await agency.page.getByText('系统已记录为通过评审').first().waitFor({ timeout: 15_000 });
      await agency.page.waitForTimeout(500);
      await agency.page.screenshot({ path: join(SHOTS, 'e2e-deliverables-silent.png'), fullPage: true });
      // The objected one shows its thread.
      await agency.page.goto(`${env.base}/deliverables/quarterly/${objected!.id}`);
      await agency.page.getByText('另请附上故障期间的可用率数据').first().waitFor({ timeout: 15_000 });
      await agency.page.waitForTimeout(500);
      await agency.page.screenshot({ path: join(SHOTS, 'e2e-deliverables-thread.png'), fullPage: true });

      // On a phone, the agency contact objects to the pending one.
      expect(pending!.state).toBe('submitted');
      await signInAt(env.base, phone.page, 'agency.contact', DEMO_PASSWORD);
      await phone.page.goto(`${env.base}/deliverables/quarterly/${pending!.id}`);
      await phone.page
        .getByText(/请于 .* 前评审或提出质疑/)
        .first()
        .waitFor({ timeout: 15_000 });
      await phone.page.getByTestId('review-comment').fill('请补充本季度各服务线 SLA 达成率和满意度回访结果。');
      await phone.page.waitForTimeout(300);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-deliverables-review-phone.png'), fullPage: true });
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await phone.page.getByRole('button', { name: '提出质疑' }).click();
      await expect
        .poll(async () => (await call<Q>(phone.page, 'GET', `/api/quarterlies/${pending!.id}`)).state, { timeout: 15_000 })
        .toBe('objected');
      await phone.page.getByText('请补充本季度各服务线 SLA 达成率和满意度回访结果。').first().waitFor({ timeout: 15_000 });
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-deliverables-objected-phone.png'), fullPage: true });

      // The project manager resubmits a revised file: version 2, awaiting review again.
      await signInAt(env.base, pm.page, 'pm', DEMO_PASSWORD);
      await pm.page.goto(`${env.base}/deliverables/quarterly/${pending!.id}`);
      await pm.page.getByText('修改后重新提交').first().waitFor({ timeout: 15_000 });
      await pm.page.getByTestId('resubmit-file').setInputFiles({
        name: '季度服务工作总结（修订版）.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: await docx('季度服务工作总结（修订版）：补充 SLA 达成率与满意度回访结果'),
      });
      await pm.page.getByPlaceholder('修改说明（可选）').fill('已补充 SLA 达成率与回访结果');
      await pm.page.getByRole('button', { name: '提交新版本' }).click();
      await expect
        .poll(
          async () => {
            const q = await call<Q>(pm.page, 'GET', `/api/quarterlies/${pending!.id}`);
            return [q.state, q.version];
          },
          { timeout: 15_000 },
        )
        .toEqual(['submitted', 2]);
      await pm.page.getByText('季度服务工作总结（修订版）.docx').first().waitFor({ timeout: 15_000 });
      await pm.page.waitForTimeout(500);
      await pm.page.screenshot({ path: join(SHOTS, 'e2e-deliverables-resubmitted.png'), fullPage: true });

      // Leader support: the list and the delivered request awaiting acceptance.
      await agency.page.goto(`${env.base}/deliverables/leader`);
      await agency.page.getByText('各处室电子政务外网接入情况统计表').first().waitFor({ timeout: 15_000 });
      await agency.page.waitForTimeout(500);
      await agency.page.screenshot({ path: join(SHOTS, 'e2e-deliverables-leader.png'), fullPage: true });
      await agency.page.getByText('各处室电子政务外网接入情况统计表').first().click();
      await agency.page.getByText('外网接入情况统计表.xlsx').first().waitFor({ timeout: 15_000 });
      await agency.page.waitForTimeout(500);
      await agency.page.screenshot({ path: join(SHOTS, 'e2e-deliverables-leader-request.png'), fullPage: true });
    } finally {
      await agency.ctx.close();
      await phone.ctx.close();
      await pm.ctx.close();
    }
  }, 300_000);
});
