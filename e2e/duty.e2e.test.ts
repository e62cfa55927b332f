// Duty in Chromium (issue 14 point 4): the project manager publishes a NET roster for 2025 through the
// API; the duty operator's page shows who is on call on 2025-10-01 at 03:00 (National Day: second
// line and special holiday duty), on a desktop screen and on a 390×844 phone; the month of October
// 2025 marks the holidays and the make-up Saturday; the project manager sees the demo's override
// awaiting approval and approves it, and submits the emergency procedure to the agency.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, call, newPage, pickOption, signInAt } from './shots.ts';

const env = useProduct();
const AT = '2025-10-01T03:00:00+08:00';

interface Person {
  username: string;
  displayName: string;
  layer: string;
}

describe('duty', () => {
  it('shows who is on call on 2025-10-01 03:00 on the duty operator’s screen and phone', async () => {
    const pm = await newPage(env.browser);
    const desk = await newPage(env.browser);
    const phone = await newPage(env.browser, PHONE);
    try {
      await signInAt(env.base, pm.page, 'pm', DEMO_PASSWORD);
      // The demo's NET roster names its members: the NET engineer and the project manager.
      const rosters = await call<{ items: { id: string }[] }>(pm.page, 'GET', '/api/duty/rosters?line=NET');
      const demo = await call<{ members: { id: string; username: string }[] }>(pm.page, 'GET', `/api/duty/rosters/${rosters.items[0]!.id}`);
      const id = (u: string) => demo.members.find((m) => m.username === u)!.id;
      const [eng, boss] = [id('eng.net'), id('pm')];
      const roster = await call<{ id: string }>(pm.page, 'POST', '/api/duty/rosters', {
        line: 'NET',
        name: '网络值班表 2025',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        layers: [
          { layer: 'resident', members: [eng], rotation: 'all', handoff: '09:00', restriction: 'working-hours' },
          { layer: 'on-call', members: [eng, boss], rotation: 'weekly', handoff: '09:00', restriction: 'outside-working-hours' },
          { layer: 'holiday-special', members: [boss, eng], rotation: 'daily', handoff: '09:00', restriction: 'special-holidays' },
        ],
      });
      await call(pm.page, 'POST', `/api/duty/rosters/${roster.id}/publish`, {});

      await signInAt(env.base, desk.page, 'duty', DEMO_PASSWORD);
      const answer = await call<{ people: Person[] }>(desk.page, 'GET', `/api/duty/on-call?line=NET&at=${encodeURIComponent(AT)}`);
      expect(answer.people.map((p) => p.layer).sort()).toEqual(['holiday-special', 'on-call']);
      const onCall = answer.people.find((p) => p.layer === 'on-call')!;
      await desk.page.goto(`${env.base}/duty?at=${encodeURIComponent(AT)}`);
      const card = desk.page.getByTestId('duty-now-NET');
      await card.getByText('二线值班').waitFor({ timeout: 15_000 });
      await expect.poll(() => card.innerText()).toContain(onCall.displayName);
      expect(await card.innerText()).toContain('节假日专项');
      expect(await card.innerText()).not.toContain('驻场');
      expect(await desk.page.getByTestId('duty-at').innerText()).toContain('2025-10-01 03:00');
      await desk.page.waitForTimeout(300);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-duty-now.png'), fullPage: true });

      await signInAt(env.base, phone.page, 'duty', DEMO_PASSWORD);
      await phone.page.goto(`${env.base}/duty?at=${encodeURIComponent(AT)}`);
      await phone.page.getByTestId('duty-now-NET').getByText(onCall.displayName).first().waitFor({ timeout: 15_000 });
      await phone.page.waitForTimeout(300);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-duty-now-phone.png'), fullPage: true });

      // October 2025: 国庆节 marked, the make-up Saturday 10-11 worked with the resident on post.
      await phone.page.goto(`${env.base}/duty?tab=month&at=${encodeURIComponent(AT)}`);
      const sat = phone.page.getByTestId('duty-day-2025-10-11');
      await sat.getByText('调休上班').waitFor({ timeout: 15_000 });
      expect(await sat.innerText()).toContain('驻场');
      expect(await phone.page.getByTestId('duty-day-2025-10-01').innerText()).toContain('国庆节');
      await phone.page.waitForTimeout(300);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-duty-month-phone.png'), fullPage: false });

      // The project manager: the demo's override awaits approval on the home page; approve it.
      await pm.page.goto(`${env.base}/`);
      await pm.page.getByText('待审批的调班').first().waitFor({ timeout: 15_000 });
      await pm.page.goto(`${env.base}/duty?tab=overrides`);
      await pm.page
        .getByRole('button', { name: /批\s*准/ })
        .first()
        .click();
      await expect
        .poll(async () => (await call<{ total: number }>(pm.page, 'GET', '/api/duty/overrides?state=pending')).total, { timeout: 15_000 })
        .toBe(0);
      await pm.page.waitForTimeout(300);
      await pm.page.screenshot({ path: join(SHOTS, 'e2e-duty-overrides.png'), fullPage: true });

      // R-DUT-02: the project manager submits the emergency procedure; it awaits the agency.
      await call(pm.page, 'POST', '/api/duty/docs', {
        kind: 'emergency_procedure',
        title: '网络中断应急预案',
        body: '一、核心交换机故障：值班工程师 15 分钟内响应，30 分钟内到场。',
      });
      await pm.page.goto(`${env.base}/duty?tab=docs`);
      await pm.page.getByText('网络中断应急预案').first().click();
      await pm.page.getByText('待甲方确认').first().waitFor({ timeout: 15_000 });
      await pm.page.waitForTimeout(300);
      await pm.page.screenshot({ path: join(SHOTS, 'e2e-duty-docs.png'), fullPage: true });
    } finally {
      await pm.ctx.close();
      await desk.ctx.close();
      await phone.ctx.close();
    }
  });

  it('the project manager writes a roster in the editor: a VC resident layer for 2026, saved as a draft', async () => {
    const pm = await newPage(env.browser);
    try {
      await signInAt(env.base, pm.page, 'pm', DEMO_PASSWORD);
      await pm.page.goto(`${env.base}/duty?tab=rosters`);
      await pm.page.getByRole('button', { name: '新建排班表' }).click();
      const dialog = pm.page.getByRole('dialog');
      await pickOption(pm.page, dialog.getByLabel('服务项目'), '视频会议');
      await dialog.getByLabel('名称').fill('视频会议 2026 年排班');
      await dialog.getByPlaceholder('开始日期').fill('2026-01-01');
      await dialog.getByPlaceholder('结束日期').fill('2026-12-31');
      await dialog.getByPlaceholder('结束日期').press('Enter');
      const members = dialog.getByLabel('人员（按轮换顺序）');
      await pickOption(pm.page, members);
      await pm.page.keyboard.press('Escape');
      await pm.page.waitForTimeout(300);
      await pm.page.screenshot({ path: join(SHOTS, 'e2e-duty-roster-editor.png'), fullPage: false });
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await pm.page.getByText('视频会议 2026 年排班').first().waitFor({ timeout: 15_000 });
      const list = await call<{ items: { name: string; state: string; layers: { layer: string; members: string[] }[] }[] }>(
        pm.page,
        'GET',
        '/api/duty/rosters?line=VC',
      );
      const made = list.items.find((r) => r.name === '视频会议 2026 年排班')!;
      expect(made.state).toBe('draft');
      expect(made.layers).toHaveLength(1);
      expect(made.layers[0]!.members).toHaveLength(1);
    } finally {
      await pm.ctx.close();
    }
  });
});
