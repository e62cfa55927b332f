// Self-service and improvement requests in Chromium (issue 11 points 13 and 16): agency staff find
// their phone and department filled in, no line chosen for them, each line with its 7×24 emergency
// phone; they cannot submit until they pick a line; the improvement list with its drawer.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { DESKTOP, PHONE, signInAt } from './shots.ts';

const env = useProduct();

describe('agency staff reporting a problem themselves', () => {
  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`pre-fills the form and shows every line's emergency phone (${name})`, async () => {
      const page = await env.browser.newPage({ viewport, locale: 'zh-CN' });
      await signInAt(env.base, page, 'agency.staff', DEMO_PASSWORD);
      await page.waitForURL((u) => u.pathname === '/');
      await page.goto(`${env.base}/desk/new`);
      await page.getByTestId('emergency-SM').waitFor();
      expect(await page.getByTestId('emergency-SM').innerText()).toContain('010-88142199');
      await expect.poll(() => page.getByLabel('联系电话').inputValue()).toBe('13581690243');
      expect(await page.getByLabel('部门').inputValue()).toBe('就业促进处');
      expect(await page.locator('[role=radio][aria-checked=true]').count()).toBe(0); // no line chosen for them
      await page.screenshot({ path: join(SHOTS, `e2e-self-service-${name}.png`), fullPage: true });
      if (name === 'desktop') {
        await page.getByLabel('标题').fill('办公室电脑无法上网');
        await page.getByRole('button', { name: /提交报修/ }).click();
        await expect.poll(() => page.getByText('请选择服务项目').count()).toBeGreaterThan(0);
        await page.locator('[data-line=NET]').click();
        await page.getByRole('button', { name: /提交报修/ }).click();
        await page.waitForURL(/\/desk\/[0-9a-f-]{36}$/);
      }
      await page.goto(`${env.base}/improvements`);
      await page.getByText('报修后短信告知工程师姓名和预计到场时间').first().waitFor();
      await page.screenshot({ path: join(SHOTS, `e2e-improvements-${name}.png`), fullPage: true });
      await page.getByText('报修后短信告知工程师姓名和预计到场时间').first().click();
      await page.locator('.ant-drawer').getByText('甲方评价').waitFor();
      await page.screenshot({ path: join(SHOTS, `e2e-improvement-drawer-${name}.png`) });
      await page.close();
    });
  }
});
