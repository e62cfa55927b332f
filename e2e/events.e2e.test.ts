// Security events in Chromium (issue 13 points 9–10): the demo's devices send syslog to the product's
// receiver; the test adds a burst of GBK login failures from the demo's Huawei firewall (registered as
// GBK), which the stream shows merged into one row found by a Chinese search; the log sources page
// shows the receiver's counters, the registered and unknown senders and the filter rule; a brute force
// then a success raises an alert with a ticket in the queue. Screenshots at
// 1440×900 and on a 390×844 phone.
import { createSocket } from 'node:dgram';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoLine } from '../src/server/demo/lab/syslog.ts';
import { DEMO_SYSLOG_SOURCES } from '../src/server/demo/syslog.ts';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, call, newPage, signInAt } from './shots.ts';

const env = useProduct();

async function sendUdp(port: number, from: string, lines: Buffer[]): Promise<void> {
  const u = createSocket('udp4');
  await new Promise<void>((r) => u.bind(0, from, r));
  for (const b of lines) await new Promise<void>((r, j) => u.send(b, port, '127.0.0.1', (e) => (e ? j(e) : r())));
  u.close();
}

type Page = { items: { message: string; count: number }[]; total: number };

describe('security events', () => {
  it('shows the live stream with merged GBK events, the chart, and the log sources', async () => {
    const { ctx, page } = await newPage(env.browser);
    const phone = await newPage(env.browser, PHONE);
    try {
      await signInAt(env.base, page, 'eng.sec', DEMO_PASSWORD);
      const usg = DEMO_SYSLOG_SOURCES.find((s) => s.vendor === 'huawei')!;
      const a = { outside: '203.0.113.99', pc: '10.8.2.31', server: '10.8.100.10', port: 40000 };
      await sendUdp(
        env.syslogPort,
        usg.address,
        Array.from({ length: 6 }, () => demoLine(usg, 1, new Date(), a)),
      );
      // The anti-virus server the demo did not register: an unknown source.
      const av = DEMO_SYSLOG_SOURCES.find((s) => !s.registered)!;
      await sendUdp(env.syslogPort, av.address, [demoLine(av, 0, new Date(), a)]);
      const q = `/api/events?q=${encodeURIComponent('登录失败（密码错误')}`;
      await expect.poll(async () => (await call<Page>(page, 'GET', q)).items[0]?.count, { timeout: 20_000 }).toBe(6);
      // The demo's own devices keep sending.
      await expect.poll(async () => (await call<Page>(page, 'GET', '/api/events')).total, { timeout: 30_000 }).toBeGreaterThanOrEqual(8);

      await page.goto(`${env.base}/events`);
      await page.getByText('事件趋势（按级别）').waitFor({ timeout: 15_000 });
      await page.getByText('203.0.113.99 登录失败').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1000);
      await page.screenshot({ path: join(SHOTS, 'e2e-events-stream.png'), fullPage: true });
      // A Chinese search narrows the stream to the merged row.
      await page.getByPlaceholder('内容关键字（支持中文）').fill('登录失败');
      await page.getByPlaceholder('内容关键字（支持中文）').press('Enter');
      await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 10_000 }).toBeLessThanOrEqual(3);
      expect(await page.locator('.ant-table-row').first().textContent()).toContain('登录失败');

      await page.goto(`${env.base}/events/sources`);
      await page.getByText('互联网出口防火墙').waitFor({ timeout: 15_000 });
      await page.getByText('127.0.0.16').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'e2e-events-sources.png'), fullPage: true });

      // A brute force then a success from one address: the demo's enabled rule raises an alert whose
      // ticket (SEC line, channel security) shows in the queue within the job's minute.
      const brute = { ...a, outside: '203.0.113.50' };
      await sendUdp(
        env.syslogPort,
        usg.address,
        Array.from({ length: 5 }, () => demoLine(usg, 1, new Date(), brute)),
      );
      await sendUdp(env.syslogPort, usg.address, [demoLine(usg, 2, new Date(), brute)]);
      type Alerts = { items: { key: string; ticketNumber: string | null }[] };
      await expect
        .poll(
          async () => (await call<Alerts>(page, 'GET', '/api/events/alerts')).items.find((x) => x.key === '203.0.113.50')?.ticketNumber,
          {
            timeout: 90_000,
            interval: 2000,
          },
        )
        .toBeTruthy();
      await page.goto(`${env.base}/events/alerts`);
      await page.getByText('203.0.113.50').first().waitFor({ timeout: 15_000 });
      await page.getByText('暴力破解后登录成功').first().waitFor();
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'e2e-events-alerts.png'), fullPage: true });

      await signInAt(env.base, phone.page, 'eng.sec', DEMO_PASSWORD);
      await phone.page.goto(`${env.base}/events`);
      await phone.page.getByText('事件趋势（按级别）').waitFor({ timeout: 15_000 });
      await phone.page.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
      await phone.page.waitForTimeout(1000);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-events-stream-phone.png'), fullPage: true });
    } finally {
      await ctx.close();
      await phone.ctx.close();
    }
  }, 240_000);
});
