// Conference support in Chromium (issue 14 point 3): the VC engineer, on a phone in the conference
// room, retests the district whose video failed in the demo drill's joint test, then reports a
// problem that becomes a VC ticket; the project manager reads the list, the month and the endpoints.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TMeeting } from '../src/common/conferences.ts';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, call, newPage, signInAt } from './shots.ts';

const env = useProduct();
const DRILL = '防汛应急视频会商演练';

describe('conferences', () => {
  it('the VC engineer retests a district and reports a problem on a phone; the PM reads the calendar', async () => {
    const phone = await newPage(env.browser, PHONE);
    const desk = await newPage(env.browser);
    try {
      await signInAt(env.base, phone.page, 'eng.vc', DEMO_PASSWORD);
      const list = await call<{ items: TMeeting[] }>(phone.page, 'GET', '/api/conferences/meetings?pageSize=50');
      const drill = list.items.find((m) => m.title === DRILL)!;
      expect(drill.failed).toBe(1);
      await phone.page.goto(`${env.base}/conferences/${drill.id}`);
      const card = phone.page.getByTestId('check-card').filter({ hasText: '朝阳区' });
      await card.waitFor({ timeout: 15_000 });
      await phone.page.waitForTimeout(400);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-conference-phone.png'), fullPage: true });
      // The video row of 朝阳区: its 正常 button.
      await card.locator('div', { hasText: /^视频/ }).getByText('正常', { exact: true }).click();
      await expect
        .poll(async () => (await call<TMeeting>(phone.page, 'GET', `/api/conferences/meetings/${drill.id}`)).failed, { timeout: 15_000 })
        .toBe(0);
      await phone.page.getByRole('button', { name: '登记问题并生成工单' }).click();
      await phone.page.getByPlaceholder('如：房山区会场无声音').fill('海淀区会场回声');
      await phone.page.getByRole('button', { name: '生成工单', exact: true }).click();
      await expect
        .poll(async () => (await call<TMeeting>(phone.page, 'GET', `/api/conferences/meetings/${drill.id}`)).problems.length, {
          timeout: 15_000,
        })
        .toBe(1);
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);

      await signInAt(env.base, desk.page, 'pm', DEMO_PASSWORD);
      await desk.page.goto(`${env.base}/conferences`);
      await desk.page.getByText(DRILL).first().waitFor({ timeout: 15_000 });
      await desk.page.waitForTimeout(400);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-conferences-list.png'), fullPage: true });
      await desk.page.getByRole('tab', { name: '会议日历' }).click();
      await desk.page.waitForTimeout(600);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-conferences-month.png'), fullPage: true });
      const held = list.items.find((m) => m.state === 'done')!;
      await desk.page.goto(`${env.base}/conferences/${held.id}`);
      await desk.page.getByText('会议保障记录').waitFor({ timeout: 15_000 });
      await desk.page.waitForTimeout(400);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-conference-held.png'), fullPage: true });
    } finally {
      await phone.ctx.close();
      await desk.ctx.close();
    }
  });
});
