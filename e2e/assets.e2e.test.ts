// The asset register in Chromium (issue 4 acceptance): on a 390×844 phone, a label's URL
// /a/{number} of a demo asset leads through sign-in to the asset's page with its location and
// history and relations; the agency finance officer sees the finance record and has no edit button on the
// technical one.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { signInAt } from './shots.ts';

const env = useProduct();

describe('scanning an asset label on a phone', () => {
  it('opens the asset page after sign-in, with location and history', async () => {
    const phone = await env.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true, isMobile: true });
    await phone.goto(`${env.base}/a/NET-WEST-00001`);
    await phone.getByPlaceholder('用户名').fill('eng.net');
    await phone.getByPlaceholder('密码').fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: /登\s*录/ }).click();
    await phone.getByTestId('asset-location').waitFor({ timeout: 20_000 });
    expect(phone.url()).toMatch(/\/assets\/[0-9a-f-]{36}$/);
    expect(await phone.getByTestId('asset-location').innerText()).toContain('西办公区');
    await expect
      .poll(() => phone.getByTestId('asset-history').getByText('登记资产 NET-WEST-00001').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await phone.getByTestId('asset-history').innerText()).toContain('西办公区核心交换机端口故障');
    expect(await phone.getByText('NET-WEST-00001').first().isVisible()).toBe(true);
    // Relations: the demo network is cabled; the core switch's neighbours include its pair and a firewall.
    await expect.poll(() => phone.locator('#asset-relations').getByText('核心交换机 2').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await phone.locator('#asset-relations').innerText()).toContain('互联网出口防火墙');
    expect(await phone.getByTestId('edit-technical').count()).toBe(1);
    await phone.screenshot({ path: join(SHOTS, 'e2e-asset-scan-phone.png'), fullPage: true });
    await phone.close();
  }, 90_000);

  it('the finance user sees the finance record and cannot edit the technical one', async () => {
    const page = await env.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true, isMobile: true });
    await signInAt(env.base, page, 'agency.finance', DEMO_PASSWORD);
    await page.goto(`${env.base}/a/NET-WEST-00001`);
    await page.getByTestId('card-finance').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('card-finance').innerText()).toContain('GZ-2021-0031');
    expect(await page.getByTestId('edit-finance').count()).toBe(1);
    expect(await page.getByTestId('edit-technical').count()).toBe(0);
    expect(await page.getByTestId('edit-business').count()).toBe(0);
    await page.close();
  }, 90_000);
});
