// Self-service (自助报修, issue 11 point 13): the form starts from the requester's phone, department and
// usual site; a phone is required when none is on file, on the server as in the form; the lines come
// with what they cover, their hotline hours and their 7×24 emergency phone (R-SD-01, R-SD-11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSelfService } from '../../../common/desk-self.ts';
import type { TTicket } from '../../../common/desk.ts';
import { Clock, TEST_PASSWORD, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Agent;
let bare: Agent;
let duty: Agent;
beforeAll(async () => {
  t = await testApp({ demo: true, clock: new Clock(new Date('2026-11-24T02:00:00Z')) });
  staff = t.agent();
  expect((await staff.login('agency.staff', TEST_PASSWORD)).statusCode).toBe(200);
  duty = t.agent();
  expect((await duty.login('duty', TEST_PASSWORD)).statusCode).toBe(200);
  // An account with no phone and no person record.
  bare = await t.userAgent('staff.nophone', ['agency_staff']);
});
afterAll(async () => {
  await t.close();
});

const report = { serviceLine: 'NET', category: 'fault', severity: 'medium', title: '办公室电脑无法上网' };

describe('the self-service form', () => {
  it('is pre-filled with the phone and department on file, and lists every line with its phones and hours', async () => {
    const r = json<TSelfService>(await staff.get('/api/desk/self-service'));
    expect(r.requester).toMatchObject({ name: '赵晓燕', phone: '13581690243', phoneOnFile: true, department: '就业促进处' });
    expect(r.lines.map((l) => l.code)).toEqual(['SM', 'NET', 'SEC', 'VC']);
    const sm = r.lines.find((l) => l.code === 'SM')!;
    // R-SD-11: the 5×9 SM line still has a number answered 7×24.
    expect(sm).toMatchObject({ name: '安全监控系统运行保障', hoursProfile: '5x9', emergencyPhone: '010-88142199' });
    expect(sm.summary.length).toBeGreaterThan(5);
    for (const l of r.lines) expect(l.emergencyPhone, l.code).not.toBe('');
  });

  it('offers the site of the requester’s latest ticket that named one as the usual site', async () => {
    const sites = json<{ items: { id: string; name: string }[] }>(await duty.get('/api/sites?pageSize=50')).items;
    const site = sites.find((s) => s.name.includes('六里桥')) ?? sites[0]!;
    const r = await staff.post('/api/tickets', { ...report, siteId: site.id });
    expect(r.statusCode).toBe(201);
    t.clock.advance(60_000);
    await staff.post('/api/tickets', { ...report, title: '没有写地点的报修' });
    const info = json<TSelfService>(await staff.get('/api/desk/self-service'));
    expect(info.requester).toMatchObject({ siteId: site.id, siteName: site.name });
  });

  it('files with the phone and department on file when the requester leaves them empty', async () => {
    const r = await staff.post('/api/tickets', { ...report, requesterPhone: '', requesterDepartment: '' });
    expect(r.statusCode).toBe(201);
    expect(json<TTicket>(r)).toMatchObject({
      requesterName: '赵晓燕',
      requesterPhone: '13581690243',
      requesterDepartment: '就业促进处',
      channel: 'web',
    });
  });

  it('requires a phone from an account that has none on file, and takes the one given', async () => {
    const info = json<TSelfService>(await bare.get('/api/desk/self-service'));
    expect(info.requester).toMatchObject({ phone: '', phoneOnFile: false, department: '', siteId: null });
    const before = json<{ total: number }>(await bare.get('/api/tickets')).total;
    const refused = await bare.post('/api/tickets', report);
    expect(refused.statusCode).toBe(400);
    expect(json(refused)).toMatchObject({ code: 'desk.phone_required' });
    expect(json<{ total: number }>(await bare.get('/api/tickets')).total).toBe(before);
    const ok = await bare.post('/api/tickets', { ...report, requesterPhone: '010-6316 7000' });
    expect(ok.statusCode).toBe(201);
    expect(json<TTicket>(ok).requesterPhone).toBe('010-6316 7000');
  });

  it('leaves the duty operator free to log a call without a number', async () => {
    const r = await duty.post('/api/tickets', { ...report, requesterName: '匿名来电' });
    expect(r.statusCode).toBe(201);
    expect(json<TTicket>(r).requesterPhone).toBe('');
  });
});
