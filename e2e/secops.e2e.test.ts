// Security operations in Chromium (issue 13 points 4 and 6): on the demo's correlation alert the
// security engineer records a firewall policy response through the page; it opens a change request
// the project manager and then the agency contact (on a phone) approve, after which the alert's page
// shows the response approved, and its verification is recorded. The signature board shows the demo's
// stale anti-virus server; the firewall's policy history lists response, change steps and
// verification; a bulletin on its product and version finds it and opens a task. Screenshots at 1440×900 and on a 390×844 phone.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TAlertResponses } from '../src/common/secops.ts';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, call, newPage, pickOption, signInAt } from './shots.ts';

const env = useProduct();
const ATTACKER = '203.0.113.77';
const DETAIL = '新增策略 deny_bruteforce_e2e：拒绝该地址访问全部管理服务';

describe('security operations', () => {
  it('records a response on an alert, approves it through its change, and shows the stale signature', async () => {
    const desk = await newPage(env.browser);
    const phone = await newPage(env.browser, PHONE);
    const pmPage = await newPage(env.browser);
    try {
      await signInAt(env.base, desk.page, 'eng.sec', DEMO_PASSWORD);
      const alerts = await call<{ items: { id: string; key: string }[] }>(desk.page, 'GET', '/api/events/alerts');
      const alert = alerts.items.find((a) => a.key === ATTACKER)!;
      expect(alert).toBeTruthy();
      // From the alert queue to the alert's responses.
      await desk.page.goto(`${env.base}/events/alerts`);
      await desk.page.getByRole('link', { name: '处置记录' }).first().waitFor({ timeout: 15_000 });
      await desk.page.goto(`${env.base}/secops/alerts/${alert.id}`);
      await desk.page.getByText('封堵').first().waitFor({ timeout: 15_000 });

      await desk.page.getByRole('button', { name: /登记处置/ }).click();
      const dialog = desk.page.getByRole('dialog');
      await pickOption(desk.page, dialog.getByLabel('设备'), '互联网出口防火墙', { typed: '出口防火墙' });
      await dialog.getByLabel('处置内容').fill(DETAIL);
      await dialog.getByLabel('回退方案').fill('删除策略 deny_bruteforce_e2e');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await desk.page.getByText(DETAIL).first().waitFor({ timeout: 15_000 });
      const url = `/api/secops/alerts/${alert.id}`;
      const mine = async () => (await call<TAlertResponses>(desk.page, 'GET', url)).items.find((r) => r.detail === DETAIL)!;
      const r = await mine();
      expect(r).toMatchObject({ kind: 'firewall_policy', approved: false, changeState: 'submitted', doneByName: '杨帆' });

      // The change: the PM's step, then the agency contact's on a phone.
      await signInAt(env.base, pmPage.page, 'pm', DEMO_PASSWORD);
      await call(pmPage.page, 'POST', `/api/changes/${r.changeId}/actions`, { action: 'approve', comment: '同意' });
      await signInAt(env.base, phone.page, 'agency.contact', DEMO_PASSWORD);
      await phone.page.goto(`${env.base}/changes/${r.changeId}`);
      await phone.page.getByText('安全处置').first().waitFor({ timeout: 15_000 });
      await phone.page.getByRole('button', { name: /^同\s*意$/ }).click();
      await expect.poll(async () => (await mine()).approved, { timeout: 15_000 }).toBe(true);

      // The engineer verifies it on the alert's page; the row shows approved and effective.
      await desk.page.reload();
      const row = desk.page.locator('.ant-table-row').filter({ hasText: DETAIL });
      await row.getByText('已批准').waitFor({ timeout: 15_000 });
      await row.getByRole('button', { name: '登记验证' }).click();
      await desk.page.getByRole('dialog').getByLabel('验证说明').fill('复测：该地址访问管理口被拒绝');
      await desk.page
        .getByRole('dialog')
        .getByRole('button', { name: /保\s*存/ })
        .click();
      await expect.poll(async () => (await mine()).verifyResult, { timeout: 15_000 }).toBe('effective');
      await row.getByText('已生效').waitFor({ timeout: 15_000 });
      await desk.page.waitForTimeout(500);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-secops-alert.png'), fullPage: true });
      await phone.page.goto(`${env.base}/secops/alerts/${alert.id}`);
      await phone.page.getByText(DETAIL).first().waitFor({ timeout: 15_000 });
      await phone.page.waitForTimeout(500);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-secops-alert-phone.png'), fullPage: true });

      // The firewall's policy history, in time order.
      await desk.page.goto(`${env.base}/secops/devices/${r.assetId}`);
      await desk.page.getByText('审批通过').first().waitFor({ timeout: 15_000 });
      await desk.page.getByText(DETAIL).first().waitFor();
      await desk.page.waitForTimeout(500);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-secops-history.png'), fullPage: true });

      // The signature board: the demo's anti-virus server is stale.
      await desk.page.goto(`${env.base}/secops/signatures`);
      const av = desk.page.locator('.ant-table-row').filter({ hasText: '防病毒服务器' });
      await av.getByText('过期', { exact: true }).waitFor({ timeout: 15_000 });
      await desk.page.waitForTimeout(500);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-secops-signatures.png'), fullPage: true });
      await phone.page.goto(`${env.base}/secops/signatures`);
      await phone.page
        .locator('.ant-table-row')
        .filter({ hasText: '防病毒服务器' })
        .getByText('过期', { exact: true })
        .waitFor({ timeout: 15_000 });
      await phone.page.waitForTimeout(500);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-secops-signatures-phone.png'), fullPage: true });

      // A bulletin on the Internet firewall's product and version: the device is found, a task opened.
      await call(desk.page, 'POST', '/api/secops/bulletins', {
        title: 'AF 系列 Web 管理界面命令注入漏洞',
        source: 'CNVD',
        cve: 'CVE-2026-12345',
        severity: 'high',
        vendor: '深信服',
        product: 'AF-2000',
        versionFrom: 'AF8.0.0',
        versionTo: 'AF8.0.90',
        advice: '升级至 AF8.0.95 或关闭互联网侧管理口',
      });
      await desk.page.goto(`${env.base}/secops/bulletins`);
      const b = desk.page.locator('.ant-table-row').filter({ hasText: 'AF 系列 Web 管理界面命令注入漏洞' });
      await b.getByText('互联网出口防火墙 AF8.0.85').waitFor({ timeout: 15_000 });
      await b.getByText(/^YW-/).waitFor();
      await desk.page.waitForTimeout(500);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-secops-bulletins.png'), fullPage: true });
    } finally {
      await desk.ctx.close();
      await phone.ctx.close();
      await pmPage.ctx.close();
    }
  });
});
