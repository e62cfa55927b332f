// Improvement requests (R-SD-12) through the API: submitted by agency staff, assessed, accepted and
// implemented by the PM, evaluated by the agency contact; each step audited and notified.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TImprovement } from '../../../common/improve.ts';
import type { TNotificationList } from '../../../common/notify.ts';
import { auditLog } from '../../kernel/db/tables.ts';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { xlsxRows } from '../../test/xlsx.ts';
import { improve } from './module.ts';
import { modules } from '../index.ts';

let t: TestApp;
let staff: Agent;
let pm: Agent;
let contact: Agent;
let eng: Agent;
beforeAll(async () => {
  t = await testApp({ modules });
  staff = await t.userAgent('staff.i', ['agency_staff']);
  pm = await t.userAgent('pm.i', ['contractor_pm']);
  contact = await t.userAgent('contact.i', ['agency_contact']);
  eng = await t.userAgent('eng.i', ['engineer'], { serviceLines: ['NET'] });
});
afterAll(async () => {
  await t.close();
});

const ask = { serviceLine: 'NET', title: '报修后短信告知工程师姓名', reason: '不知道谁来、何时到' };
const act = (a: Agent, id: string, body: Record<string, unknown>) => a.post(`/api/improvements/${id}/actions`, body);
const titles = async (a: Agent) => json<TNotificationList>(await a.get('/api/notifications?pageSize=50')).items.map((n) => n.title);

describe('an improvement request from request to evaluated result', () => {
  it('is in the module list the kernel runs', () => {
    expect(modules).toContain(improve);
  });

  it('goes 提出 → 评估中 → 已采纳 → 已实施 → 已评价, each step by its own people', async () => {
    expect((await eng.post('/api/improvements', ask)).statusCode).toBe(403);
    const r = await staff.post('/api/improvements', ask);
    expect(r.statusCode).toBe(201);
    const imp = json<TImprovement>(r);
    expect(imp).toMatchObject({ status: 'proposed', submittedByName: 'staff.i' });
    expect(imp.number).toMatch(/^GJ-\d{4}$/);
    expect(await titles(pm)).toContain(`${imp.number} 新的改进建议：${ask.title}`);

    // The submitter cannot decide on it; an agency contact cannot evaluate what is not implemented.
    expect((await act(staff, imp.id, { action: 'accept', note: '自己采纳' })).statusCode).toBe(403);
    expect((await act(contact, imp.id, { action: 'evaluate', result: 'met' })).statusCode).toBe(409);
    expect(json<TImprovement>(await act(pm, imp.id, { action: 'assess' })).status).toBe('assessing');
    expect((await act(pm, imp.id, { action: 'accept', note: '  ' })).statusCode).toBe(400); // a decision says why
    expect((await act(pm, imp.id, { action: 'implement', note: '先实施' })).statusCode).toBe(409); // not accepted yet
    const accepted = json<TImprovement>(await act(pm, imp.id, { action: 'accept', note: '派单时发送短信' }));
    expect(accepted).toMatchObject({ status: 'accepted', decidedByName: 'pm.i', decisionNote: '派单时发送短信' });
    expect(accepted.decidedAt).not.toBeNull();
    await act(pm, imp.id, { action: 'implement', note: '已上线' });
    expect(await titles(contact)).toContain(`${imp.number} 改进建议已实施：${ask.title}`);
    expect((await act(pm, imp.id, { action: 'evaluate', result: 'met' })).statusCode).toBe(403);
    const done = json<TImprovement>(await act(contact, imp.id, { action: 'evaluate', result: 'partly', note: '夜间未发送' }));
    expect(done).toMatchObject({ status: 'evaluated', result: 'partly', evaluationNote: '夜间未发送', evaluatedByName: 'contact.i' });
    expect((await act(contact, imp.id, { action: 'evaluate', result: 'met' })).statusCode).toBe(409);

    // The submitter heard of every step; every step is in the audit log.
    const mine = await titles(staff);
    for (const s of ['评估中', '已采纳', '已实施', '已评价']) expect(mine).toContain(`${imp.number} 改进建议${s}：${ask.title}`);
    const steps = await t.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'improvement'), eq(auditLog.objectId, imp.id)));
    expect(steps.map((s) => s.action)).toEqual([
      'improvement.create',
      'improvement.assess',
      'improvement.accept',
      'improvement.implement',
      'improvement.evaluate',
    ]);
  });

  it('can be declined, which ends it', async () => {
    const imp = json<TImprovement>(await staff.post('/api/improvements', { ...ask, serviceLine: 'SM', title: '大屏显示值班人' }));
    expect(json<TImprovement>(await act(pm, imp.id, { action: 'reject', note: '大屏为监控专用' })).status).toBe('rejected');
    expect((await act(pm, imp.id, { action: 'implement', note: 'x' })).statusCode).toBe(409);
  });

  it('lists by state, line, keyword and 我提出的, newest first', async () => {
    await contact.post('/api/improvements', { serviceLine: 'VC', title: '会前联调', reason: '麦克风无声' });
    const list = async (q: string) => json<{ items: TImprovement[]; total: number }>(await eng.get(`/api/improvements${q}`));
    expect((await list('')).items.map((i) => i.title)).toEqual(['会前联调', '大屏显示值班人', ask.title]);
    expect((await list('?status=rejected')).items.map((i) => i.title)).toEqual(['大屏显示值班人']);
    expect((await list('?serviceLine=VC')).total).toBe(1);
    expect((await list('?q=短信')).items.map((i) => i.title)).toEqual([ask.title]);
    const mine = json<{ total: number }>(await staff.get('/api/improvements?mine=true'));
    expect(mine.total).toBe(2);
    expect((await eng.get('/api/improvements/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('exports the filtered list as an Excel workbook with names, not codes', async () => {
    const rows = await xlsxRows(await eng.get('/api/improvements/export?serviceLine=VC'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(1, 6)).toEqual(['GJ-0003', '视频会议系统维护', '会前联调', '麦克风无声', '提出']);
  });
});
