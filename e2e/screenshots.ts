// Screenshots of every page for a visual check: `node e2e/screenshots.ts` against a running server
// with the demo loaded (BASE_URL, default http://127.0.0.1:8099). Desktop 1440×900 for every page,
// a 390×844 phone for sign-in and home. Optional accounts: ADMIN_PASSWORD (the system admin's initial
// password printed at first start), SECADMIN_PASSWORD / AUDITOR_PASSWORD for accounts `secadmin`
// (security_admin) and `auditor` (audit_admin) created with `yunwei admin create`. Administrators
// change their password to NEW_ADMIN_PASSWORD and enrol TOTP on the way; PNGs go to screenshots/.
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { OUT, PHONE, firstAdminSteps, newPage, shot, signInAt } from './shots.ts';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8099';
const signIn = (page: Page, username: string, password: string) => signInAt(BASE, page, username, password);
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo-Pass1';
const NEW_ADMIN_PASSWORD = process.env.NEW_ADMIN_PASSWORD ?? 'Admin-Pass-2026!';

/** Administrators: forced password change and TOTP enrolment, screenshotting each step once. */
const adminSteps = (page: Page, password: string, prefix: string | null) =>
  firstAdminSteps(page, password, NEW_ADMIN_PASSWORD, prefix ? (step) => shot(page, `${prefix}-${step}`) : undefined);

async function visit(page: Page, path: string, name: string): Promise<void> {
  await page.goto(`${BASE}${path}`);
  await shot(page, name);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
  });
  try {
    console.log('sign-in');
    {
      const { ctx, page } = await newPage(browser);
      await page.goto(`${BASE}/login`);
      await shot(page, 'login', false);
      await page.getByPlaceholder('用户名').fill('pm');
      await page.getByPlaceholder('密码').fill('wrong-password');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByTestId('login-error').waitFor();
      await shot(page, 'login-error', false);
      await ctx.close();
    }
    {
      const { ctx, page } = await newPage(browser, PHONE);
      await page.goto(`${BASE}/login`);
      await shot(page, 'phone-login', false);
      await signIn(page, 'pm', DEMO_PASSWORD);
      await shot(page, 'phone-home-top', false);
      await shot(page, 'phone-home');
      await page.getByRole('button', { name: '菜单' }).click();
      await page.waitForTimeout(400);
      await shot(page, 'phone-menu', false);
      await ctx.close();
    }

    console.log('pm (contractor project manager)');
    {
      const { ctx, page } = await newPage(browser);
      await signIn(page, 'pm', DEMO_PASSWORD);
      await shot(page, 'home');
      await visit(page, '/contract', 'contract');
      await page
        .getByRole('button', { name: /安\s*排/ })
        .first()
        .click();
      await page.getByRole('dialog').waitFor();
      await shot(page, 'contract-assign', false);
      await page.keyboard.press('Escape');
      await visit(page, '/org/parties', 'org-parties');
      await page.locator('td a').first().click();
      await page.locator('.ant-drawer').getByRole('heading', { name: '结算账户' }).waitFor();
      await shot(page, 'org-party-detail', false);
      await visit(page, '/org/sites', 'org-sites');
      await page.locator('.ant-table-row-expand-icon').last().click();
      await shot(page, 'org-sites-rooms');
      await visit(page, '/org/departments', 'org-departments');
      await visit(page, '/org/people', 'org-people');
      await visit(page, '/calendar', 'calendar');
      await visit(page, '/me/tokens', 'me-tokens');
      await page.getByRole('button', { name: '创建令牌' }).click();
      await page.getByLabel('名称').fill('监控平台对接');
      await page
        .getByRole('button', { name: /创\s*建/ })
        .last()
        .click();
      await page.getByTestId('new-token').waitFor();
      await shot(page, 'me-token-created', false);
      await page.getByRole('button', { name: '我已妥善保存' }).click();
      await visit(page, '/me/password', 'me-password');
      await visit(page, '/me/totp', 'me-totp');
      await visit(page, '/admin/users', 'forbidden');
      await visit(page, '/no/such/page', 'not-found');
      await page.evaluate(() => localStorage.setItem('yunwei.lang', 'en-US'));
      await visit(page, '/', 'home-en');
      await page.evaluate(() => localStorage.setItem('yunwei.lang', 'zh-CN'));
      await ctx.close();
    }

    console.log('vendor (no contract permission)');
    {
      const { ctx, page } = await newPage(browser);
      await signIn(page, 'vendor', DEMO_PASSWORD);
      await shot(page, 'home-welcome');
      await ctx.close();
    }

    const admins: [string, string | undefined, [string, string][]][] = [
      [
        'admin',
        process.env.ADMIN_PASSWORD,
        [
          ['/admin/users', 'admin-users'],
          ['/calendar', 'admin-calendar'],
        ],
      ],
      [
        'secadmin',
        process.env.SECADMIN_PASSWORD,
        [
          ['/admin/roles', 'admin-roles'],
          ['/admin/users', 'secadmin-users'],
        ],
      ],
      ['auditor', process.env.AUDITOR_PASSWORD, [['/admin/audit', 'admin-audit']]],
    ];
    for (const [username, password, pages] of admins) {
      if (!password) continue;
      console.log(username);
      const { ctx, page } = await newPage(browser);
      await signIn(page, username, password);
      await adminSteps(page, password, username === 'admin' ? 'admin' : null);
      for (const [path, name] of pages) await visit(page, path, name);
      if (username === 'admin') {
        await page.locator('[data-date$="-10-01"]').click();
        await page.getByRole('dialog').waitFor();
        await shot(page, 'admin-calendar-day', false);
        await page.keyboard.press('Escape');
        await page.goto(`${BASE}/admin/users`);
        await page.getByRole('button', { name: '新建用户' }).click();
        await page.getByLabel('初始密码').fill('abc');
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /保\s*存/ })
          .click();
        await shot(page, 'admin-user-create', false);
      }
      if (username === 'secadmin') {
        // 三员分立: give the system administrator the security administrator role as well.
        await page
          .getByRole('row', { name: /^admin / })
          .getByRole('button', { name: '分配角色' })
          .click();
        await page.getByRole('dialog').getByText('安全管理员').first().click();
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /保\s*存/ })
          .click();
        await page.getByTestId('separation-error').waitFor();
        await shot(page, 'secadmin-separation', false);
      }
      if (username === 'auditor') {
        await page.getByRole('button', { name: '校验审计链' }).click();
        await page.getByTestId('verify-result').waitFor();
        await page.locator('.ant-table-row-expand-icon').nth(3).click();
        await shot(page, 'admin-audit-verify', false);
      }
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
}

await main();
