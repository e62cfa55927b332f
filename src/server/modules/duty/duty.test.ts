// The duty module through its API (issue 14 point 4): rosters published on the business calendar
// (gaps refused unless acknowledged), who is on call (the duty operator may ask; unauthenticated 401;
// bad line or time 400), overrides (overlap refused, the project manager approves, the home to-do),
// onDutyNow for other modules, handovers, attendance and the calendar feed without a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../../common/calendar.ts';
import type { TOnCall, TOverride, TRosterDetail } from '../../../common/duty.ts';
import type { THome } from '../../../common/home.api.ts';
import { shippedEntries } from '../../kernel/calendar/service.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { onDutyNow } from './api.ts';

let t: TestApp;
let pm: Agent;
let eng1: Agent;
let eng2: Agent;
let op: Agent;
let agency: Agent;
const ids: Record<string, string> = {};
const clock = new Clock(new Date('2025-09-15T10:00:00+08:00'));

const me = async (a: Agent) => json<{ id: string }>(await a.get('/api/auth/me')).id;
const onCall = async (a: Agent, line: string, at: string) => a.get(`/api/duty/on-call?line=${line}&at=${encodeURIComponent(at)}`);
const layers = (who: { eng: string; other: string; pm: string }) => [
  { layer: 'resident', members: [who.eng], rotation: 'all', handoff: '09:00', restriction: 'working-hours' },
  { layer: 'on-call', members: [who.eng, who.other], rotation: 'weekly', handoff: '09:00', restriction: 'outside-working-hours' },
  { layer: 'holiday-special', members: [who.pm], rotation: 'all', handoff: '09:00', restriction: 'special-holidays' },
];

beforeAll(async () => {
  t = await testApp({ clock });
  pm = await t.userAgent('pm.duty', ['contractor_pm'], { phone: '13800000001' });
  eng1 = await t.userAgent('eng1.duty', ['engineer'], { serviceLines: ['NET'], phone: '13800000002' });
  eng2 = await t.userAgent('eng2.duty', ['engineer'], { serviceLines: ['NET'] });
  op = await t.userAgent('op.duty', ['duty_operator']);
  agency = await t.userAgent('agency.duty', ['agency_contact']);
  for (const [k, a] of Object.entries({ pm, eng1, eng2 })) ids[k] = await me(a);
});
afterAll(async () => {
  await t?.close();
});

describe('duty', () => {
  let net: TRosterDetail;

  it('the project manager publishes a full NET roster for 2025; an engineer may not', async () => {
    const body = {
      line: 'NET',
      name: 'NET 2025',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      layers: layers({ eng: ids.eng1!, other: ids.eng2!, pm: ids.pm! }),
    };
    expect((await eng1.post('/api/duty/rosters', body)).statusCode).toBe(403);
    const r = await pm.post('/api/duty/rosters', body);
    expect(r.statusCode, r.body).toBe(201);
    net = json<TRosterDetail>(r);
    expect(json<{ gaps: unknown[] }>(await pm.get(`/api/duty/rosters/${net.id}/gaps`)).gaps).toEqual([]);
    const p = await pm.post(`/api/duty/rosters/${net.id}/publish`, {});
    expect(p.statusCode, p.body).toBe(200);
    expect(json<TRosterDetail>(p)).toMatchObject({ state: 'published', version: 1 });
  });

  it('a roster with gaps is flagged with the uncovered hours and published only when acknowledged', async () => {
    const r = json<TRosterDetail>(
      await pm.post('/api/duty/rosters', {
        line: 'SEC',
        name: 'SEC 五一',
        periodStart: '2025-04-30',
        periodEnd: '2025-05-01',
        layers: [{ layer: 'resident', members: [ids.eng1], rotation: 'all', handoff: '09:00', restriction: 'working-hours' }],
      }),
    );
    const gaps = json<{ gaps: { start: string; end: string; hours: number }[]; totalHours: number }>(
      await pm.get(`/api/duty/rosters/${r.id}/gaps`),
    );
    // 04-30 (Wednesday) before 09:00 and after 18:00, then 05-01 the holiday: 9 + 30 hours.
    expect(gaps.gaps).toEqual([
      { start: '2025-04-29T16:00:00.000Z', end: '2025-04-30T01:00:00.000Z', hours: 9 },
      { start: '2025-04-30T10:00:00.000Z', end: '2025-05-01T16:00:00.000Z', hours: 30 },
    ]);
    const refused = await pm.post(`/api/duty/rosters/${r.id}/publish`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(json<{ code: string; detail: string; totalHours: number }>(refused)).toMatchObject({ code: 'duty.gaps', totalHours: 39 });
    expect(json<{ detail: string }>(refused).detail).toContain('无人值守');
    expect(json<TRosterDetail>(await pm.get(`/api/duty/rosters/${r.id}`)).state).toBe('draft');
    const ok = await pm.post(`/api/duty/rosters/${r.id}/publish`, { acknowledgeGaps: true });
    expect(json<TRosterDetail>(ok).versions).toEqual([expect.objectContaining({ version: 1, gapHours: 39 })]);
  });

  it('the duty operator and the agency see who is on call; strangers get 401; bad input 400', async () => {
    const r = await onCall(op, 'NET', '2025-10-01T03:00:00+08:00');
    expect(r.statusCode, r.body).toBe(200);
    const body = json<TOnCall>(r);
    expect(body.line).toBe('NET');
    expect(body.at).toBe('2025-09-30T19:00:00.000Z');
    expect(body.people.map((p) => p.layer).sort()).toEqual(['holiday-special', 'on-call']);
    expect(body.people.find((p) => p.layer === 'holiday-special')).toEqual({
      username: 'pm.duty',
      displayName: 'pm.duty',
      phone: '13800000001',
      layer: 'holiday-special',
    });
    // A make-up Saturday: the resident is on post.
    const sat = json<TOnCall>(await onCall(agency, 'NET', '2025-10-11T10:00:00+08:00'));
    expect(sat.people).toEqual([{ username: 'eng1.duty', displayName: 'eng1.duty', phone: '13800000002', layer: 'resident' }]);
    expect((await onCall(t.agent(), 'NET', '2025-10-01T03:00:00+08:00')).statusCode).toBe(401);
    for (const bad of [
      onCall(op, 'XYZ', '2025-10-01T03:00:00+08:00'),
      onCall(op, 'NET', '2025-13-01T03:00'),
      onCall(op, 'NET', 'tomorrow'),
    ]) {
      const res = await bad;
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // The offset's `+` typed unencoded (curl, a browser's address bar) arrives as a space: still understood.
    expect(json<TOnCall>(await op.get('/api/duty/on-call?line=NET&at=2025-10-01T03:00:00+08:00')).at).toBe('2025-09-30T19:00:00.000Z');
    // No roster covers SM: nobody.
    expect(json<TOnCall>(await onCall(op, 'SM', '2025-10-01T03:00:00+08:00')).people).toEqual([]);
  });

  it('overrides: overlap refused, the project manager approves, then the substitute is on call', async () => {
    // Who is on call on 2025-10-02 at 03:00 by the rotation?
    const before = json<TOnCall>(await onCall(op, 'NET', '2025-10-02T03:00:00+08:00')).people.find((p) => p.layer === 'on-call')!;
    const [from, to, asker] = before.username === 'eng1.duty' ? [ids.eng1!, ids.eng2!, eng1] : [ids.eng2!, ids.eng1!, eng2];
    const req = {
      line: 'NET',
      layer: 'on-call',
      fromUserId: from,
      toUserId: to,
      start: '2025-10-01T18:00:00+08:00',
      end: '2025-10-02T09:00:00+08:00',
      reason: '家中有事',
    };
    const r = await asker.post('/api/duty/overrides', req);
    expect(r.statusCode, r.body).toBe(201);
    const o = json<TOverride>(r);
    const clash = await asker.post('/api/duty/overrides', { ...req, start: '2025-10-02T06:00:00+08:00', end: '2025-10-02T12:00:00+08:00' });
    expect(clash.statusCode).toBe(409);
    expect(json<{ code: string; detail: string }>(clash)).toMatchObject({ code: 'duty.override_overlap' });
    expect(json<{ detail: string }>(clash).detail).toContain('重叠');
    // Not approved yet: the rotation stands. The PM sees it on the home page.
    expect(json<TOnCall>(await onCall(op, 'NET', '2025-10-02T03:00:00+08:00')).people.find((p) => p.layer === 'on-call')!.username).toBe(
      before.username,
    );
    const home = json<THome>(await pm.get('/api/home')).sections.find((s) => s.id === 'duty.overrides_to_approve');
    expect(home?.count).toBe(1);
    expect((await asker.post(`/api/duty/overrides/${o.id}/decision`, { approve: true })).statusCode).toBe(403);
    const ok = await pm.post(`/api/duty/overrides/${o.id}/decision`, { approve: true, comment: '同意' });
    expect(json<TOverride>(ok).state).toBe('approved');
    const after = json<TOnCall>(await onCall(op, 'NET', '2025-10-02T03:00:00+08:00')).people.find((p) => p.layer === 'on-call')!;
    expect(after.username).not.toBe(before.username);
    // Outside the span (the holiday goes on: on call all day) the rotation is back.
    expect(json<TOnCall>(await onCall(op, 'NET', '2025-10-02T09:30:00+08:00')).people.find((p) => p.layer === 'on-call')!.username).toBe(
      before.username,
    );
    expect(json<THome>(await pm.get('/api/home')).sections.find((s) => s.id === 'duty.overrides_to_approve')?.count).toBe(0);
  });

  it('onDutyNow answers other modules as the API does', async () => {
    const people = await onDutyNow(t.ctx, 'NET', new Date('2025-10-11T10:00:00+08:00'));
    expect(people.map((p) => [p.username, p.layer])).toEqual([['eng1.duty', 'resident']]);
    clock.set(new Date('2025-10-01T03:00:00+08:00'));
    expect((await onDutyNow(t.ctx, 'NET')).map((p) => p.layer).sort()).toEqual(['holiday-special', 'on-call']);
    clock.set(new Date('2025-09-15T10:00:00+08:00'));
  });

  it('handover: written by the outgoing, acknowledged only by the incoming; attendance on post', async () => {
    const h = await eng1.post('/api/duty/handovers', { line: 'NET', toUserId: ids.eng2, notes: '核心交换机端口 CRC 错误，已更换跳线' });
    expect(h.statusCode, h.body).toBe(201);
    const id = json<{ id: string }>(h).id;
    expect((await eng1.post(`/api/duty/handovers/${id}/ack`)).statusCode).toBe(403);
    expect(json<{ ackAt: string | null }>(await eng2.post(`/api/duty/handovers/${id}/ack`)).ackAt).toBe('2025-09-15T02:00:00.000Z');
    expect((await eng2.post(`/api/duty/handovers/${id}/ack`)).statusCode).toBe(409);
    const inn = await eng1.post('/api/duty/attendance', { line: 'NET', action: 'in' });
    expect(json<{ onRoster: boolean }>(inn).onRoster).toBe(true);
    expect((await eng1.post('/api/duty/attendance', { line: 'NET', action: 'in' })).statusCode).toBe(409);
    expect(
      json<{ checkOutAt: string | null }>(await eng1.post('/api/duty/attendance', { line: 'NET', action: 'out' })).checkOutAt,
    ).not.toBeNull();
    expect(json<{ onRoster: boolean }>(await eng2.post('/api/duty/attendance', { line: 'NET', action: 'in' })).onRoster).toBe(false);
  });

  it('the calendar feed parses: one VEVENT per resident working day, the make-up Saturday at 09:00', async () => {
    const { url } = json<{ url: string }>(await eng1.post('/api/duty/ics-token'));
    const r = await t.agent().get(url);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('text/calendar');
    const text = r.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const events = text
      .split('BEGIN:VEVENT\r\n')
      .slice(1)
      .map((e) => e.split('END:VEVENT')[0]!);
    const resident = events.filter((e) => e.includes('CATEGORIES:resident'));
    // The feed reaches 31 days back from 2025-09-15: working days 2025-08-15..2025-12-31.
    const cal = new BusinessCalendar(shippedEntries().flatMap((y) => y.entries));
    expect(resident.length).toBe(cal.workingDaysBetween('2025-08-14', '2025-12-31'));
    const sat = resident.find((e) => e.includes('DTSTART;TZID=Asia/Shanghai:20251011T090000'));
    expect(sat).toContain('DTEND;TZID=Asia/Shanghai:20251011T180000');
    expect(text).toContain('TZID:Asia/Shanghai');
    // A new link: the old one stops working.
    await eng1.post('/api/duty/ics-token');
    expect((await t.agent().get(url)).statusCode).toBe(404);
  });

  it('the roster editor offers the line’s engineers, then the project managers and operators; only to who may edit', async () => {
    const r = await pm.get('/api/duty/candidates?line=NET');
    expect(r.statusCode, r.body).toBe(200);
    const names = json<{ items: { username: string }[] }>(r).items.map((p) => p.username);
    expect(names.slice(0, 2).sort()).toEqual(['eng1.duty', 'eng2.duty']);
    expect(names).toEqual(expect.arrayContaining(['pm.duty', 'op.duty']));
    expect(names).not.toContain('agency.duty');
    const sec = json<{ items: { username: string }[] }>(await pm.get('/api/duty/candidates?line=SEC')).items.map((p) => p.username);
    expect(sec).not.toContain('eng1.duty');
    expect((await eng1.get('/api/duty/candidates?line=NET')).statusCode).toBe(403);
    expect((await pm.get('/api/duty/candidates?line=XX')).statusCode).toBe(400);
  });
});
