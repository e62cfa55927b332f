// Helpers of the screenshot scripts (e2e/screenshots.ts, e2e/desk-screenshots.ts): a page with
// console errors echoed, sign-in, and a settled full-page screenshot into screenshots/.
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const OUT = 'screenshots';
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(700); // charts and transitions settle
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage });
  console.log(`  ${name}.png`);
}

export async function newPage(browser: Browser, viewport = DESKTOP): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.log(`    [console.${m.type()}] ${m.text().slice(0, 300)}`);
  });
  page.on('pageerror', (e) => console.log(`    [pageerror] ${e.message}`));
  return { ctx, page };
}

export async function signInAt(base: string, page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => u.pathname !== '/login', { timeout: 15_000 });
}
