// Training (R-TRN-01, R-STF-01/02, R-CONF-05): the agency requests user training, the contractor
// schedules it, attendees sign in, it is delivered and rated (clarity and effect 1–5), with the
// summary per session and the evidence for the period; staff certificates and the pm's to-do of those
// ending within 60 days; materials checked for type and size; bad input refused with nothing written.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TCertificate, TSessionDetail } from '../../../common/training.ts';
import { Clock, TEST_PASSWORD, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { sessionsHeld } from './evidence.ts';

const clock = new Clock(new Date('2025-11-03T09:00:00+08:00'));
let t: TestApp;
let pm: Agent;
let contact: Agent;
let staff: Agent;
let staff2: Agent;
let n = 0;
beforeAll(async () => {
  t = await testApp({ clock, uploadMaxMb: 1 });
});
beforeEach(async () => {
  n++;
  pm = await t.userAgent(`pm.${n}`, ['contractor_pm']);
  contact = await t.userAgent(`contact.${n}`, ['agency_contact']);
  staff = await t.userAgent(`staff.${n}`, ['agency_staff']);
  staff2 = await t.userAgent(`staff2.${n}`, ['agency_staff']);
});
afterAll(() => t?.close());

/** Moves the clock and signs everyone in again (sessions time out while idle). */
async function later(ms: number): Promise<void> {
  clock.advance(ms);
  const relog = async (u: string) => {
    const a = t.agent();
    expect((await a.login(u, TEST_PASSWORD)).statusCode).toBe(200);
    return a;
  };
  pm = await relog(`pm.${n}`);
  contact = await relog(`contact.${n}`);
  staff = await relog(`staff.${n}`);
  staff2 = await relog(`staff2.${n}`);
}

const S = '/api/training/sessions';
const hours = (h: number) => new Date(clock.now().getTime() + h * 3600_000).toISOString();
const ok = <T>(r: { statusCode: number; body: string; json: () => unknown }, status = 200): T => {
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
};

async function scheduled(): Promise<TSessionDetail> {
  const req = ok<TSessionDetail>(
    await contact.post('/api/training/requests', {
      title: '无线认证客户端培训',
      line: 'NET',
      topic: '安装与使用',
      preferredDate: '2025-11-05',
    }),
    201,
  );
  expect(req).toMatchObject({ state: 'requested', kind: 'user', requestedByName: `contact.${n}` });
  const s = ok<TSessionDetail>(
    await pm.post(`${S}/${req.id}/schedule`, { startAt: hours(3), endAt: hours(5), place: '第三会议室', trainer: '网管工程师' }),
  );
  expect(s.state).toBe('scheduled');
  return ok<TSessionDetail>(
    await pm.post(`${S}/${s.id}/attendees`, { usernames: [`staff.${n}`, `staff2.${n}`], outside: [{ name: '王晓燕', org: '办公室' }] }),
  );
}

describe('training sessions', () => {
  it('goes from request to delivery; attendees sign in and rate; the summary and the evidence count them', async () => {
    const s = await scheduled();
    expect(s.attendees.map((a) => a.name)).toEqual([`staff.${n}`, `staff2.${n}`, '王晓燕']);
    // Too early to sign in; the agency may not record delivery.
    expect(json(await staff.post(`${S}/${s.id}/sign-in`, {})).code).toBe('training.too_early');
    await later(3 * 3600_000);
    expect((await contact.post(`${S}/${s.id}/deliver`, { summary: 'x' })).statusCode).toBe(403);
    // Not yet delivered: no rating.
    expect(json(await staff.post(`${S}/${s.id}/ratings`, { clarity: 5, effect: 5 })).code).toBe('training.not_delivered');
    ok(await staff.post(`${S}/${s.id}/sign-in`, {}));
    expect(json(await staff.post(`${S}/${s.id}/sign-in`, { attendeeIds: [s.attendees[2]!.id] })).code).toBe('training.sign_in_others');
    const outsider = s.attendees[2]!.id;
    ok(await pm.post(`${S}/${s.id}/sign-in`, { attendeeIds: [outsider] }));
    await later(2 * 3600_000);
    const d = ok<TSessionDetail>(await pm.post(`${S}/${s.id}/deliver`, { summary: '讲解与演示' }));
    expect(d).toMatchObject({ state: 'delivered', summary: '讲解与演示' });
    ok(await staff.post(`${S}/${s.id}/ratings`, { clarity: 5, effect: 4, comment: '清楚' }));
    ok(await pm.post(`${S}/${s.id}/ratings`, { attendeeId: outsider, clarity: 4, effect: 3 }));
    // staff2 did not sign in; a system user's rating is theirs to give.
    expect(json(await staff2.post(`${S}/${s.id}/ratings`, { clarity: 5, effect: 5 })).code).toBe('training.not_signed_in');
    expect(json(await pm.post(`${S}/${s.id}/ratings`, { attendeeId: s.attendees[0]!.id, clarity: 1, effect: 1 })).code).toBe(
      'training.rate_others',
    );
    const got = ok<TSessionDetail>(await staff.get(`${S}/${s.id}`));
    expect(got.ratings).toEqual({ attendees: 3, signedIn: 2, rated: 2, clarity: 4.5, effect: 3.5 });
    expect(got.mine).toBe(s.attendees[0]!.id);
    const list = ok<{ items: TSessionDetail[] }>(await contact.get(`${S}?state=delivered`));
    expect(list.items.find((x) => x.id === s.id)?.ratings.clarity).toBe(4.5);
    // Delivered: closed to new attendees.
    expect(json(await pm.post(`${S}/${s.id}/attendees`, { outside: [{ name: '迟到者' }] })).code).toBe('training.closed');

    const ev = await sessionsHeld.read(t.ctx, { from: hours(-24), to: hours(24) });
    expect(ev.sessions.find((x) => x.id === s.id)).toMatchObject({ kind: 'user', attendees: 3, signedIn: 2, rated: 2 });
    expect(ev.byKind.find((k) => k.kind === 'user')!.sessions).toBeGreaterThanOrEqual(1);
  });

  it('refuses a rating of 0 or 6, an end before the start, and staff training asked for by the agency', async () => {
    const s = await scheduled();
    for (const v of [0, 6, 2.5]) {
      const r = await staff.post(`${S}/${s.id}/ratings`, { clarity: v, effect: 3 });
      expect(r.statusCode).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    const bad = await pm.post(S, {
      kind: 'staff',
      title: '交换机配置培训',
      topic: 'VLAN',
      startAt: hours(5),
      endAt: hours(3),
      place: '值班室',
      trainer: '张工',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(json(bad))).toContain('结束时间应晚于开始时间');
    expect(
      (await contact.post(S, { kind: 'staff', title: 'x', topic: 'y', startAt: hours(1), endAt: hours(2), place: 'p', trainer: 't' }))
        .statusCode,
    ).toBe(403);
    expect(json(await pm.post(`${S}/${s.id}/attendees`, { usernames: ['nobody'] })).code).toBe('training.unknown_user');
    expect(ok<TSessionDetail>(await pm.get(`${S}/${s.id}`)).attendees).toHaveLength(3);
  });

  it('keeps materials: a PDF is stored, an executable and a file over the limit are refused', async () => {
    const s = await scheduled();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = ok<{ url: string; name: string }>(await pm.upload(`${S}/${s.id}/materials`, { filename: '讲义.pdf', content: pdf }), 201);
    expect((await staff.get(up.url)).body).toContain('%PDF-1.4');
    const exe = await pm.upload(`${S}/${s.id}/materials`, { filename: 'setup.exe', content: Buffer.from('MZ\x90\x00rest') });
    expect(exe.statusCode).toBe(415);
    const big = await pm.upload(`${S}/${s.id}/materials`, {
      filename: '大文件.pdf',
      content: Buffer.concat([pdf, Buffer.alloc(1_200_000)]),
    });
    expect(big.statusCode).toBe(413);
    expect((await staff.upload(`${S}/${s.id}/materials`, { filename: 'a.pdf', content: pdf })).statusCode).toBe(403);
    expect(ok<TSessionDetail>(await pm.get(`${S}/${s.id}`)).materials.map((m) => m.name)).toEqual(['讲义.pdf']);
  });
});

describe('staff certificates', () => {
  it('lists certificates, filters those expiring, and shows the pm a to-do for those within 60 days', async () => {
    const party = ok<{ id: string }>(await pm.post('/api/parties', { kind: 'contractor', name: `运维公司${n}` }), 201);
    const person = ok<{ id: string }>(await pm.post('/api/people', { partyId: party.id, name: `张工${n}` }), 201);
    const cert = (kind: string, validUntil: string | null) =>
      pm.post('/api/training/certificates', { personId: person.id, kind, number: `N-${kind}`, issuer: '人社部', validUntil });
    ok(await cert('网络工程师', '2025-12-20'), 201); // 47 days
    ok(await cert('CISP', '2026-06-30'), 201);
    const exp = ok<TCertificate>(await cert('电工证', '2025-10-31'), 201); // expired
    expect(exp.daysLeft).toBe(-3);
    const soon = ok<{ items: TCertificate[] }>(await pm.get(`/api/training/certificates?personId=${person.id}&expiringWithin=60`));
    expect(soon.items.map((c) => c.kind)).toEqual(['电工证', '网络工程师']);
    const home = ok<{ sections: { id: string; count: number; items: { title: string; tag?: string }[] }[] }>(await pm.get('/api/home'));
    const todo = home.sections.find((s) => s.id === 'training.certs_expiring');
    expect(todo?.items.map((i) => i.title)).toEqual(expect.arrayContaining([`张工${n} 电工证`, `张工${n} 网络工程师`]));
    expect(todo?.items.map((i) => i.title)).not.toContain(`张工${n} CISP`);
    // Six months on, CISP is close too.
    clock.advance(180 * 24 * 3600_000);
    const later = ok<{ items: TCertificate[] }>(
      await (
        await t.userAgent(`pm.later.${n}`, ['contractor_pm'])
      ).get(`/api/training/certificates?personId=${person.id}&expiringWithin=60`),
    );
    expect(later.items.map((c) => c.kind)).toContain('CISP');
  });

  it('refuses a person of another party (no subcontracting), and a scan that is not an image or PDF', async () => {
    const vendor = ok<{ id: string }>(await pm.post('/api/parties', { kind: 'vendor', name: `分包商${n}` }), 201);
    const outsider = ok<{ id: string }>(await pm.post('/api/people', { partyId: vendor.id, name: `外包${n}` }), 201);
    const r = await pm.post('/api/training/certificates', { personId: outsider.id, kind: 'x', number: '1', issuer: 'y' });
    expect(json(r).code).toBe('certificate.not_staff');
    const party = ok<{ id: string }>(await pm.post('/api/parties', { kind: 'contractor', name: `运维公司b${n}` }), 201);
    const p = ok<{ id: string }>(await pm.post('/api/people', { partyId: party.id, name: `李工${n}` }), 201);
    const c = ok<TCertificate>(
      await pm.post('/api/training/certificates', { personId: p.id, kind: '网络工程师', number: '2', issuer: 'y' }),
      201,
    );
    const txt = await pm.upload(`/api/training/certificates/${c.id}/scan`, { filename: 'scan.txt', content: Buffer.from('hello') });
    expect(json(txt).code).toBe('certificate.scan_type');
    expect((await contact.post('/api/training/certificates', { personId: p.id, kind: 'x', number: '1', issuer: 'y' })).statusCode).toBe(
      403,
    );
    // Nothing half-written: the one certificate, without a scan; none for the subcontractor's person.
    const kept = ok<{ items: TCertificate[] }>(await pm.get(`/api/training/certificates?personId=${p.id}`));
    expect(kept.items.map((x) => [x.kind, x.scan])).toEqual([['网络工程师', null]]);
    expect(ok<{ total: number }>(await pm.get(`/api/training/certificates?personId=${outsider.id}`)).total).toBe(0);
  });
});
