// The duty operator logs a hotline call in Chromium and sees the SLA countdown run; then logs the
// call-back, which stops that clock.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, SHOTS, launch, startProduct, type Running } from './server.ts';

let server: Running;
let browser: Browser;
beforeAll(async () => {
  server = await startProduct();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the duty operator at the hotline', () => {
  it('logs a NET critical fault and watches the on-site countdown', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${server.base}/login`);
    await page.getByPlaceholder('用户名').fill('duty');
    await page.getByPlaceholder('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => u.pathname === '/');

    await page.goto(`${server.base}/desk/new`);
    await page.getByText('办公网络', { exact: true }).click();
    await page.getByLabel('类别').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '故障' }).first().click();
    await page.getByText('紧急', { exact: true }).click();
    await page.getByLabel('标题').fill('核心交换机端口故障，2 号楼 3 层断网');
    await page.getByRole('button', { name: /登\s*记/ }).click();

    await page.waitForURL(/\/desk\/[0-9a-f-]{36}$/);
    const onsite = page.getByText(/剩余 1:5\d:\d\d/).first();
    await expect.poll(() => onsite.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const first = await onsite.innerText();
    await page.waitForTimeout(2100);
    expect(await page.getByText(/剩余 1:5\d:\d\d/).first().innerText()).not.toBe(first); // it runs
    await page.screenshot({ path: join(SHOTS, 'e2e-desk-ticket.png') });

    await page.getByRole('button', { name: /已回电/ }).click();
    await page.getByRole('button', { name: /确\s*认/ }).click();
    await expect.poll(() => page.getByText('已达成').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.goto(`${server.base}/desk`);
    await expect.poll(() => page.getByText('核心交换机端口故障，2 号楼 3 层断网').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'e2e-desk-queue.png') });
    await page.close();
  });
});
