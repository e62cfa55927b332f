// Emergency changes (issue 12): implemented first, approved afterwards within one working day on the
// business calendar. Submitted on the Friday before the 2025 Dragon Boat holiday (Sat 31 May – Mon
// 2 June), the approval is due on Tuesday at the same business hour; only past it are the project
// manager and the agency contact told, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, Clock, TEST_PASSWORD, json, testApp, type TestApp } from '../../test/harness.ts';
import { checkOverdue } from './jobs.ts';
import { act, changeInput, file } from './test/helpers.ts';

let t: TestApp;
const clock = new Clock(new Date('2025-05-30T16:00:00+08:00'));

beforeAll(async () => {
  t = await testApp({ clock });
  for (const [u, r] of [
    ['eng.em', 'engineer'],
    ['pm.em', 'contractor_pm'],
    ['contact.em', 'agency_contact'],
  ] as const)
    await t.userAgent(u, [r]);
});
afterAll(async () => {
  await t?.close();
});

/** A fresh sign-in (the clock moves past the idle timeout between steps). */
async function signIn(username: string): Promise<Agent> {
  const a = new Agent(t.app);
  expect((await a.login(username, TEST_PASSWORD)).statusCode).toBe(200);
  return a;
}
const overdueNotices = async (a: Agent) =>
  json<{ items: { event: string }[] }>(await a.get('/api/notifications')).items.filter((n) => n.event === 'change.approval_overdue').length;

describe('an emergency change', () => {
  it('is implemented before approval and is overdue only after one working day past the holiday', async () => {
    const eng = await signIn('eng.em');
    const c = await file(eng, changeInput({ type: 'emergency', risk: 'medium', systems: '医保前置机', start: clock.now(), hours: 1 }));
    const s = await act(eng, c.id, 'submit', 200, '紧急处置');
    expect(s.state).toBe('submitted');
    // 16:00–18:00 Friday is 2 of the 9 business hours; the holiday skips to Tuesday 09:00 + 7 h.
    expect(s.approvalDueAt).toBe(new Date('2025-06-03T16:00:00+08:00').toISOString());
    expect((await act(eng, c.id, 'start')).state).toBe('implementing'); // no approval needed first
    expect((await act(eng, c.id, 'finish')).state).toBe('implemented');

    clock.set(new Date('2025-06-03T15:59:00+08:00'));
    expect(await checkOverdue(t.ctx)).toBe(0);
    const pm = await signIn('pm.em');
    expect(json<{ approvalOverdue: boolean }>(await pm.get(`/api/changes/${c.id}`)).approvalOverdue).toBe(false);

    clock.set(new Date('2025-06-03T16:01:00+08:00'));
    expect(await checkOverdue(t.ctx)).toBe(1);
    expect(await checkOverdue(t.ctx)).toBe(0); // told once
    const [pm2, contact] = [await signIn('pm.em'), await signIn('contact.em')];
    expect(await overdueNotices(pm2)).toBe(1);
    expect(await overdueNotices(contact)).toBe(1);
    expect(await overdueNotices(await signIn('eng.em'))).toBe(0);
    const late = json<{ approvalOverdue: boolean; awaiting: string }>(await pm2.get(`/api/changes/${c.id}`));
    expect(late).toMatchObject({ approvalOverdue: true, awaiting: 'contractor_pm' });

    // The approval may still follow; only then can the agency confirm.
    await act(contact, c.id, 'confirm', 409);
    await act(pm2, c.id, 'approve');
    const approved = await act(contact, c.id, 'approve');
    expect(approved).toMatchObject({ state: 'implemented', approvalOverdue: false });
    expect((await act(contact, c.id, 'confirm')).state).toBe('confirmed');
  });
});
