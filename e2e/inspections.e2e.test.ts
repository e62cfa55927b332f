// Inspections in Chromium on a 390×844 phone (issue 14): the network engineer opens the demo's weekly
// inspection sheet, "scans" two asset labels through the fallback input (the label's URL, then the
// bare number), fills their items, and turns an over-temperature reading into a desk ticket in one
// tap; the agency contact approves the quarterly NET inspection plan on a phone.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TPlan, TSheet, TTemplate } from '../src/common/inspections.ts';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, call, newPage, signInAt } from './shots.ts';

const env = useProduct();

describe('inspections', () => {
  it('an engineer fills the weekly sheet by scanning two labels; an anomaly becomes a ticket', async () => {
    const { ctx, page } = await newPage(env.browser, PHONE);
    try {
      await signInAt(env.base, page, 'eng.net', DEMO_PASSWORD);
      const open = await call<{ items: TSheet[] }>(page, 'GET', '/api/inspections/sheets?line=NET&state=open&pageSize=50');
      const sheet = open.items.find((s) => s.schedule === 'weekly')!;
      expect(sheet).toBeTruthy();
      const numbers = [...new Set(sheet.items.map((i) => i.assetNumber))];
      expect(numbers.length).toBeGreaterThanOrEqual(2);
      const [first, second] = numbers as [string, string];
      await page.goto(`${env.base}/inspections/sheets/${sheet.id}`);
      await page.getByText(sheet.templateName).first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(SHOTS, 'e2e-inspections-sheet-phone.png'), fullPage: true });

      // The first label: its QR code's URL, pasted.
      const label = page.getByLabel('资产标签');
      await label.fill(`${env.base}/a/${encodeURIComponent(first)}`);
      await label.press('Enter');
      await page.getByTestId('current-asset').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('current-asset').textContent()).toBe(sheet.items.find((i) => i.assetNumber === first)!.assetName);
      // What the server holds for an item of a device (the page saves as the engineer goes).
      const entered = async (number: string, key: string) =>
        (await call<TSheet>(page, 'GET', `/api/inspections/sheets/${sheet.id}`)).items.find(
          (i) => i.assetNumber === number && i.key === key,
        )?.entered;
      await page.getByTestId('item-lights').getByText('正常', { exact: true }).click();
      await expect.poll(() => entered(first, 'lights'), { timeout: 10_000 }).toBe('正常');
      const temp = page.getByTestId('item-temperature').getByLabel('设备温度');
      await temp.fill('38');
      await temp.press('Enter');
      await expect.poll(() => entered(first, 'temperature'), { timeout: 10_000 }).toBe('38');
      await page.getByTestId('item-fan_power').getByText('正常', { exact: true }).click();
      await expect.poll(() => entered(first, 'fan_power'), { timeout: 10_000 }).toBe('正常');
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(SHOTS, 'e2e-inspections-first-device-phone.png'), fullPage: true });

      // The second label: the number typed; 58 ℃ is out of range and becomes a ticket in one tap.
      await label.fill(second);
      await label.press('Enter');
      await expect
        .poll(async () => await page.getByTestId('current-asset').textContent(), { timeout: 10_000 })
        .toBe(sheet.items.find((i) => i.assetNumber === second)!.assetName);
      const temp2 = page.getByTestId('item-temperature').getByLabel('设备温度');
      await temp2.fill('58');
      await temp2.press('Enter');
      const toTicket = page.getByTestId('item-temperature').getByRole('button', { name: '异常转运维单' });
      await toTicket.waitFor({ timeout: 10_000 });
      await toTicket.click();
      await page
        .getByTestId('item-temperature')
        .getByText(/运维单 /)
        .waitFor({ timeout: 15_000 });
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(SHOTS, 'e2e-inspections-anomaly-ticket-phone.png'), fullPage: true });

      const after = await call<TSheet>(page, 'GET', `/api/inspections/sheets/${sheet.id}`);
      const hot = after.items.find((i) => i.assetNumber === second && i.key === 'temperature')!;
      expect(hot).toMatchObject({ value: '58', anomaly: true });
      const ticket = await call<{ title: string; serviceLine: string; channel: string }>(page, 'GET', `/api/tickets/${hot.ticketId}`);
      expect(ticket).toMatchObject({ serviceLine: 'NET', channel: 'onsite' });
      expect(ticket.title).toContain('设备温度');
      expect(after.items.find((i) => i.assetNumber === first && i.key === 'temperature')).toMatchObject({ value: '38', anomaly: false });
      // The public list carries the values.
      const listed = await call<{ items: TSheet[] }>(page, 'GET', `/api/inspections/sheets?date=${sheet.periodStart}&line=NET&pageSize=50`);
      expect(listed.items.find((s) => s.id === sheet.id)!.items.find((i) => i.id === hot.id)!.value).toBe('58');
    } finally {
      await ctx.close();
    }
  }, 180_000);

  it('the agency approves the quarterly inspection plan on a phone', async () => {
    const { ctx, page } = await newPage(env.browser, PHONE);
    try {
      await signInAt(env.base, page, 'agency.contact', DEMO_PASSWORD);
      const plans = await call<{ items: TPlan[] }>(page, 'GET', '/api/inspections/plans');
      const plan = plans.items.find((p) => p.kind === 'quarterly_plan' && p.state === 'submitted')!;
      expect(plan).toBeTruthy();
      await page.goto(`${env.base}/inspections/plans`);
      const card = page.getByTestId(`plan-${plan.id}`);
      await card.waitFor({ timeout: 15_000 });
      await card.getByLabel('审批意见').fill('同意，按计划执行');
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, 'e2e-inspections-plan-phone.png'), fullPage: true });
      await card.getByRole('button', { name: /^批\s*准$/ }).click();
      await expect
        .poll(
          async () => (await call<{ items: TPlan[] }>(page, 'GET', '/api/inspections/plans')).items.find((p) => p.id === plan.id)?.state,
          {
            timeout: 15_000,
          },
        )
        .toBe('approved');
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(SHOTS, 'e2e-inspections-plan-approved-phone.png'), fullPage: true });
    } finally {
      await ctx.close();
    }
  }, 120_000);

  it('the project manager adds an item to a template in the editor', async () => {
    const { ctx, page } = await newPage(env.browser);
    try {
      await signInAt(env.base, page, 'pm', DEMO_PASSWORD);
      const before = await call<{ items: TTemplate[] }>(page, 'GET', '/api/inspections/templates?pageSize=50');
      const tpl = before.items[0]!;
      await page.goto(`${env.base}/inspections/templates`);
      await page
        .getByRole('row', { name: new RegExp(tpl.name) })
        .getByRole('button', { name: /编\s*辑/ })
        .first()
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: '添加检查项' }).click();
      const n = tpl.items.length + 1;
      const card = dialog.locator('.ant-card').filter({ hasText: `检查项 ${n}` });
      await card.getByLabel('代码').fill('ups_load');
      await card.getByLabel('检查项').fill('UPS 负载');
      await card.getByLabel('上限').fill('80');
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, 'e2e-inspections-template-editor.png'), fullPage: false });
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await expect
        .poll(async () => {
          const after = await call<{ items: TTemplate[] }>(page, 'GET', '/api/inspections/templates?pageSize=50');
          return after.items.find((x) => x.id === tpl.id)?.items.map((i) => i.key);
        })
        .toContain('ups_load');
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
