// R-INS-02/03: the quarterly NET inspection plan goes to the agency, is returned with an objection,
// comes back as version 2 and is approved; only the agency decides; the quarter's report is drafted
// from its sheets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPlan } from '../../../common/inspections.ts';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let eng: Agent;
let contact: Agent;
let manager: Agent;

beforeAll(async () => {
  t = await testApp();
  eng = await t.userAgent('eng.plan', ['engineer'], { serviceLines: ['NET'] });
  contact = await t.userAgent('contact.plan', ['agency_contact']);
  manager = await t.userAgent('manager.plan', ['agency_manager']);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const decide = (a: Agent, id: string, body: object) => a.post(`/api/inspections/plans/${id}/decision`, body);

describe('inspection plans', () => {
  it('are approved by the agency, a returned one resubmitted as a new version', async () => {
    const bad = await eng.post('/api/inspections/plans', { kind: 'quarterly_plan', year: 2025, title: 'x', body: 'y' });
    expect(bad.statusCode).toBe(422); // a quarterly plan names its quarter
    const r = await eng.post('/api/inspections/plans', {
      kind: 'quarterly_plan',
      year: 2025,
      quarter: 4,
      title: '2025 年第 4 季度网络巡检计划',
      body: '第一版',
    });
    expect(r.statusCode, r.body).toBe(201);
    const p = json<TPlan>(r);
    expect(p).toMatchObject({ state: 'submitted', version: 1 });
    const bell = json<{ items: { event: string }[] }>(await contact.get('/api/notifications')).items;
    expect(bell.some((n) => n.event === 'inspection.plan_to_approve')).toBe(true);
    expect((await decide(eng, p.id, { decision: 'approved' })).statusCode).toBe(403);
    expect((await decide(contact, p.id, { decision: 'returned' })).statusCode).toBe(422); // an objection says why
    expect((await decide(contact, p.id, { decision: 'returned', comment: '请补充汇聚交换机' })).statusCode).toBe(200);
    expect((await decide(manager, p.id, { decision: 'approved' })).statusCode).toBe(409); // nothing awaits a decision
    const v2 = await eng.post(`/api/inspections/plans/${p.id}/versions`, { body: '第二版：含汇聚交换机' });
    expect(v2.statusCode, v2.body).toBe(200);
    expect(json<TPlan>(v2)).toMatchObject({ state: 'submitted', version: 2 });
    const ok = json<TPlan>(await decide(manager, p.id, { decision: 'approved' }));
    expect(ok.state).toBe('approved');
    expect(ok.versions.map((v) => [v.version, v.decision, v.comment])).toEqual([
      [1, 'returned', '请补充汇聚交换机'],
      [2, 'approved', null],
    ]);
    expect(ok.versions[0]!.body).toBe('第一版');
    expect((await eng.post(`/api/inspections/plans/${p.id}/versions`, { body: '第三版' })).statusCode).toBe(409);
  });

  it('drafts the quarter report from the sheets', async () => {
    const r = await eng.get('/api/inspections/plans/report-draft?year=2025&quarter=4');
    expect(r.statusCode, r.body).toBe(200);
    expect(json<{ body: string }>(r).body).toContain('本季度生成巡检单 0 份');
  });
});
