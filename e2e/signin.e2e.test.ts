// A new administrator's first visit, in Chromium: sign in, forced password change, TOTP enrolment,
// the home page with the four service lines, sign out. Then an engineer on a phone.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { totpNow } from '../src/server/kernel/auth/totp.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { signInAt } from './shots.ts';

const LINES = ['安全监控系统运行保障', '办公楼网络管理运行维护', '网络安全支持服务运行维护', '视频会议系统维护'];

const env = useProduct();

describe('first sign-in of the system administrator', () => {
  it('changes the initial password, enrols TOTP, sees the contract and signs out', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${env.base}/`);
    await page.waitForURL(/\/login/);
    await page.screenshot({ path: join(SHOTS, 'e2e-login.png') });

    await page.getByPlaceholder('用户名').fill('admin');
    await page.getByPlaceholder('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByText('用户名或密码错误').count()).toBeGreaterThan(0);

    await page.getByPlaceholder('密码').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/login\/password/);
    await page.getByLabel('当前密码').fill(ADMIN_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('E2e-New-Admin-2');
    await page.getByLabel('确认新密码').fill('E2e-New-Admin-2');
    await page.screenshot({ path: join(SHOTS, 'e2e-change-password.png') });
    await page.getByRole('button', { name: /修改密码|确认|继续/ }).click();

    await page.waitForURL(/\/login\/totp-enroll/);
    const secret = (await page.locator('.yw-mono').first().innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.screenshot({ path: join(SHOTS, 'e2e-totp-enroll.png') });
    await page.locator('input').first().click();
    await page.keyboard.type(totpNow(secret, new Date()));

    await page.waitForURL((u) => u.pathname === '/');
    for (const name of LINES) await expect.poll(() => page.getByText(name, { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('¥1,550,000.00').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'e2e-home.png'), fullPage: true });

    // Sign out from the user menu. In about one full run in three the menu closed before its item was
    // clicked: the home page was still laying out (a 服务中 tag was under the opening menu and took the
    // first click, the next found the menu gone). So each attempt opens the menu, clicks the item
    // within 10 s, and waits for the sign-in page; up to four attempts. Signing out itself is proven
    // below: the session answers 401 afterwards.
    for (let attempt = 1; ; attempt++) {
      try {
        await page.locator('.ant-layout-header').getByText('系统管理员', { exact: true }).click(); // the user menu, not the greeting
        await page.getByText('退出登录').click({ timeout: 10_000 });
        // The sign-in page is reached once the navigation commits; a loaded machine may take long to finish loading it.
        await page.waitForURL(/\/login/, { waitUntil: 'commit', timeout: 20_000 });
        break;
      } catch (e) {
        if (attempt === 4) throw e;
        await page.keyboard.press('Escape'); // a menu left open closes; the next attempt opens it again
      }
    }
    const me = await page.request.get(`${env.base}/api/auth/me`);
    expect(me.status()).toBe(401);
    await page.close();
  });
});

describe('an engineer on a phone', () => {
  it('signs in on a 390×844 screen and reads the service lines', async () => {
    const ctx = await env.browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await ctx.newPage();
    await signInAt(env.base, page, 'eng.net', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => page.getByText('办公楼网络管理运行维护', { exact: true }).count()).toBeGreaterThan(0);
    // Nothing wider than the screen: no sideways scrolling on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(SHOTS, 'e2e-phone-home.png'), fullPage: true });
    await ctx.close();
  });
});
