// R-DUT-02 through the API: the project manager submits the duty rules, the agency returns them, the
// second version is confirmed; the first can no longer be reviewed; the agency's home to-do; only the
// agency confirms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDutyDoc } from '../../../common/duty.ts';
import type { THome } from '../../../common/home.api.ts';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let pm: Agent;
let contact: Agent;
let eng: Agent;

beforeAll(async () => {
  t = await testApp();
  pm = await t.userAgent('pm.docs', ['contractor_pm']);
  contact = await t.userAgent('contact.docs', ['agency_contact']);
  eng = await t.userAgent('eng.docs', ['engineer'], { serviceLines: ['NET'] });
});
afterAll(async () => {
  await t?.close();
});

const todo = async (a: Agent) => json<THome>(await a.get('/api/home')).sections.find((s) => s.id === 'duty.docs_to_confirm');

describe('duty rules and emergency procedures', () => {
  it('are versioned per kind and confirmed by the agency', async () => {
    const body = { kind: 'emergency_procedure', title: '网络中断应急预案', body: '一、核心交换机故障：15 分钟内到场……' };
    expect((await eng.post('/api/duty/docs', body)).statusCode).toBe(403);
    const v1 = json<TDutyDoc>(await pm.post('/api/duty/docs', body));
    expect(v1).toMatchObject({ version: 1, state: 'submitted' });
    expect((await todo(contact))?.count).toBe(1);
    expect((await pm.post(`/api/duty/docs/${v1.id}/review`, { confirm: true })).statusCode).toBe(403);
    const returned = json<TDutyDoc>(
      await contact.post(`/api/duty/docs/${v1.id}/review`, { confirm: false, comment: '补充视频会议中断的处置' }),
    );
    expect(returned).toMatchObject({ state: 'returned', comment: '补充视频会议中断的处置', reviewedByName: 'contact.docs' });
    const again = await contact.post(`/api/duty/docs/${v1.id}/review`, { confirm: true });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');

    const v2 = json<TDutyDoc>(await pm.post('/api/duty/docs', { ...body, body: `${body.body}\n二、视频会议中断：……` }));
    expect(v2.version).toBe(2);
    // A duty rules document numbers its own versions.
    const rules = json<TDutyDoc>(
      await pm.post('/api/duty/docs', { kind: 'duty_rules', title: '值班制度', body: '5×9 驻场，二线 7×24 值守电话' }),
    );
    expect(rules.version).toBe(1);
    expect(json<TDutyDoc>(await contact.post(`/api/duty/docs/${v2.id}/review`, { confirm: true })).state).toBe('confirmed');
    const list = json<{ items: TDutyDoc[]; total: number }>(await eng.get('/api/duty/docs?kind=emergency_procedure'));
    expect(list.items.map((d) => [d.version, d.state])).toEqual([
      [2, 'confirmed'],
      [1, 'returned'],
    ]);
    expect((await todo(contact))?.count).toBe(1); // the rules still await
  });

  it('an older version cannot be reviewed once a newer one is submitted', async () => {
    const a = json<TDutyDoc>(await pm.post('/api/duty/docs', { kind: 'duty_rules', title: '值班制度', body: '第二版' }));
    const old = json<{ items: TDutyDoc[] }>(await pm.get('/api/duty/docs?kind=duty_rules')).items.find((d) => d.version === 1)!;
    const r = await contact.post(`/api/duty/docs/${old.id}/review`, { confirm: true });
    expect(r.statusCode).toBe(409);
    expect(json<{ code: string }>(r).code).toBe('duty.doc_superseded');
    expect(json<TDutyDoc>(await contact.post(`/api/duty/docs/${a.id}/review`, { confirm: true })).state).toBe('confirmed');
  });
});
