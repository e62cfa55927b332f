// Monthly assessment in Chromium (issue 15 point 4): the agency manager signs in, opens last month's
// draft from the list, scores a criterion with a comment and the rest in one go, saves, signs after the
// confirmation, and finds the month read-only; the month page on a 390×844 phone, the failed demo
// month with its remedies and deduction, and the trend chart.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, call, newPage, signInAt } from './shots.ts';

const env = useProduct();

interface Month {
  id: string;
  month: string;
  state: string;
  result: string | null;
  scored: number;
  criteria: number;
}

describe('monthly assessment', () => {
  it('the agency scores last month and signs it; the month is then read-only', async () => {
    const desk = await newPage(env.browser);
    const phone = await newPage(env.browser, PHONE);
    try {
      await signInAt(env.base, desk.page, 'agency.manager', DEMO_PASSWORD);
      const list = await call<{ items: Month[] }>(desk.page, 'GET', '/api/assessments');
      const draft = list.items.find((m) => m.state === 'draft')!;
      const failed = list.items.find((m) => m.result === 'fail')!;
      expect(draft.scored).toBe(0);

      await desk.page.goto(`${env.base}/assessments`);
      await desk.page.getByText(draft.month).first().waitFor({ timeout: 15_000 });
      await desk.page.waitForTimeout(500);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-assessment-list.png'), fullPage: true });
      await desk.page.getByText(draft.month).first().click();
      await desk.page.waitForURL((u) => u.pathname === `/assessments/${draft.id}`, { timeout: 15_000 });

      // One criterion by hand (the first line's panel is open), the rest with one score.
      const first = desk.page.getByLabel('SM-3-1 得分');
      await first.fill('8');
      await desk.page.getByLabel('SM-3-1 评语').fill('热线畅通，个别来电回电稍慢');
      await desk.page.getByRole('button', { name: '未评分项统一评分' }).click();
      await desk.page.getByText('已评 119/119 项').waitFor({ timeout: 10_000 });
      await desk.page.getByRole('button', { name: /^保存评分$/ }).click();
      await expect
        .poll(async () => (await call<Month>(desk.page, 'GET', `/api/assessments/${draft.id}`)).scored, { timeout: 15_000 })
        .toBe(119);
      await desk.page.waitForTimeout(500);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-assessment-month-scored.png'), fullPage: true });

      // The phone view of the same draft, before it is signed.
      await signInAt(env.base, phone.page, 'agency.manager', DEMO_PASSWORD);
      await phone.page.goto(`${env.base}/assessments/${draft.id}`);
      await phone.page.getByLabel('SM-3-1 得分').waitFor({ timeout: 15_000 });
      await phone.page.waitForTimeout(500);
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-assessment-month-phone.png') });

      await desk.page
        .getByRole('button', { name: /^签\s*署$/ })
        .first()
        .click();
      const confirm = desk.page.locator('.ant-modal-confirm');
      await confirm.locator('.ant-modal-confirm-title', { hasText: `签署 ${draft.month} 月度考核？` }).waitFor({ timeout: 10_000 });
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-assessment-sign-confirm.png') });
      await confirm.getByRole('button', { name: /^签\s*署$/ }).click();
      await expect
        .poll(async () => (await call<Month>(desk.page, 'GET', `/api/assessments/${draft.id}`)).state, { timeout: 15_000 })
        .toBe('signed');
      const signed = await call<Month & { rows: { id: string; score: number; comment: string }[] }>(
        desk.page,
        'GET',
        `/api/assessments/${draft.id}`,
      );
      expect(signed.result).toBe('pass');
      expect(signed.rows.find((r) => r.id === 'SM-3-1')).toMatchObject({ score: 8, comment: '热线畅通，个别来电回电稍慢' });
      // Read-only now: no score inputs, the result shown.
      await desk.page.getByText('考核结果').waitFor({ timeout: 10_000 });
      expect(await desk.page.getByLabel('SM-3-1 得分').count()).toBe(0);
      await desk.page.waitForTimeout(500);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-assessment-month-signed.png'), fullPage: true });

      // The failed demo month on the phone: its result and deduction at the top, its remedies below.
      await phone.page.goto(`${env.base}/assessments/${failed.id}`);
      await phone.page.getByText('扣款建议（元）').first().waitFor({ timeout: 15_000 });
      await phone.page.waitForTimeout(500);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-assessment-failed-phone.png') });
      await phone.page.getByText('整改项').first().scrollIntoViewIfNeeded();
      await phone.page.waitForTimeout(300);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-assessment-remedies-phone.png') });

      // The month just signed is the trend's last point.
      const trend = await call<{ months: string[]; lines: Record<string, (number | null)[]> }>(desk.page, 'GET', '/api/assessments/trend');
      expect(trend.months.at(-1)).toBe(draft.month);
      expect(trend.lines.SM!.at(-1)).not.toBeNull();
      await desk.page.goto(`${env.base}/assessments/trend`);
      await desk.page.locator('canvas').first().waitFor({ timeout: 15_000 });
      await desk.page.waitForTimeout(1000);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-assessment-trend.png'), fullPage: true });
    } finally {
      await desk.ctx.close();
      await phone.ctx.close();
    }
  }, 240_000);
});
