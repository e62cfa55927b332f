// Video-conference support (issue 14 point 3, R-INS-04): the seeded endpoints of the five systems, a
// meeting's joint test per endpoint and room device (encryption only where the system is encrypted),
// tested in time or not, a problem that becomes a VC ticket, the support record after the meeting
// began, the reminder two hours before an untested meeting, permissions, and the evidence it yields.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TEndpoint, TMeeting, TMeetingInput } from '../../../common/conferences.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { remindUntested, pretestEvidence } from './watch.ts';

const BASE = '/api/conferences/meetings';
const clock = new Clock(new Date('2025-09-29T09:00:00+08:00'));
let t: TestApp;
let vc: Agent;
let pm: Agent;
let contact: Agent;

let n = 0;
beforeAll(async () => {
  t = await testApp({ clock });
});
// Fresh sign-ins for each test: the clock moves past the idle timeout between them.
beforeEach(async () => {
  n++;
  vc = await t.userAgent(`eng.vc.${n}`, ['engineer'], { serviceLines: ['VC'] });
  pm = await t.userAgent(`pm.${n}`, ['contractor_pm']);
  contact = await t.userAgent(`contact.${n}`, ['agency_contact']);
});
afterAll(() => t?.close());

const hours = (h: number) => new Date(clock.now().getTime() + h * 3600_000).toISOString();
async function plan(agent: Agent, input: Partial<TMeetingInput> & Pick<TMeetingInput, 'system'>): Promise<TMeeting> {
  const res = await agent.post(BASE, { title: '测试会议', startAt: hours(24), endAt: hours(26), ...input });
  expect(res.statusCode, res.body).toBe(201);
  return json<TMeeting>(res);
}
const check = (agent: Agent, id: string, target: string, item: string, result: string) =>
  agent.post(`${BASE}/${id}/checks`, { target, item, result, note: result === 'fail' ? '无图像' : '' });

describe('conference support', () => {
  it('seeds the endpoints of the five systems: seventeen districts, the city government, the ministry', async () => {
    const eps = json<TEndpoint[]>(await vc.get('/api/conferences/endpoints'));
    expect(eps.filter((e) => e.systems.includes('city_district'))).toHaveLength(17);
    expect(eps.filter((e) => e.systems.includes('gov_encrypted')).map((e) => e.name)).toEqual(['市政府会场']);
    expect(eps.filter((e) => e.systems.includes('ministry')).map((e) => e.name)).toEqual(['人力资源社会保障部会场']);
  });

  it('keeps endpoints: a new one joins its systems, a duplicate name is refused, a retired one is left out', async () => {
    const res = await vc.post('/api/conferences/endpoints', { name: '北京市社保中心会场', systems: ['city_district'] });
    expect(res.statusCode, res.body).toBe(201);
    const ep = json<TEndpoint>(res);
    expect((await vc.post('/api/conferences/endpoints', { name: '北京市社保中心会场', systems: ['emergency'] })).statusCode).toBe(409);
    expect((await contact.post('/api/conferences/endpoints', { name: '甲方新会场', systems: ['emergency'] })).statusCode).toBe(403);
    const retired = await vc.put(`/api/conferences/endpoints/${ep.id}`, { name: ep.name, systems: ['city_district'], active: false });
    expect(json<TEndpoint>(retired).active).toBe(false);
    const m = await plan(pm, { system: 'city_district' });
    expect(m.endpoints.map((e) => e.name)).not.toContain('北京市社保中心会场');
  });

  it('tests every district on audio, video and content sharing, and the room devices', async () => {
    const m = await plan(contact, { system: 'city_district' });
    expect(m.endpoints).toHaveLength(17);
    expect(m.needed).toBe(17 * 3 + 3);
    expect(m.checks.some((c) => c.item === 'encryption')).toBe(false);
    expect(m.state).toBe('planned');
  });

  it('an encrypted meeting checks encryption; complete in time, it counts as tested before it began', async () => {
    const m = await plan(pm, { system: 'gov_encrypted', startAt: hours(3), endAt: hours(5) });
    expect(m.checks.map((c) => `${c.targetName}/${c.item}`)).toEqual([
      '市政府会场/audio',
      '市政府会场/video',
      '市政府会场/content',
      '市政府会场/encryption',
      '会议室/display',
      '会议室/room_audio',
      '会议室/projector',
    ]);
    const gov = m.endpoints[0]!.id;
    for (const item of ['audio', 'content', 'encryption']) expect((await check(vc, m.id, gov, item, 'ok')).statusCode).toBe(200);
    const failed = json<TMeeting>(await check(vc, m.id, gov, 'video', 'fail'));
    expect([failed.failed, failed.state]).toEqual([1, 'planned']);
    for (const item of ['display', 'room_audio', 'projector']) await check(vc, m.id, 'room', item, 'ok');
    // The retest of the video is what counts.
    const done = json<TMeeting>(await check(vc, m.id, gov, 'video', 'ok'));
    expect([done.checked, done.needed, done.failed, done.state]).toEqual([7, 7, 0, 'tested']);
    expect(done.testedInTime).toBeNull(); // not begun yet
    clock.advance(4 * 3600_000);
    const later = await t.userAgent(`eng.vc.later`, ['engineer'], { serviceLines: ['VC'] });
    expect(json<TMeeting>(await later.get(`${BASE}/${m.id}`)).testedInTime).toBe(true);
  });

  it('refuses a check of an endpoint not in the meeting, or of an item the system has not', async () => {
    const m = await plan(pm, { system: 'city_district' });
    const gov = json<TEndpoint[]>(await vc.get('/api/conferences/endpoints')).find((e) => e.name === '市政府会场')!;
    const res = await check(vc, m.id, gov.id, 'audio', 'ok');
    expect(res.statusCode).toBe(400);
    expect(json<{ code: string }>(res).code).toBe('conference.check');
    expect((await check(vc, m.id, m.endpoints[0]!.id, 'encryption', 'ok')).statusCode).toBe(400);
    // An endpoint of another system cannot be invited either.
    const bad = await pm.post(BASE, { title: '错会场', system: 'ministry', startAt: hours(1), endAt: hours(2), endpointIds: [gov.id] });
    expect(bad.statusCode).toBe(400);
  });

  it('a problem during the meeting becomes a fault ticket on the VC line, linked to the meeting', async () => {
    const m = await plan(pm, { system: 'emergency', startAt: hours(-1), endAt: hours(1) });
    const res = await vc.post(`${BASE}/${m.id}/problems`, { title: '房山区会场无声音', description: '声音中断约 3 分钟' });
    expect(res.statusCode, res.body).toBe(201);
    const p = json<TMeeting>(res).problems[0]!;
    const ticket = json<{ serviceLine: string; channel: string; title: string }>(await vc.get(`/api/tickets/${p.ticketId}`));
    expect(ticket).toMatchObject({ serviceLine: 'VC', channel: 'onsite', title: '【测试会议】房山区会场无声音' });
  });

  it('the support record needs the meeting to have begun, ends it, and nothing is recorded after', async () => {
    const m = await plan(pm, { system: 'ministry', startAt: hours(2), endAt: hours(3) });
    const early = await vc.post(`${BASE}/${m.id}/record`, { record: '会议正常' });
    expect([early.statusCode, json<{ code: string }>(early).code]).toEqual([409, 'conference.not_started']);
    clock.advance(2.5 * 3600_000);
    vc = await t.userAgent(`eng.vc.${n}.later`, ['engineer'], { serviceLines: ['VC'] });
    const closed = json<TMeeting>(await vc.post(`${BASE}/${m.id}/record`, { record: '会议正常，部会场图像清晰。' }));
    expect([closed.state, closed.record, closed.testedInTime]).toEqual(['done', '会议正常，部会场图像清晰。', false]);
    expect((await vc.post(`${BASE}/${m.id}/record`, { record: '再写一次' })).statusCode).toBe(409);
    expect((await check(vc, m.id, 'room', 'display', 'ok')).statusCode).toBe(409);
  });

  it('reminds the PM and the VC engineers once, two hours before a meeting not yet tested', async () => {
    const m = await plan(contact, { system: 'gov_plain', title: '市政府专题会', startAt: hours(1.5), endAt: hours(3) });
    expect(await remindUntested(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await remindUntested(t.ctx)).toBe(0);
    for (const who of [pm, vc]) {
      const inbox = json<{ items: { title: string }[] }>(await who.get('/api/notifications?pageSize=50'));
      expect(inbox.items.filter((n) => n.title.includes(m.title))).toHaveLength(1);
    }
  });

  it('lets the agency schedule but not record tests; the vendor sees nothing', async () => {
    const staff = await t.userAgent('staff.t', ['agency_staff']);
    const vendor = await t.userAgent('vendor.t', ['third_party']);
    const m = await plan(contact, { system: 'city_district' });
    expect((await check(contact, m.id, 'room', 'display', 'ok')).statusCode).toBe(403);
    expect((await staff.get(`${BASE}/${m.id}`)).statusCode).toBe(200);
    expect((await staff.post(BASE, { title: 'x', system: 'ministry', startAt: hours(1), endAt: hours(2) })).statusCode).toBe(403);
    expect((await vendor.get(BASE)).statusCode).toBe(403);
    const bad = await pm.post(BASE, { title: '倒序', system: 'ministry', startAt: hours(2), endAt: hours(1) });
    expect(bad.statusCode).toBe(400);
  });

  it('gives the reports the meetings held, how many were tested before they began, and the problems', async () => {
    const from = new Date('2025-09-01T00:00:00+08:00').toISOString();
    const r = (await pretestEvidence.read(t.ctx, { from, to: clock.now().toISOString() })) as {
      meetings: number;
      testedInTime: number;
      testedInTimePct: number | null;
      problems: number;
    };
    // Begun so far: the encrypted meeting (tested in time), the emergency one (untested, one problem)
    // and the ministry's (untested); the city government's begins in an hour and is not counted yet.
    expect(r).toMatchObject({ meetings: 3, testedInTime: 1, testedInTimePct: 33.3, problems: 1 });
  });
});
