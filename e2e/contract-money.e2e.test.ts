// Contract money in Chromium (issue 15 point 5): the project manager opens the money dashboard, reads
// the bond and payment deadlines with their clauses, and computes a late payment across 国庆 2025 in
// the calculator: 100,000.00 due 2025-08-29, paid 2025-10-20 → the 31st working day is 2025-10-17,
// 4 days × 0.5% = ¥2,000.00. Desktop 1440×900 and phone 390×844.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, newPage, signInAt } from './shots.ts';

const env = useProduct();

async function computeLatePayment(page: Page): Promise<void> {
  await page.getByLabel('迟延支付金额（元）').fill('100000.00');
  for (const [label, date] of [
    ['应付日期', '2025-08-29'],
    ['实际支付日期', '2025-10-20'],
  ] as const) {
    const input = page.getByLabel(label);
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  }
  // The form's submit button (an Enter in a date field may already have submitted the form and left the
  // button loading, which changes its accessible name; clicking it again then only waits for the answer).
  await page
    .locator('button[type="submit"]')
    .filter({ hasText: /计\s*算/ })
    .click();
  const result = page.getByTestId('calc-result');
  await result.waitFor({ timeout: 15_000 });
  await expect.poll(() => result.innerText()).toContain('¥2,000.00');
  const text = await result.innerText();
  expect(text).toContain('第五条第2款');
  expect(text).toContain('2025-10-17');
}

describe('contract money', () => {
  for (const [name, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`the project manager reads the deadlines and computes a late payment (${name})`, async () => {
      const { ctx, page } = await newPage(env.browser, viewport);
      try {
        await signInAt(env.base, page, 'pm', DEMO_PASSWORD);
        await page.goto(`${env.base}/contract/money`);
        await page.getByText('履约保函提交期限').first().waitFor({ timeout: 15_000 });
        const body = await page.locator('body').innerText();
        expect(body).toContain('第四条第2款第(2)项');
        expect(body).toContain('¥155,000.00');
        expect(body).toContain('¥1,550,000.00');
        await computeLatePayment(page);
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(SHOTS, `e2e-contract-money-${name}.png`), fullPage: true });
      } finally {
        await ctx.close();
      }
    }, 120_000);
  }
});

// The written workflows on the dashboard (R-CON-09/10/11/13, R-QA-05): the demo dates them in the past,
// so at start the late instalment's notice to cure has run out (the contractor's termination right), the
// typhoon moved the payment deadline by its 15 days and passed ten (renegotiation), and the agency's
// amendment waits for the contractor. The project manager uploads an invoice and agrees to the amendment.
describe('contract money: written workflows', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  for (const [name, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`the dashboard shows the termination right, the extension and the amendment (${name})`, async () => {
      const { ctx, page } = await newPage(env.browser, viewport);
      try {
        await signInAt(env.base, page, 'pm', DEMO_PASSWORD);
        await page.goto(`${env.base}/contract/money`);
        await page.getByText('逾期付款纠正通知').first().waitFor({ timeout: 15_000 });
        const body = await page.locator('body').innerText();
        expect(body).toContain('乙方有权解除合同（甲方逾期付款未纠正）');
        expect(body).toContain('第十二条第2款');
        expect(body).toContain('顺延 15 天');
        expect(body).toContain('超过十天，双方另行商议（第九条第3款）');
        expect(body).toContain('王建国');
        if (name === 'desktop') {
          await page
            .locator('[data-testid^="invoice-file-"]')
            .first()
            .setInputFiles({ name: '发票.pdf', mimeType: 'application/pdf', buffer: PDF });
          await page.getByText('发票.pdf').first().waitFor({ timeout: 15_000 });
          await page.getByRole('button', { name: '同意变更' }).click();
          await page.getByText('合同变更生效').first().waitFor({ timeout: 15_000 });
        } else {
          // The desktop run agreed to it: the phone sees it in force and no button to answer again.
          expect(body).toContain('合同变更生效');
          expect(await page.getByRole('button', { name: '同意变更' }).count()).toBe(0);
        }
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(SHOTS, `e2e-contract-money-records-${name}.png`), fullPage: true });
      } finally {
        await ctx.close();
      }
    }, 120_000);
  }
});
