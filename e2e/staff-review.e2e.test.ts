// The staff list's review in Chromium (issue 14 point 6, R-STF-01/02): the demo approved version 1,
// then 吴磊 left the NET post (a notice the agency has not acknowledged, so version 1 is outdated) and
// the contractor submitted version 2. The agency contact (刘静) opens 人员名单审核, reads version 2's
// lines (吴磊 no longer on it), acknowledges the notice and returns version 2 with a reason, which the
// form refuses to send empty. The phone then sees the outcome. Last the project manager submits version 3
// and the agency manager approves it, which makes the list current again. Desktop 1440×900, phone 390×844.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, newPage, signInAt } from './shots.ts';

const env = useProduct();
const REASON = '机动人员名单缺少网络岗位的替补人员，请补充后重新提交';

async function openPage(page: Page): Promise<void> {
  await signInAt(env.base, page, 'agency.contact', DEMO_PASSWORD);
  await page.goto(`${env.base}/contract/staff`);
  await page.getByTestId('staff-versions').locator('tr', { hasText: '第 2 版' }).first().waitFor({ timeout: 20_000 });
}

describe('staff list review', () => {
  it('the agency contact reads version 2, acknowledges the departure and returns the list with a reason (desktop)', async () => {
    const { ctx, page } = await newPage(env.browser);
    try {
      await openPage(page);
      const status = page.getByTestId('staff-status');
      await expect.poll(() => status.innerText()).toContain('现行名单已过时');
      expect(await status.innerText()).toMatch(/已认可版本[\s\S]*第 1 版[\s\S]*待审核版本[\s\S]*第 2 版/);

      const v2 = page.getByTestId('staff-versions').locator('tr', { hasText: '第 2 版' }).first();
      expect(await v2.innerText()).toContain('待审核');
      await v2.locator('.ant-table-row-expand-icon').click();
      const lines = page.locator('tr.ant-table-expanded-row').first();
      await lines.waitFor();
      expect(await lines.innerText()).toContain('初级网络工程师');
      expect(await lines.innerText()).not.toContain('吴磊');

      const notice = page.getByTestId('staff-changes').locator('tr', { hasText: '吴磊' }).filter({ hasText: '离岗' }).first();
      expect(await notice.innerText()).toContain('NET');
      await notice.getByRole('button', { name: '确认收悉' }).click();
      await expect.poll(() => notice.innerText()).toContain('刘静');
      expect(await notice.getByRole('button', { name: '确认收悉' }).count()).toBe(0);

      await v2.getByRole('button', { name: /退\s*回/ }).click();
      const modal = page.locator('.ant-modal').filter({ hasText: '退回第 2 版人员名单' });
      await modal.waitFor();
      await modal.getByRole('button', { name: /退\s*回/ }).click();
      await modal.getByText('请填写退回原因').waitFor();
      await modal.getByLabel('退回原因').fill(REASON);
      await modal.getByRole('button', { name: /退\s*回/ }).click();
      await expect.poll(() => v2.innerText(), { timeout: 15_000 }).toContain('已退回');
      expect(await v2.innerText()).toContain(REASON);
      expect(await v2.getByRole('button', { name: /认\s*可/ }).count()).toBe(0);
      await expect.poll(() => status.innerText()).toMatch(/待审核版本\s*无/);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'e2e-staff-review-desktop.png'), fullPage: true });
    } finally {
      await ctx.close();
    }
  }, 120_000);

  it('the phone shows the returned version and the acknowledged notice (phone)', async () => {
    const { ctx, page } = await newPage(env.browser, PHONE);
    try {
      await openPage(page);
      const v2 = page.getByTestId('staff-versions').locator('tr', { hasText: '第 2 版' }).first();
      await expect.poll(() => v2.innerText()).toContain('已退回');
      const notice = page.getByTestId('staff-changes').locator('tr', { hasText: '吴磊' }).filter({ hasText: '离岗' }).first();
      expect(await notice.innerText()).toContain('刘静');
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'e2e-staff-review-phone.png'), fullPage: true });
    } finally {
      await ctx.close();
    }
  }, 120_000);
  it('the project manager submits version 3 and the agency manager approves it: the list is current again (desktop)', async () => {
    const pm = await newPage(env.browser);
    try {
      await signInAt(env.base, pm.page, 'pm', DEMO_PASSWORD);
      await pm.page.goto(`${env.base}/contract/staff`);
      await pm.page.getByRole('button', { name: '提交人员名单' }).click();
      const v3 = pm.page.getByTestId('staff-versions').locator('tr', { hasText: '第 3 版' }).first();
      await expect.poll(() => v3.innerText(), { timeout: 15_000 }).toContain('待审核');
      // The contractor cannot judge its own list.
      expect(await v3.getByRole('button', { name: /认\s*可/ }).count()).toBe(0);
    } finally {
      await pm.ctx.close();
    }
    const { ctx, page } = await newPage(env.browser);
    try {
      await signInAt(env.base, page, 'agency.manager', DEMO_PASSWORD);
      await page.goto(`${env.base}/contract/staff`);
      const v3 = page.getByTestId('staff-versions').locator('tr', { hasText: '第 3 版' }).first();
      await v3.getByRole('button', { name: /认\s*可/ }).click();
      await expect.poll(() => v3.innerText(), { timeout: 15_000 }).toContain('已认可');
      const status = page.getByTestId('staff-status');
      await expect.poll(() => status.innerText()).toMatch(/已认可版本\s*第 3 版/);
      expect(await status.innerText()).not.toContain('现行名单已过时');
      expect(await page.getByRole('button', { name: '提交人员名单' }).count()).toBe(0);
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
