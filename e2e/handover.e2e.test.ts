// Handover in Chromium (issue 15 point 7): the project manager runs a complete export to its download
// and sees why no purge can be requested while the contract runs. The product has no clock control,
// so the test then ends the contract honestly through the product's own contract API (the project
// manager moves the service lines' end to yesterday, as an amendment would) in this test file's own
// copy of the product; the purge page then takes the written request, every item is destroyed or
// returned with evidence, the certificate is downloaded, and the agency contact confirms it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { call, newPage, signInAt } from './shots.ts';

const env = useProduct();

interface Line {
  id: string;
  periodStart: string;
  periodEnd: string;
}

const china = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe('handover', () => {
  it('exports to a download, then purges to a certificate the agency confirms', async () => {
    const { ctx, page } = await newPage(env.browser);
    try {
      await signInAt(env.base, page, 'pm', DEMO_PASSWORD);
      await page.goto(`${env.base}/handover/export`);
      await page.getByRole('button', { name: '开始完整导出' }).click();
      await expect
        .poll(async () => (await call<{ items: { state: string }[] }>(page, 'GET', '/api/handover/exports')).items[0]?.state, {
          timeout: 120_000,
        })
        .toBe('done');
      await page.waitForTimeout(1500);
      await page.screenshot({ path: join(SHOTS, 'e2e-handover-export.png'), fullPage: true });
      const [zip] = await Promise.all([
        page.waitForEvent('download'),
        page
          .getByRole('button', { name: /下\s*载/ })
          .first()
          .click(),
      ]);
      expect(zip.suggestedFilename()).toMatch(/\.zip$/);

      await page.goto(`${env.base}/handover/purge`);
      await page.getByTestId('purge-reason').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('purge-reason').innerText()).toMatch(/服务期至 \d{4}-\d{2}-\d{2} 结束/);
      await page.screenshot({ path: join(SHOTS, 'e2e-handover-purge-not-yet.png'), fullPage: true });

      // End the contract: every service line still running ends yesterday.
      const yesterday = china(new Date(Date.now() - 86_400_000));
      const contracts = await call<{ items: { id: string }[] }>(page, 'GET', '/api/contracts?pageSize=50');
      for (const c of contracts.items) {
        const full = await call<{ serviceLines: Line[] }>(page, 'GET', `/api/contracts/${c.id}`);
        for (const l of full.serviceLines.filter((x) => x.periodEnd > yesterday))
          await call(page, 'PATCH', `/api/service-lines/${l.id}`, {
            periodStart: l.periodStart > yesterday ? yesterday : l.periodStart,
            periodEnd: yesterday,
          });
      }

      await page.reload();
      await page.getByRole('button', { name: '登记书面清除要求' }).click();
      await page.getByLabel('要求提出人').fill('张主任');
      await page.getByLabel('书面要求内容').fill('合作已结束，请于 5 个工作日内销毁或归还全部保密资料。');
      await page.getByRole('button', { name: /^保\s*存$/ }).click();
      await page.getByText('清除申请 QC-001').waitFor({ timeout: 15_000 });
      for (let i = 0; i < 5; i++) {
        await page.getByRole('button', { name: '登记处理' }).first().click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('处理说明').fill(i === 4 ? '备份磁带 2 盘已当面交甲方信息中心' : '已删除并经双方核对');
        if (i === 4) await dialog.getByText('归还甲方').click();
        await dialog
          .locator('input[type=file]')
          .setInputFiles({ name: `证据-${i + 1}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`第 ${i + 1} 项处理记录`) });
        await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
        await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
      }
      await page.getByRole('button', { name: '清除证明（Word）' }).waitFor({ timeout: 15_000 });
      const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '清除证明（Word）' }).click()]);
      expect(docx.suggestedFilename()).toMatch(/\.docx$/);
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(SHOTS, 'e2e-handover-purge-done.png'), fullPage: true });

      const agency = await newPage(env.browser);
      try {
        await signInAt(env.base, agency.page, 'agency.contact', DEMO_PASSWORD);
        await agency.page.goto(`${env.base}/handover/purge`);
        await agency.page.getByRole('button', { name: '确认清除证明' }).click();
        await agency.page.getByText('甲方已确认').first().waitFor({ timeout: 15_000 });
        await agency.page.waitForTimeout(800);
        await agency.page.screenshot({ path: join(SHOTS, 'e2e-handover-purge-confirmed.png'), fullPage: true });
      } finally {
        await agency.ctx.close();
      }
    } finally {
      await ctx.close();
    }
  }, 600_000);
});
