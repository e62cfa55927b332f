// Report numbers in Chromium (issue 15 points 2–4): the security-event, conference, duty, monitoring
// alert, backup and signature figures of the demo's monthly report open their lists filtered as the
// report counted them, under the 按报告筛选 banner (the event list's total is the report's 安全事件 number); a payment rests on a stored report,
// picked from a select and linked from the payments table. Desktop 1440×900 and phone 390×844.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, call, newPage, signInAt } from './shots.ts';

const env = useProduct();

interface Cell {
  n: number;
  href: string;
}
interface Detail {
  id: string;
  version: { sections: { id: string; rows: unknown[][] }[] };
}
const linksOf = (d: Detail, section: string) =>
  d.version.sections
    .filter((s) => s.id === section)
    .flatMap((s) => s.rows.flat())
    .filter((c): c is Cell => typeof c === 'object' && c !== null && 'href' in c);

describe('report links and payment reports', () => {
  it('events, conferences and duty overrides open filtered by the report', async () => {
    const { ctx, page } = await newPage(env.browser);
    try {
      await signInAt(env.base, page, 'pm', DEMO_PASSWORD);
      const list = await call<{ items: { id: string }[] }>(page, 'GET', '/api/reports?kind=monthly');
      const d = await call<Detail>(page, 'GET', `/api/reports/${list.items[0]!.id}`);
      const events = linksOf(d, 'events').reduce((a, b) => (b.n > a.n ? b : a));
      await page.goto(`${env.base}${events.href}`);
      await page.getByTestId('report-filter').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('report-filter').innerText()).toContain('严重级别');
      if (events.n > 0) await page.getByText(`共 ${events.n} 条`).waitFor({ timeout: 20_000 });
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(SHOTS, 'e2e-report-link-events.png'), fullPage: true });

      const [meetings] = linksOf(d, 'conferences');
      expect(meetings!.href).toContain('held=true');
      await page.goto(`${env.base}${meetings!.href}`);
      await page.getByTestId('report-filter').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('report-filter').innerText()).toContain('已召开的会议');
      const api = await call<{ total: number }>(page, 'GET', `/api/conferences/meetings?${meetings!.href.split('?')[1]}`);
      expect(api.total).toBe(meetings!.n);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'e2e-report-link-conferences.png'), fullPage: true });
      await page.getByRole('button', { name: /清除报告筛选/ }).click();
      await page.waitForURL(/\/conferences$/, { timeout: 15_000 });

      // Duty: a line's 调班申请 opens the overrides tab with the line and the period.
      const overrides = linksOf(d, 'duty').filter((c) => c.href.includes('tab=overrides'));
      const top = overrides.reduce((a, b) => (b.n > a.n ? b : a));
      await page.goto(`${env.base}${top.href}`);
      await page.getByTestId('report-filter').waitFor({ timeout: 20_000 });
      const q = new URLSearchParams(top.href.split('?')[1]);
      q.delete('tab');
      expect((await call<{ total: number }>(page, 'GET', `/api/duty/overrides?${q}`)).total).toBe(top.n);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'e2e-report-link-duty.png'), fullPage: true });
    } finally {
      await ctx.close();
    }
  }, 180_000);

  // Monitoring alerts per device (the demo's past alerts among them), backup runs, configuration changes
  // detected and those no approved change explains, the signature board at the period's end and a line's
  // shifts: each opens its list under the banner, the list's total the report's number.
  // The last column: what the link's address holds (a section links to more than one list).
  const PAGES = [
    ['alerts', 'network', '/api/monitoring/alerts', '已触发的告警', '/monitoring/alerts?'],
    ['backups', 'configbackup', '/api/config-backup/runs', '成功', '/config-backup/runs?'],
    ['config-changes', 'configbackup', '/api/config-backup/changes', '', '/config-backup/changes?'],
    ['config-unexplained', 'configbackup', '/api/config-backup/changes', '无变更单说明', 'unexplained=true'],
    ['signatures', 'signatures', '/api/secops/signatures', '日终的特征库状态', '/secops/signatures?'],
    ['shifts', 'duty', '/api/duty/shifts', '', 'tab=shifts'],
  ] as const;
  for (const [name, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`alerts, backups, config changes, signatures and shifts open filtered by the report (${name})`, async () => {
      const { ctx, page } = await newPage(env.browser, viewport);
      try {
        await signInAt(env.base, page, 'pm', DEMO_PASSWORD);
        const list = await call<{ items: { id: string }[] }>(page, 'GET', '/api/reports?kind=monthly');
        const d = await call<Detail>(page, 'GET', `/api/reports/${list.items[0]!.id}`);
        for (const [shot, section, api, text, holds] of PAGES) {
          const cells = linksOf(d, section).filter((c) => c.href.includes(holds));
          const top = cells.reduce((a, b) => (b.n > a.n ? b : a));
          // The demo's own past alerts and its configuration changes: not an empty list to look at.
          if (shot === 'alerts' || shot === 'config-changes') expect(top.n, shot).toBeGreaterThan(0);
          const q = new URLSearchParams(top.href.split('?')[1]);
          q.delete('tab');
          expect((await call<{ total: number }>(page, 'GET', `${api}?${q}`)).total, top.href).toBe(top.n);
          await page.goto(`${env.base}${top.href}`);
          await page.getByTestId('report-filter').waitFor({ timeout: 20_000 });
          expect(await page.getByTestId('report-filter').innerText()).toContain(text);
          if (top.n > 0) await page.getByText(`共 ${top.n} 条`).first().waitFor({ timeout: 20_000 });
          await page.waitForTimeout(500);
          await page.screenshot({ path: join(SHOTS, `e2e-report-link-${shot}-${name}.png`), fullPage: true });
        }
      } finally {
        await ctx.close();
      }
    }, 180_000);

    it(`a payment names the stored report it rests on (${name})`, async () => {
      const { ctx, page } = await newPage(env.browser, viewport);
      try {
        await signInAt(env.base, page, 'pm', DEMO_PASSWORD);
        await page.goto(`${env.base}/contract/money`);
        // The demo's current payment rests on the demo's monthly report, by reference.
        const link = page.locator('a[href^="/reports/"]').filter({ hasText: '月度运维报告' }).first();
        await link.waitFor({ timeout: 20_000 });
        expect(await link.innerText()).toMatch(/（RM-\d{5}）第 \d+ 版/);
        if (name === 'desktop') {
          await page.getByRole('button', { name: '编辑' }).last().click();
          const dialog = page.getByRole('dialog');
          await dialog.getByText('付款依据的运维报告').waitFor({ timeout: 15_000 });
          await dialog.locator('.ant-select-selection-item').filter({ hasText: '月度运维报告' }).first().waitFor({ timeout: 15_000 });
          await dialog.locator('.ant-select').filter({ hasText: '月度运维报告' }).first().click();
          await page.waitForTimeout(500);
          await page.screenshot({ path: join(SHOTS, 'e2e-payment-reports-select.png'), fullPage: true });
          await page.keyboard.press('Escape');
          await dialog.getByRole('button', { name: /取\s*消/ }).click();
        }
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(SHOTS, `e2e-payment-reports-${name}.png`), fullPage: true });
        await link.click();
        await page.waitForURL(/\/reports\/[0-9a-f-]{36}\?version=\d+$/, { timeout: 15_000 });
        await page.getByText('运维单统计（按服务项目、类别、服务方式）').first().waitFor({ timeout: 20_000 });
      } finally {
        await ctx.close();
      }
    }, 180_000);
  }
});
