// The big tables in Chromium (issue 11 point 12): 资产台账, 人员 and 用户管理 fit 1440×900 without a
// horizontal scrollbar (the table body's scrollWidth within its clientWidth), show service lines by
// name, and stay usable at 390×844; the asset search box finds by vendor and floor; 导出 Excel
// downloads a real .xlsx (issue 11 point 14). Screenshots in screenshots/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { firstAdminSteps, signInAt } from './shots.ts';

const env = useProduct();

const PAGES = [
  { path: '/assets', user: 'pm', password: DEMO_PASSWORD, name: 'assets', title: '资产台账' },
  { path: '/org/people', user: 'pm', password: DEMO_PASSWORD, name: 'people', title: '人员' },
  { path: '/admin/users', user: 'admin', password: ADMIN_PASSWORD, name: 'users', title: '用户管理' },
];

/** The table body's widths: what it shows and what it holds. */
const widths = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('.ant-table-content, .ant-table-body');
    return el ? { scroll: el.scrollWidth, client: el.clientWidth } : null;
  });

async function open(viewport: { width: number; height: number }, p: (typeof PAGES)[number]): Promise<Page> {
  const page = await env.browser.newPage({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await signInAt(env.base, page, p.user, p.password);
  await firstAdminSteps(page, p.password, 'E2e-Admin-Pass-2');
  await page.goto(`${env.base}${p.path}`);
  await rows(page);
  return page;
}

async function rows(page: Page): Promise<void> {
  await page.locator('.ant-table-tbody .ant-table-row').first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

describe('big tables at 1440×900 and 390×844', () => {
  for (const p of PAGES)
    it(`${p.title} fits 1440 px without horizontal scrolling`, async () => {
      const page = await open({ width: 1440, height: 900 }, p);
      await page.screenshot({ path: join(SHOTS, `e2e-table-${p.name}-1440.png`) });
      const w = await widths(page);
      expect(w).not.toBeNull();
      expect(w!.scroll, `${p.title}: table ${w!.scroll}px in ${w!.client}px`).toBeLessThanOrEqual(w!.client);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      // No service-line code as a cell's whole text.
      const cells = await page.locator('.ant-table-tbody td').allInnerTexts();
      expect(cells.filter((c) => /^(SM|NET|SEC|VC)(\s*\/\s*(SM|NET|SEC|VC))*$/.test(c.trim()))).toEqual([]);
      // The same session on a phone (an administrator signs in with TOTP once enrolled).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await rows(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      await page.screenshot({ path: join(SHOTS, `e2e-table-${p.name}-390.png`) });
      await page.close();
    }, 90_000);

  it('the asset search box finds by vendor and floor together, and 导出 Excel gives an .xlsx', async () => {
    const page = await open({ width: 1440, height: 900 }, PAGES[0]!);
    const box = page.getByPlaceholder(/厂商、型号/);
    await box.fill('华为 西办公区');
    await box.press('Enter');
    await expect.poll(() => page.url(), { timeout: 5_000 }).toContain('/assets');
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const rows = await page.locator('.ant-table-tbody .ant-table-row').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^资产台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.screenshot({ path: join(SHOTS, 'e2e-table-assets-search-1440.png') });
    await page.close();
  }, 90_000);
});
