// The duty operator logs a hotline call in Chromium and sees the SLA countdown run; then logs the
// call-back, which stops that clock.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { pickOption, signInAt } from './shots.ts';

const env = useProduct();

describe('the duty operator at the hotline', () => {
  it('logs a NET critical fault and watches the on-site countdown', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signInAt(env.base, page, 'duty', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/');

    await page.goto(`${env.base}/desk/new`);
    await page.getByText('办公网络', { exact: true }).click();
    await pickOption(page, page.getByLabel('类别'), '故障');
    await page.getByText('紧急', { exact: true }).click();
    await page.getByLabel('标题').fill('核心交换机端口故障，2 号楼 3 层断网');
    await page.getByRole('button', { name: /登\s*记/ }).click();

    await page.waitForURL(/\/desk\/[0-9a-f-]{36}$/);
    const onsite = page.getByText(/剩余 1:5\d:\d\d/).first();
    await expect.poll(() => onsite.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const first = await onsite.innerText();
    await page.waitForTimeout(2100);
    expect(
      await page
        .getByText(/剩余 1:5\d:\d\d/)
        .first()
        .innerText(),
    ).not.toBe(first); // it runs
    await page.screenshot({ path: join(SHOTS, 'e2e-desk-ticket.png') });

    await page.getByRole('button', { name: /已回电/ }).click();
    await page.getByRole('button', { name: /确\s*认/ }).click();
    await expect.poll(() => page.getByText('已达成').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.goto(`${env.base}/desk`);
    await expect.poll(() => page.getByText('核心交换机端口故障，2 号楼 3 层断网').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'e2e-desk-queue.png') });
    await page.close();
  });
});
