// Reports in Chromium (issue 15 point 1, R-RPT-01): the project manager generates last month's
// monthly report from the 生成 dialog (a new version of the one the demo made), reads its sections and
// charts, edits a narrative section, and downloads the Word file; the agency contact reads the list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { call, newPage, signInAt } from './shots.ts';

const env = useProduct();

interface Detail {
  id: string;
  title: string;
  version: { version: number; narrative: Record<string, string>; sections: { id: string; rows: unknown[][] }[] };
  history: { version: number }[];
}

describe('reports', () => {
  it('the pm generates a monthly report, edits its text and downloads it as Word', async () => {
    const { ctx, page } = await newPage(env.browser);
    try {
      await signInAt(env.base, page, 'pm', DEMO_PASSWORD);
      await page.goto(`${env.base}/reports`);
      await page.getByText('月度运维报告').first().waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: /生成报告/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('报告类型').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, 'e2e-reports-generate.png'), fullPage: true });
      await dialog.getByRole('button', { name: /^生\s*成$/ }).click();
      // The report's page opens when the server has read the evidence and stored the version.
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 90_000 });
      const id = page.url().split('/').pop()!;
      await page.getByText('运维单统计（按服务项目、类别、服务方式）').first().waitFor({ timeout: 20_000 });
      const before = await call<Detail>(page, 'GET', `/api/reports/${id}`);
      expect(before.title).toMatch(/月度运维报告$/);
      expect(before.history.length).toBeGreaterThanOrEqual(2);
      await page.waitForTimeout(1000);
      await page.screenshot({ path: join(SHOTS, 'e2e-reports-report.png'), fullPage: true });

      const problems = page.getByLabel('存在问题与建议');
      await problems.fill('核心交换机上联端口利用率偏高，建议扩容。');
      await page.getByRole('button', { name: /保存正文/ }).click();
      await expect
        .poll(async () => (await call<Detail>(page, 'GET', `/api/reports/${id}`)).version.narrative.problems, { timeout: 15_000 })
        .toBe('核心交换机上联端口利用率偏高，建议扩容。');

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByRole('button', { name: /下载 Word/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/月度运维报告（第\d+版）\.docx$/);
      const file = join(SHOTS, 'e2e-reports.docx');
      await download.saveAs(file);
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');

      // A number links to the list it counts, filtered as the report counted it: the largest desk
      // number of the tickets and SLA tables opens the queue with that many tickets.
      const links = before.version.sections
        .filter((s) => s.id === 'tickets' || s.id === 'sla')
        .flatMap((s) => s.rows.flat())
        .filter((c): c is { n: number; href: string } => typeof c === 'object' && c !== null && 'href' in c)
        .filter((c) => c.href.startsWith('/desk?'));
      const top = links.reduce((a, b) => (b.n > a.n ? b : a));
      expect(top.n).toBeGreaterThan(0);
      expect(top.href).toMatch(/(from|dueFrom)=\d{4}-\d{2}-01&/);
      await page.locator(`a[href="${top.href}"]`).first().click();
      await page.waitForURL(/\/desk\?/, { timeout: 15_000 });
      await page.getByTestId('report-filter').waitFor({ timeout: 15_000 });
      await page.getByText(`共 ${top.n} 条`).waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('report-filter').innerText()).toMatch(/报告期 \d{4}-\d{2}-01 至 \d{4}-\d{2}-\d{2}/);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'e2e-reports-link-desk.png'), fullPage: true });
      // Cleared, the queue is the whole queue again: more tickets than the report's number.
      await page.getByRole('button', { name: /清除报告筛选/ }).click();
      await page.waitForURL(/\/desk$/, { timeout: 15_000 });
      await expect
        .poll(async () => Number(/\d+/.exec(await page.locator('.ant-pagination-total-text').first().innerText())?.[0] ?? 0), {
          timeout: 20_000,
        })
        .toBeGreaterThan(top.n);
    } finally {
      await ctx.close();
    }
  }, 300_000);

  it('the agency contact reads the list but cannot generate', async () => {
    const { ctx, page } = await newPage(env.browser);
    try {
      await signInAt(env.base, page, 'agency.contact', DEMO_PASSWORD);
      await page.goto(`${env.base}/reports`);
      await page.getByText('周巡检表').first().waitFor({ timeout: 20_000 });
      expect(await page.getByRole('button', { name: /生成报告/ }).count()).toBe(0);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'e2e-reports-list.png'), fullPage: true });
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
