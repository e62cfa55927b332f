// The monthly assessment through the API without the demo, on the harness clock: the draft job on the
// first working day, the agency's scores and signature (once), two failed months in a row and the
// 30-day cure clock to the termination right, a major incident, a provider that is not on the site,
// and bad input refused with nothing changed.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAssessment, TAssessmentDetail, TCriterion, TRemedy } from '../../../common/assessment.ts';
import type { TNotificationList } from '../../../common/notify.ts';
import { auditLog } from '../../kernel/db/tables.ts';
import { Clock, json, TEST_PASSWORD, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { modules } from '../index.ts';
import { checkCureClocks } from './cure.ts';
import { openMonthlyDraft } from './trend.ts';

let t: TestApp;
let pm: Agent;
let manager: Agent;
let contact: Agent;
let eng: Agent;
const DAY = 24 * 3600_000;
// Without the conferences module (and the modules that need it, directly or through another, as money
// needs reports and reports need conferences): its criterion is scored by hand.
const dropped = new Set(['conferences']);
for (let grew = true; grew;) {
  grew = false;
  for (const m of modules) if (!dropped.has(m.id) && m.dependsOn?.some((d) => dropped.has(d))) grew = Boolean(dropped.add(m.id));
}
const withoutConferences = modules.filter((m) => !dropped.has(m.id));

beforeAll(async () => {
  t = await testApp({ modules: withoutConferences, clock: new Clock(new Date('2026-10-07T02:00:00Z')) });
  pm = await t.userAgent('pm.q', ['contractor_pm']);
  manager = await t.userAgent('manager.q', ['agency_manager']);
  contact = await t.userAgent('contact.q', ['agency_contact']);
  eng = await t.userAgent('eng.q', ['engineer'], { serviceLines: ['NET'] });
});
afterAll(async () => {
  await t.close();
});

/** Sessions end when the clock jumps; sign everyone in again at the new time. */
async function setClock(at: Date | number) {
  if (typeof at === 'number') t.clock.advance(at);
  else t.clock.set(at);
  [pm, manager, contact, eng] = (await Promise.all(
    ['pm.q', 'manager.q', 'contact.q', 'eng.q'].map(async (u) => {
      const a = t.agent();
      expect((await a.login(u, TEST_PASSWORD)).statusCode).toBe(200);
      return a;
    }),
  )) as [Agent, Agent, Agent, Agent];
}
const titles = async (a: Agent) => json<TNotificationList>(await a.get('/api/notifications?pageSize=50')).items.map((n) => n.title);
const detail = async (id: string) => json<TAssessmentDetail>(await contact.get(`/api/assessments/${id}`));
/** Every criterion scored: `net` points on the office network's, 9 elsewhere. */
const scoreAll = async (a: Agent, id: string, net: number) => {
  const rows = (await detail(id)).rows;
  return a.put(`/api/assessments/${id}/scores`, {
    scores: rows.map((r) => ({ criterionId: r.id, score: r.line === 'NET' ? net : 9, comment: r.line === 'NET' ? '网络多次中断' : '' })),
  });
};
const audits = async (action: string) =>
  Number(
    (
      await t.ctx.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, action)))
    )[0]!.n,
  );

describe('the criteria', () => {
  it('are the contract’s 附件一 x.3 criteria of the four lines, with their evidence or 人工评分', async () => {
    expect((await eng.get('/api/assessments/criteria')).statusCode).toBe(403);
    const { items } = json<{ items: TCriterion[] }>(await pm.get('/api/assessments/criteria'));
    expect(items).toHaveLength(119);
    expect(new Set(items.map((c) => c.line))).toEqual(new Set(['SM', 'NET', 'SEC', 'VC']));
    expect(items.find((c) => c.id === 'NET-3-1')).toMatchObject({
      itemTitle: '服务热线服务内容',
      text: '服务热线是否畅通',
      evidenceId: 'desk.sla_attainment',
      evidenceAvailable: true,
      maxPoints: 10,
    });
    // The conferences module is not on this site: its criterion is left to the agency.
    expect(items.find((c) => c.id === 'VC-2-1')).toMatchObject({
      text: '系统在会议前是否按规定进行测试',
      evidenceId: 'conferences.pretest',
      evidenceAvailable: false,
    });
    expect(items.find((c) => c.id === 'SM-10-2')).toMatchObject({ text: '配合程度是否满意', evidenceId: null, target: '甲方评定' });
  });
});

describe('a month from draft to signature', () => {
  let sep: string;
  it('waits for the first working day after the National Day holiday, then opens last month’s draft', async () => {
    expect(await openMonthlyDraft(t.ctx, t.registry)).toBeNull(); // 2026-10-07 is a holiday
    await setClock(new Date('2026-10-08T01:00:00Z'));
    expect(await openMonthlyDraft(t.ctx, t.registry)).toBe('2026-09');
    expect(await openMonthlyDraft(t.ctx, t.registry)).toBeNull(); // once
    const list = json<{ items: TAssessment[]; total: number }>(await contact.get('/api/assessments'));
    expect(list.items.map((m) => [m.month, m.state, m.scored, m.criteria])).toEqual([['2026-09', 'draft', 0, 119]]);
    sep = list.items[0]!.id;
    expect(await titles(manager)).toContain('2026-09 月度考核待评分');
    const d = await detail(sep);
    // No tickets on this site: the desk's evidence is read and says so.
    expect(d.rows.find((r) => r.id === 'NET-3-1')!.measured).toMatchObject({ display: '本月无到期的计时', value: null });
    expect(d.rows.find((r) => r.id === 'VC-2-1')!.measured).toBeNull();
  });

  it('is scored by the agency only, within 0–10, and signed once every criterion is scored', async () => {
    expect((await pm.put(`/api/assessments/${sep}/scores`, { scores: [{ criterionId: 'NET-3-1', score: 9 }] })).statusCode).toBe(403);
    const bad = [
      { criterionId: 'NET-3-1', score: 11 },
      { criterionId: 'NET-3-1', score: -1 },
      { criterionId: 'NET-3-1', score: '九' },
      { criterionId: 'NET-3-1', score: 8.5 },
    ];
    for (const b of bad) {
      const r = await contact.put(`/api/assessments/${sep}/scores`, { scores: [b] });
      expect(r.statusCode).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    const unknown = await contact.put(`/api/assessments/${sep}/scores`, {
      scores: [
        { criterionId: 'NET-3-1', score: 9 },
        { criterionId: 'NET-99-1', score: 9 },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ detail: string }>().detail).toBe('考核项不存在：NET-99-1');
    expect((await detail(sep)).scored).toBe(0); // nothing half-written
    const part = json<TAssessmentDetail>(
      await contact.put(`/api/assessments/${sep}/scores`, { scores: [{ criterionId: 'NET-3-1', score: 9, comment: '畅通' }] }),
    );
    expect(part.rows.find((r) => r.id === 'NET-3-1')).toMatchObject({ score: 9, comment: '畅通', scoredByName: 'contact.q' });
    const early = await manager.post(`/api/assessments/${sep}/sign`);
    expect(early.statusCode).toBe(400);
    expect(early.json<{ detail: string }>().detail).toBe('尚有 118 项未评分，全部评分后才能签署');
    expect((await scoreAll(contact, sep, 6)).statusCode).toBe(200);
  });

  it('fails when a line is below 80%: remedies for its low criteria, the PM told; signing twice is refused', async () => {
    const signed = json<TAssessmentDetail>(await manager.post(`/api/assessments/${sep}/sign`));
    expect(signed).toMatchObject({ state: 'signed', result: 'fail', signedByName: 'manager.q', cureRequired: false });
    expect(signed.lineRates!.NET).toMatchObject({ rate: 0.6 });
    expect(signed.lineRates!.SM!.rate).toBe(0.9);
    // No contract on this site: no sum to deduct from.
    expect(signed.deductionAmount).toBeNull();
    const net = signed.rows.filter((r) => r.line === 'NET').length;
    expect(signed.remedies).toHaveLength(net);
    // 10 working days after 2026-10-08, across the make-up Saturday 2026-10-10.
    expect(signed.remedies[0]).toMatchObject({ owner: 'pm.q', dueDate: '2026-10-21', doneAt: null });
    expect(await titles(pm)).toContain('2026-09 月度考核不合格');

    const again = await manager.post(`/api/assessments/${sep}/sign`);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ detail: string }>().detail).toBe('2026-09 的考核已由manager.q签署，不能重复签署');
    const rescore = await contact.put(`/api/assessments/${sep}/scores`, { scores: [{ criterionId: 'NET-3-1', score: 10 }] });
    expect(rescore.statusCode).toBe(409);
    const after = await detail(sep);
    expect(after.signedAt).toBe(signed.signedAt);
    expect(after.rows.find((r) => r.id === 'NET-3-1')!.score).toBe(6);
    expect(await audits('assessment.sign')).toBe(1);
  });

  it('lets the PM close a remedy only with its evidence', async () => {
    const [r] = (await detail(sep)).remedies as [TRemedy];
    expect((await contact.patch(`/api/assessments/remedies/${r.id}`, { done: true, evidence: 'x' })).statusCode).toBe(403);
    const none = await pm.patch(`/api/assessments/remedies/${r.id}`, { done: true });
    expect(none.statusCode).toBe(400);
    expect(none.json<{ detail: string }>().detail).toContain('完成整改须填写完成证据');
    expect((await pm.patch(`/api/assessments/remedies/${r.id}`, { dueDate: '2026-13-01' })).statusCode).toBe(400);
    const done = json<TRemedy>(await pm.patch(`/api/assessments/remedies/${r.id}`, { evidence: '已更换上联光模块', done: true }));
    expect(done).toMatchObject({ evidence: '已更换上联光模块', doneByName: 'pm.q' });
    expect((await pm.patch(`/api/assessments/remedies/${r.id}`, { owner: '别人' })).statusCode).toBe(409);
    const open = json<{ total: number }>(await pm.get('/api/assessments/remedies?open=true'));
    expect(open.total).toBe((await detail(sep)).remedies.length - 1);
  });
});

describe('two failed months in a row', () => {
  let oct: string;
  it('ask for the agency’s written notice; the cure clock runs 30 days from it, then the termination right', async () => {
    await setClock(new Date('2026-11-02T01:00:00Z'));
    const future = await pm.post('/api/assessments', { month: '2026-11' });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ detail: string }>().detail).toContain('尚未结束');
    expect((await pm.post('/api/assessments', { month: '2026-9' })).statusCode).toBe(400);
    expect((await pm.post('/api/assessments', { month: '0000-01' })).statusCode).toBe(400);
    expect((await pm.post('/api/assessments', { month: '2026-13' })).statusCode).toBe(400);
    expect((await contact.post('/api/assessments', { month: '2026-10' })).statusCode).toBe(403);
    oct = json<TAssessment>(await pm.post('/api/assessments', { month: '2026-10' })).id;
    expect((await pm.post('/api/assessments', { month: '2026-10' })).statusCode).toBe(409);
    await scoreAll(manager, oct, 7);
    const signed = json<TAssessmentDetail>(await manager.post(`/api/assessments/${oct}/sign`));
    expect(signed).toMatchObject({ result: 'fail', cureRequired: true, noticeDate: null, terminationRight: null });
    // The PM hears of it (the manager who signed is not told of their own act).
    expect(await titles(pm)).toContain('2026-10 月度考核不合格（连续第二个月）');

    expect((await manager.post(`/api/assessments/${oct}/notice`, { noticeDate: '2026-11-30' })).statusCode).toBe(400); // future
    expect((await manager.post(`/api/assessments/${oct}/cure`, { curedOn: '2026-11-02', note: '已纠正' })).statusCode).toBe(409);
    const noticed = json<TAssessmentDetail>(await manager.post(`/api/assessments/${oct}/notice`, { noticeDate: '2026-11-02' }));
    expect(noticed).toMatchObject({ noticeDate: '2026-11-02', cureDue: '2026-12-02' });
    expect(await titles(pm)).toContain('甲方书面通知纠正违约：须于 2026-12-02 前纠正');
    expect((await manager.post(`/api/assessments/${oct}/notice`, { noticeDate: '2026-11-02' })).statusCode).toBe(409);

    await setClock(30 * DAY); // 2026-12-02: the last day of the clock
    expect(await checkCureClocks(t.ctx)).toBe(0);
    await setClock(DAY);
    expect(await checkCureClocks(t.ctx)).toBe(1);
    expect(await checkCureClocks(t.ctx)).toBe(0); // once
    expect((await detail(oct)).terminationRight).toBe('uncured_breach');
    for (const a of [pm, manager]) expect(await titles(a)).toContain('甲方取得合同解除权：连续两个月考核不合格，书面通知后 30 日内未纠正');
    expect(await titles(contact)).not.toContain('甲方取得合同解除权：连续两个月考核不合格，书面通知后 30 日内未纠正');
    const late = await manager.post(`/api/assessments/${oct}/cure`, { curedOn: '2026-12-01', note: '已纠正' });
    expect(late.statusCode).toBe(409);
  });

  it('a month passed after a failed one asks for nothing; a major security incident flags the right at once', async () => {
    const nov = json<TAssessment>(await pm.post('/api/assessments', { month: '2026-11' })).id;
    await scoreAll(contact, nov, 9);
    const passed = json<TAssessmentDetail>(await contact.post(`/api/assessments/${nov}/sign`));
    expect(passed).toMatchObject({ result: 'pass', cureRequired: false, remedies: [] });
    expect((await contact.post(`/api/assessments/${nov}/incident`, { date: '2026-11-20', note: '  ' })).statusCode).toBe(400);
    const flagged = json<TAssessmentDetail>(
      await contact.post(`/api/assessments/${nov}/incident`, { date: '2026-11-20', note: '门户网站被篡改，历时 3 小时' }),
    );
    expect(flagged).toMatchObject({ incidentDate: '2026-11-20', terminationRight: 'security_incident' });
    expect(await titles(manager)).toContain('甲方取得合同解除权：发生重大安全事件');
    expect((await contact.post(`/api/assessments/${nov}/incident`, { date: '2026-11-21', note: '又一次' })).statusCode).toBe(409);
  });

  it('shows the trend per line and per criterion over the last 12 months', async () => {
    const tr = json<{ months: string[]; lines: Record<string, (number | null)[]>; criterion: { scores: (number | null)[] } }>(
      await contact.get('/api/assessments/trend?criterion=NET-3-1'),
    );
    expect(tr.months).toHaveLength(12);
    expect(tr.months.slice(-3)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(tr.lines.NET!.slice(-3)).toEqual([60, 70, 90]);
    expect(tr.lines.SM!.slice(-4)).toEqual([null, 90, 90, 90]);
    expect(tr.criterion.scores.slice(-3)).toEqual([6, 7, 9]);
    expect((await contact.get('/api/assessments/trend?criterion=XX-1-1')).statusCode).toBe(400);
    const failed = json<{ items: TAssessment[] }>(await contact.get('/api/assessments?result=fail'));
    expect(failed.items.map((m) => m.month)).toEqual(['2026-10', '2026-09']);
  });
});
