// Changes in Chromium (issue 12 point 1): the agency contact approves the demo's normal change on a
// 390×844 phone (the project manager approved it already), and the network engineer reads the change
// list, the change page with its approval steps, and a device's maintenance archive at 1440×900.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, call, newPage, signInAt } from './shots.ts';

const env = useProduct();
const NORMAL = '电子政务外网路由器 OSPF 开销调整';

interface ChangeRow {
  id: string;
  title: string;
  state: string;
}

describe('changes', () => {
  it('the agency contact approves a change on a phone; the engineer reads list, change and archive', async () => {
    const phone = await newPage(env.browser, PHONE);
    const desk = await newPage(env.browser);
    try {
      await signInAt(env.base, phone.page, 'agency.contact', DEMO_PASSWORD);
      const list = await call<{ items: ChangeRow[] }>(phone.page, 'GET', '/api/changes?pageSize=50');
      const normal = list.items.find((c) => c.title === NORMAL);
      expect(normal?.state).toBe('submitted');
      await phone.page.goto(`${env.base}/changes/${normal!.id}`);
      await phone.page.getByText(NORMAL).first().waitFor({ timeout: 15_000 });
      await phone.page.getByPlaceholder('意见或说明（可选）').fill('同意，请在窗口内完成并保留前后配置备份');
      await phone.page.waitForTimeout(300);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-changes-approve-phone.png'), fullPage: true });
      await phone.page.getByRole('button', { name: /^同\s*意$/ }).click();
      await expect
        .poll(async () => (await call<ChangeRow>(phone.page, 'GET', `/api/changes/${normal!.id}`)).state, { timeout: 15_000 })
        .toBe('approved');

      await signInAt(env.base, desk.page, 'eng.net', DEMO_PASSWORD);
      await desk.page.goto(`${env.base}/changes`);
      await desk.page.getByText(NORMAL).first().waitFor({ timeout: 15_000 });
      await desk.page.waitForTimeout(500);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-changes-list.png'), fullPage: true });
      await desk.page.goto(`${env.base}/changes/${normal!.id}`);
      // The approval is on the page: the agency contact's step is done, with the comment.
      await desk.page.getByText('同意，请在窗口内完成并保留前后配置备份').first().waitFor({ timeout: 15_000 });
      await desk.page.waitForTimeout(500);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-changes-change.png'), fullPage: true });
      const detail = await call<{ devices: { deviceId: string; name: string }[] }>(desk.page, 'GET', `/api/changes/${normal!.id}`);
      if (detail.devices[0]) {
        await desk.page.goto(`${env.base}/changes/archive/${detail.devices[0].deviceId}`);
        await desk.page.getByText(NORMAL).first().waitFor({ timeout: 15_000 });
        await desk.page.waitForTimeout(500);
        await desk.page.screenshot({ path: join(SHOTS, 'e2e-changes-archive.png'), fullPage: true });
      }
    } finally {
      await phone.ctx.close();
      await desk.ctx.close();
    }
  }, 180_000);
});
