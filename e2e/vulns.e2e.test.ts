// Vulnerabilities in Chromium (issue 13 points 5, 9, 10): the security engineer opens the board on the
// demo's imported Nessus scan, imports a real nmap scan of a port this test opens on 127.0.0.1 (the
// counts new/updated shown, a re-import deduplicated, a malformed file refused in Chinese), finds it
// in the list and opens its page; at 1440×900 and on a 390×844 phone.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listen, nmapXml } from '../src/server/modules/vulns/test/samples.ts';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, newPage, signInAt } from './shots.ts';
import type { Page } from 'playwright-core';

const env = useProduct();

const settle = async (page: Page) => {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800); // charts draw
};
const snap = async (page: Page, name: string) => {
  await settle(page);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};

describe('vulnerabilities', () => {
  it('imports a real nmap scan, shows its counts, the finding in the list and its page', async () => {
    const port = await listen();
    const xml = await nmapXml(port.port);
    const { ctx, page } = await newPage(env.browser);
    try {
      await signInAt(env.base, page, 'eng.sec', DEMO_PASSWORD);
      // The demo's scan: findings on demo assets, some overdue.
      await page.goto(`${env.base}/vulns`);
      await page.getByText('未关闭漏洞（按整改期限）').waitFor({ timeout: 15_000 });
      await page
        .getByText(/Log4Shell/)
        .first()
        .waitFor({ timeout: 15_000 });
      await snap(page, 'e2e-vulns-board');

      // Import the nmap XML through the dialog.
      await page.getByRole('button', { name: '导入扫描' }).click();
      const input = page.locator('.ant-modal input[type=file]');
      const file = { name: 'nmap-127.0.0.1.xml', mimeType: 'text/xml', buffer: Buffer.from(xml) };
      await input.setInputFiles(file);
      const result = page.getByTestId('vulns-import-result');
      await result.waitFor({ timeout: 20_000 });
      const stat = (label: string) =>
        result
          .locator('.ant-statistic')
          .filter({ has: page.getByText(label, { exact: true }) })
          .locator('.ant-statistic-content-value');
      expect(await stat('新增').innerText()).toBe('1');
      expect(await stat('更新').innerText()).toBe('0');
      await expect.poll(() => result.innerText()).toContain('1 个地址未匹配到资产');
      await snap(page, 'e2e-vulns-import');
      // The same scan again: the finding is updated, not duplicated.
      await input.setInputFiles(file);
      await expect.poll(() => stat('更新').innerText()).toBe('1');
      expect(await stat('新增').innerText()).toBe('0');
      // A broken file is refused with a Chinese reason, and nothing is written.
      await input.setInputFiles({ name: 'broken.xml', mimeType: 'text/xml', buffer: Buffer.from('<nmaprun><host>') });
      const err = page.getByTestId('vulns-import-error');
      await err.waitFor({ timeout: 15_000 });
      expect(await err.innerText()).toMatch(/[\u4e00-\u9fff]/);
      await page.keyboard.press('Escape');

      // The list filtered by the address, and the finding's page.
      await page.goto(`${env.base}/vulns?address=127.0.0.1`);
      const row = page.locator('.ant-table-row').filter({ hasText: `127.0.0.1:${port.port}/tcp` });
      await row.waitFor({ timeout: 15_000 });
      expect(await page.locator('.ant-table-row').count()).toBe(1);
      await row.getByRole('link').click();
      await page.getByText('处理', { exact: true }).waitFor({ timeout: 15_000 });
      expect(await page.getByRole('button', { name: '开始整改' }).count()).toBe(1);
      await snap(page, 'e2e-vulns-finding');
    } finally {
      await ctx.close();
      await port.close();
    }
  }, 180_000);

  it('is usable on a phone: the board and a demo finding', async () => {
    const { ctx, page } = await newPage(env.browser, PHONE);
    try {
      await signInAt(env.base, page, 'eng.sec', DEMO_PASSWORD);
      await page.goto(`${env.base}/vulns?overdue=true`);
      await page
        .getByText(/Log4Shell/)
        .first()
        .waitFor({ timeout: 15_000 });
      await snap(page, 'e2e-vulns-board-phone');
      await page
        .getByText(/Log4Shell/)
        .first()
        .click();
      await page.getByText('整改建议').waitFor({ timeout: 15_000 });
      await snap(page, 'e2e-vulns-finding-phone');
      await page.goto(`${env.base}/vulns/plans?tab=hardening`);
      await page.getByText('防火墙与日志审计加固（第一批）').waitFor({ timeout: 15_000 });
      await snap(page, 'e2e-vulns-plans-phone');
    } finally {
      await ctx.close();
    }
  }, 120_000);

  it('lets the agency approve the demo false-positive request on a phone', async () => {
    const { ctx, page } = await newPage(env.browser, PHONE);
    try {
      await signInAt(env.base, page, 'agency.contact', DEMO_PASSWORD);
      await page.goto(`${env.base}/vulns?pending=true`);
      await page.getByText('SSL 支持中等强度加密套件').click();
      await page.getByText('误报申请待甲方审批').waitFor({ timeout: 15_000 });
      // The agency decides; it neither fixes nor asks.
      expect(await page.getByRole('button', { name: '开始整改' }).count()).toBe(0);
      await snap(page, 'e2e-vulns-approve-phone');
      await page
        .getByRole('button', { name: '批 准' })
        .or(page.getByRole('button', { name: '批准' }))
        .click();
      await page.locator('.ant-tag').filter({ hasText: '误报' }).waitFor({ timeout: 15_000 });
      expect(await page.getByText('误报申请待甲方审批').count()).toBe(0);
    } finally {
      await ctx.close();
    }
  }, 120_000);

  it('records a pentest report whose findings join the board', async () => {
    const { ctx, page } = await newPage(env.browser);
    try {
      await signInAt(env.base, page, 'eng.sec', DEMO_PASSWORD);
      await page.goto(`${env.base}/vulns/plans?tab=pentests`);
      await page.getByText('门户网站渗透测试').waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: '登记渗透测试报告' }).click();
      const modal = page.locator('.ant-modal');
      await modal.getByLabel('报告').fill('办公网渗透测试');
      await modal.getByLabel('测试方').fill('安全服务商');
      await modal.getByLabel('测试日期').fill('2026-11-20');
      await modal.getByLabel('测试日期').press('Enter');
      await modal.getByPlaceholder('地址').fill('10.9.0.8');
      await modal.getByPlaceholder('漏洞').fill('管理界面使用默认口令');
      await snap(page, 'e2e-vulns-pentest-form');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      const row = page.locator('.ant-table-row').filter({ hasText: '办公网渗透测试' });
      await row.waitFor({ timeout: 15_000 });
      await row.getByRole('link').click();
      await page.locator('.ant-table-row').filter({ hasText: '管理界面使用默认口令' }).waitFor({ timeout: 15_000 });
      expect(await page.locator('.ant-table-row').count()).toBe(1);
      await page.goto(`${env.base}/vulns/plans?tab=pentests`);
      await row.waitFor({ timeout: 15_000 });
      await snap(page, 'e2e-vulns-plans');
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
