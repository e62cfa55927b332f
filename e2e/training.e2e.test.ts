// Training and emergency drills in Chromium (R-TRN-01, R-STF-01/02, R-DUT-03): an agency staff member
// opens on a phone the user training they attended (demo: held three weeks ago, rated by three) and
// reads the clarity and effect; the project manager uploads the handout to it on a desktop and reads
// the certificates about to expire; the duty page's 应急演练 tab shows last quarter's drill with its
// timeline and the emergencies measured from their desk tickets against the 2-hour and 24-hour targets,
// with the dispatch median per month, on desktop and phone.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TSession, TSessionDetail } from '../src/common/training.ts';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, call, newPage, signInAt } from './shots.ts';

const env = useProduct();
const SESSION = '办公网络接入与无线认证使用培训';
const DRILL = '核心交换机故障切换应急演练';

describe('training and drills', () => {
  it('shows a delivered session with its assessment; the PM uploads material and reads expiring certificates', async () => {
    const phone = await newPage(env.browser, PHONE);
    const desk = await newPage(env.browser);
    try {
      await signInAt(env.base, phone.page, 'agency.staff', DEMO_PASSWORD);
      const list = await call<{ items: TSession[] }>(phone.page, 'GET', '/api/training/sessions?state=delivered');
      const s = list.items.find((x) => x.title === SESSION)!;
      expect(s.ratings).toMatchObject({ attendees: 4, signedIn: 4, rated: 3, clarity: 4.7, effect: 4.3 });
      await phone.page.goto(`${env.base}/training/${s.id}`);
      await phone.page.getByText('4.7 / 5').waitFor({ timeout: 15_000 });
      await expect.poll(() => phone.page.getByRole('button', { name: '修改评价' }).count()).toBe(1);
      await phone.page.waitForTimeout(400);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-training-session-phone.png'), fullPage: true });
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);

      await signInAt(env.base, desk.page, 'pm', DEMO_PASSWORD);
      await desk.page.goto(`${env.base}/training/${s.id}`);
      await desk.page.getByText('培训资料').waitFor({ timeout: 15_000 });
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      await desk.page.locator('input[type=file]').setInputFiles({ name: '无线认证操作手册.pdf', mimeType: 'application/pdf', buffer: pdf });
      await desk.page.getByRole('link', { name: '无线认证操作手册.pdf' }).waitFor({ timeout: 15_000 });
      const detail = await call<TSessionDetail>(desk.page, 'GET', `/api/training/sessions/${s.id}`);
      expect(detail.materials.map((m) => m.name)).toEqual(['无线认证操作手册.pdf']);
      await desk.page.waitForTimeout(400);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-training-session.png'), fullPage: true });

      await desk.page.goto(`${env.base}/training?tab=certs`);
      await desk.page.getByText('注册信息安全专业人员（CISP）').waitFor({ timeout: 15_000 });
      await expect.poll(() => desk.page.getByText('网络工程师', { exact: true }).count()).toBe(0);
      await desk.page.waitForTimeout(400);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-training-certs.png'), fullPage: true });
      await desk.page.goto(`${env.base}/training`);
      await desk.page.getByText(SESSION).waitFor({ timeout: 15_000 });
      await desk.page.waitForTimeout(400);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-training-list.png'), fullPage: true });
    } finally {
      await phone.ctx.close();
      await desk.ctx.close();
    }
  });

  it('shows the drill held last quarter and the emergency response measure, on desktop and phone', async () => {
    const desk = await newPage(env.browser);
    const phone = await newPage(env.browser, PHONE);
    try {
      await signInAt(env.base, desk.page, 'agency.contact', DEMO_PASSWORD);
      await desk.page.goto(`${env.base}/duty?tab=drills`);
      const card = desk.page.getByTestId('drill-card').filter({ hasText: DRILL });
      await card.waitFor({ timeout: 15_000 });
      await expect.poll(() => card.getByText('备用核心接管完成').count()).toBe(1);
      await expect.poll(() => desk.page.getByText('达标', { exact: true }).count()).toBeGreaterThan(0);
      await expect.poll(() => desk.page.getByText('超时', { exact: true }).count()).toBeGreaterThan(0);
      // Both demo emergencies are measured from their desk tickets (none typed), with the dispatch median per month.
      await expect.poll(() => desk.page.getByTestId('emergency-source').allInnerTexts()).toEqual(['运维单实测', '运维单实测']);
      await expect.poll(() => desk.page.getByText('派单用时（中位）', { exact: true }).count()).toBeGreaterThan(0);
      expect((await desk.page.getByTestId('month-sources').allInnerTexts()).join(' ')).not.toContain('手工填写');
      await desk.page.waitForTimeout(400);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-duty-drills.png'), fullPage: true });

      await signInAt(env.base, phone.page, 'pm', DEMO_PASSWORD);
      await phone.page.goto(`${env.base}/duty?tab=drills`);
      await phone.page.getByTestId('drill-card').filter({ hasText: DRILL }).waitFor({ timeout: 15_000 });
      await phone.page.waitForTimeout(400);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-duty-drills-phone.png'), fullPage: true });
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    } finally {
      await desk.ctx.close();
      await phone.ctx.close();
    }
  });
});
