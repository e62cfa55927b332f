// Screenshots of the service-desk screens: `node e2e/desk-screenshots.ts` against a running server
// with the demo loaded (BASE_URL, default http://127.0.0.1:8097; DEMO_PASSWORD). Signs in as the duty
// operator, logs a call through the form (caller found by phone), adds a few tickets through the API,
// records a call-back and a pause, and writes screenshots/desk-*.png (desktop 1440×900, phone 390×844).
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { call, newPage, OUT, PHONE, shot, signInAt } from './shots.ts';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8097';
const signIn = (page: Page, username: string, password: string) => signInAt(BASE, page, username, password);
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo-Pass1';

const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
  });
  let ticketPath: string | undefined;
  try {
    console.log('duty (duty operator), desktop');
    {
      const { ctx, page } = await newPage(browser);
      await signIn(page, 'duty', DEMO_PASSWORD);

      // Tickets through the API: a breached SEC fault, a paused VC fault, an SM request, a consultation.
      await call(page, 'POST', '/api/tickets', {
        serviceLine: 'SEC',
        category: 'fault',
        severity: 'high',
        channel: 'monitoring',
        reportedAt: ago(150),
        title: '防火墙 HA 主备切换告警，外网访问间歇中断',
        requesterName: '监控平台',
        assetsText: '出口防火墙 FW-01 / FW-02',
      });
      const vc = await call<{ id: string }>(page, 'POST', '/api/tickets', {
        serviceLine: 'VC',
        category: 'fault',
        severity: 'medium',
        channel: 'hotline',
        reportedAt: ago(40),
        title: '3 号会议室视频终端无法入会',
        requesterName: '刘静',
        requesterPhone: '13910257731',
        requesterDepartment: '信息中心',
      });
      await call(page, 'POST', `/api/tickets/${vc.id}/events`, { kind: 'callback' });
      await call(page, 'POST', `/api/tickets/${vc.id}/events`, { kind: 'pause', reason: '等待厂商：MCU 授权文件' });
      await call(page, 'POST', '/api/tickets', {
        serviceLine: 'SM',
        category: 'request',
        severity: 'low',
        channel: 'web',
        reportedAt: ago(3),
        title: '新增 2 个监控点位并接入平台',
        requesterName: '孙丽华',
        requesterPhone: '13661082947',
        requesterDepartment: '财务处',
      });
      await call(page, 'POST', '/api/tickets', {
        serviceLine: 'NET',
        category: 'consultation',
        severity: 'low',
        channel: 'hotline',
        reportedAt: ago(1),
        title: '访客无线网络如何申请临时账号',
        requesterName: '王建国',
        requesterPhone: '13801126458',
        requesterDepartment: '信息中心',
      });

      // The NET critical fault through the form, the caller found by phone number.
      await page.goto(`${BASE}/desk/new`);
      await page.locator('label.ant-radio-button-wrapper', { hasText: '办公网络' }).click();
      await page.locator('label.ant-radio-button-wrapper', { hasText: '紧急' }).click();
      await page.getByLabel('标题').fill('核心交换机端口故障，2 号楼 3 层整层断网');
      await page.getByLabel('问题描述').fill('09:40 起 2 号楼 3 层所有工位无法上网，指示灯不亮；已重启接入交换机无效。影响约 60 人。');
      await page.getByLabel('涉及设备').fill('核心交换机 CS-01（H3C S10508）\n接入交换机 AS-2F3-01');
      await page.getByLabel('来电号码').fill('1391025');
      await page.getByText(/已按号码找到来电人/).waitFor();
      await page.keyboard.press('Escape');
      await page.getByLabel('地点').click();
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      await page.getByLabel('机房/房间').click();
      await page.waitForTimeout(500);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      await page.locator('h4').first().click();
      await shot(page, 'desk-new');
      await page
        .getByRole('button', { name: /登\s*记/ })
        .last()
        .click();
      await page.waitForURL((u) => /^\/desk\/[0-9a-f-]{36}$/.test(u.pathname));
      ticketPath = new URL(page.url()).pathname;
      await page.getByRole('button', { name: '已回电' }).click();
      await page.getByRole('button', { name: /确\s*认/ }).click();
      await page.getByText('已记录回电').waitFor();
      await shot(page, 'desk-ticket');

      await page.getByRole('button', { name: '暂停计时' }).click();
      await page.getByRole('dialog').waitFor();
      await page.getByRole('radio', { name: '等待备件' }).check();
      await page.getByLabel('补充说明').fill('等待厂商寄送交换机电源模块');
      await shot(page, 'desk-pause', false);
      await page.getByRole('dialog').getByRole('button', { name: '暂停计时' }).click();
      await page.getByText('计时已暂停').waitFor();
      await shot(page, 'desk-ticket-paused');
      await page.getByRole('button', { name: '恢复计时' }).click();
      await page.getByText('计时已恢复').waitFor();

      // An empty submit shows the field errors.
      await page.goto(`${BASE}/desk/new`);
      await page
        .getByRole('button', { name: /登\s*记/ })
        .last()
        .click();
      await page.waitForTimeout(300);
      await shot(page, 'desk-new-errors', false);

      await page.goto(`${BASE}/desk`);
      await page.locator('.ant-table-row').first().waitFor();
      await shot(page, 'desk-queue');
      await ctx.close();
    }

    console.log('duty, phone');
    {
      const { ctx, page } = await newPage(browser, PHONE);
      await signIn(page, 'duty', DEMO_PASSWORD);
      await page.goto(`${BASE}${ticketPath ?? '/desk'}`);
      await page.getByTestId('ticket-actions').waitFor();
      await shot(page, 'desk-phone-ticket-top', false);
      await shot(page, 'desk-phone-ticket');
      await page.goto(`${BASE}/desk`);
      await page.locator('.ant-table-row').first().waitFor();
      await shot(page, 'desk-phone-queue', false);
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
}

await main();
