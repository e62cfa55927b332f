// Issue 11 point 10 in Chromium: every role of the demo lands on its own to-do list, on a 1440×900
// desktop and a 390×844 phone (screenshots home-<role>-desktop.png / -phone.png), with nothing wider
// than the phone's screen. The three administrators enrol TOTP on their first sign-in, as for real.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpNow } from '../src/server/kernel/auth/totp.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';

const env = useProduct();

/** Signs in; an account that owes a new password or a TOTP enrolment goes through it first. */
async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${env.base}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => u.pathname !== '/login', { timeout: 15_000 });
  if (page.url().includes('/login/password')) {
    await page.getByLabel('当前密码').fill(password);
    await page.getByLabel('新密码', { exact: true }).fill('E2e-Home-Admin-2');
    await page.getByLabel('确认新密码').fill('E2e-Home-Admin-2');
    await page.getByRole('button', { name: /修改密码|确认|继续/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login/password'));
  }
  if (page.url().includes('/login/totp-enroll')) {
    const secret = (await page.locator('.yw-mono').first().innerText()).replace(/\s/g, '');
    await page.locator('input').first().click();
    await page.keyboard.type(totpNow(secret, new Date()));
  }
  await page.waitForURL((u) => u.pathname === '/', { timeout: 15_000 });
}

/** Each demo role, the sections its home page must show (and so the ones it must not); empty ones come last on the page. */
const ROLES: { role: string; username: string; password?: string; sections: string[] }[] = [
  { role: 'duty', username: 'duty', sections: ['desk.unhandled', 'desk.today', 'desk.followups'] },
  { role: 'engineer', username: 'eng.net', sections: ['desk.assigned', 'desk.sla_risk', 'inspections.mine', 'secops.stale_signatures'] },
  {
    role: 'pm',
    username: 'pm',
    sections: [
      'desk.assigned',
      'desk.sla_risk',
      'desk.unhandled',
      'desk.followups',
      'assets.procurements',
      'assets.spares_low',
      'changes.to_approve',
      'conferences.untested',
      'inspections.overdue',
      'secops.stale_signatures',
      'duty.overrides_to_approve',
      'training.certs_expiring',
      'deliverables.leader_due',
      'assessment.remedies_due',
    ],
  },
  {
    role: 'agency-contact',
    username: 'agency.contact',
    sections: [
      'desk.to_confirm',
      'assets.approvals',
      'changes.to_approve',
      'changes.to_confirm',
      'duty.docs_to_confirm',
      'contract.staff_lists_to_review',
      'contract.staff_changes',
      'deliverables.quarterly_to_review',
      'assessment.to_score',
    ],
  },
  { role: 'agency-staff', username: 'agency.staff', sections: ['desk.my_requests'] },
  { role: 'agency-finance', username: 'agency.finance', sections: ['assets.approvals'] },
  {
    role: 'agency-manager',
    username: 'agency.manager',
    sections: [
      'desk.to_confirm',
      'assets.approvals',
      'assets.purchases',
      'changes.to_approve',
      'changes.to_confirm',
      'duty.docs_to_confirm',
      'contract.staff_lists_to_review',
      'contract.staff_changes',
      'deliverables.quarterly_to_review',
      'assessment.to_score',
    ],
  },
  { role: 'system-admin', username: 'admin', password: ADMIN_PASSWORD, sections: ['kernel.accounts'] },
  { role: 'security-admin', username: 'sec.admin', sections: ['kernel.unassigned', 'kernel.permission_changes'] },
  { role: 'audit-admin', username: 'audit.admin', sections: ['kernel.audit_verify', 'kernel.denied'] },
];

async function sectionsShown(page: Page): Promise<string[]> {
  await page.getByTestId('todo-list').waitFor({ timeout: 15_000 });
  return page
    .locator('[data-testid^="todo-"][data-testid*="."]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('todo-'.length)));
}

describe('every role lands on its own to-do list', () => {
  for (const r of ROLES)
    it(`${r.role}: ${r.sections.join(', ')}`, async () => {
      const desktop: BrowserContext = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await desktop.newPage();
      await signIn(page, r.username, r.password ?? DEMO_PASSWORD);
      expect((await sectionsShown(page)).sort()).toEqual([...r.sections].sort());
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(SHOTS, `home-${r.role}-desktop.png`), fullPage: true });

      // The same session on a phone.
      const phone = await env.browser.newContext({
        storageState: await desktop.storageState(),
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
      });
      const small = await phone.newPage();
      await small.goto(`${env.base}/`);
      expect((await sectionsShown(small)).sort()).toEqual([...r.sections].sort());
      await small.waitForLoadState('networkidle');
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await small.screenshot({ path: join(SHOTS, `home-${r.role}-phone.png`), fullPage: true });
      await small.screenshot({ path: join(SHOTS, `home-${r.role}-phone-top.png`) });
      await phone.close();
      await desktop.close();
    });
});
