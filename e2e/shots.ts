// Helpers of the screenshot scripts and end-to-end tests: a page with console errors echoed, sign-in,
// an API call as the signed-in page makes it, and a settled full-page screenshot into screenshots/.
import { mkdirSync } from 'node:fs';
import { totpNow } from '../src/server/kernel/auth/totp.ts';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const OUT = 'screenshots';
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Debian's Chromium (never a downloaded browser), with screenshots/ ready for its pictures. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(OUT, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
}

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

/**
 * Chooses an option of an Ant Design select: opens it (typing `typed` to filter, if given), clicks the
 * option showing `text` (or the first one). A list that closed or moved under the click (a modal still
 * animating in on a loaded machine) is opened again and the click retried, rather than waited on for 30 s.
 */
export async function pickOption(
  page: Page,
  select: Locator,
  text?: string,
  { exact = false, typed }: { exact?: boolean; typed?: string } = {},
): Promise<void> {
  const open = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    if ((await open.count()) === 0) {
      await select.click();
      if (typed) await page.keyboard.type(typed);
    }
    const options = open.locator('.ant-select-item-option');
    const option = text === undefined ? options.first() : options.filter({ has: page.getByText(text, { exact }) }).first();
    try {
      await option.click({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 4) throw e;
      if ((await open.count()) > 0) await page.keyboard.press('Escape'); // an open list eats the key, the modal stays
      await page.waitForTimeout(500);
    }
  }
}

/** An API call from inside the signed-in page (its session cookie, its CSRF token); throws unless 2xx. */
export async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const csrf =
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('yunwei_csrf='))
          ?.slice('yunwei_csrf='.length) ?? '';
      const res = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data: unknown = res.status === 204 ? null : await res.json();
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(data)}`);
      return data as T;
    },
    { method, path, body },
  );
}

/**
 * An administrator's first sign-in steps, where the page is on them: the forced password change
 * (to `newPassword`) and the TOTP enrolment (the code computed from the shown secret).
 */
export async function firstAdminSteps(
  page: Page,
  password: string,
  newPassword: string,
  onStep?: (step: string) => Promise<void>,
): Promise<void> {
  if (page.url().endsWith('/login/password')) {
    await onStep?.('change-password');
    await page.getByLabel('当前密码').fill(password);
    await page.getByLabel('新密码', { exact: true }).fill(newPassword);
    await page.getByLabel('确认新密码').fill(newPassword);
    await onStep?.('change-password-filled');
    await page.getByRole('button', { name: '保存并继续' }).click();
    await page.waitForURL((u) => u.pathname !== '/login/password');
  }
  if (page.url().endsWith('/login/totp-enroll')) {
    const secretEl = page.locator('.yw-mono').first();
    await secretEl.waitFor();
    await onStep?.('totp-enroll');
    const secret = (await secretEl.innerText()).replace(/\s/g, '');
    await page.locator('.ant-otp input').first().click();
    await page.keyboard.type(totpNow(secret, new Date()));
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
  }
  await page.waitForLoadState('networkidle');
}
