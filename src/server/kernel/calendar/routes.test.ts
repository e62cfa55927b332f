// The business calendar through the API: day types, the system admin's edits, a year's import.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let user: Agent;
let sys: Agent;
beforeAll(async () => {
  t = await testApp();
  user = await t.userAgent('cal.user', ['engineer']);
  sys = await t.userAgent('cal.sys', ['system_admin']);
});
afterAll(async () => {
  await t.close();
});

type Day = { date: string; type: string; name: string | null };
const days = async (a: Agent, from: string, to: string) =>
  json<{ items: Day[] }>(await a.get(`/api/calendar/days?from=${from}&to=${to}`)).items;

describe('GET /api/calendar/days', () => {
  it('gives each date its type and the holiday name (National Day 2021)', async () => {
    const d = await days(user, '2021-09-25', '2021-10-10');
    const by = Object.fromEntries(d.map((x) => [x.date, x]));
    expect(d).toHaveLength(16);
    expect(by['2021-09-25']).toEqual({ date: '2021-09-25', type: 'weekend', name: null });
    expect(by['2021-09-26']).toMatchObject({ type: 'makeup_workday', name: '国庆节' });
    expect(by['2021-09-30']).toMatchObject({ type: 'workday', name: null });
    expect(by['2021-10-01']).toMatchObject({ type: 'holiday', name: '国庆节' });
    expect(by['2021-10-07']).toMatchObject({ type: 'holiday' });
    expect(by['2021-10-08']).toMatchObject({ type: 'workday' });
    expect(by['2021-10-09']).toMatchObject({ type: 'makeup_workday', name: '国庆节' });
  });

  it.each([
    ['from=2021-13-01&to=2021-12-31', 'validation'],
    ['from=2021-10-10&to=2021-10-01', 'calendar.range'],
    ['from=2000-01-01&to=2021-01-01', 'calendar.range'],
    ['to=2021-01-01', 'validation'],
  ])('refuses %s with %s', async (q, code) => {
    const r = await user.get(`/api/calendar/days?${q}`);
    expect(r.statusCode).toBe(400);
    expect(json(r).code).toBe(code);
  });
});

describe('editing the calendar', () => {
  it("is the system admin's: others get 403", async () => {
    expect((await user.put('/api/calendar/entries/2027-01-01', { type: 'holiday', name: '元旦' })).statusCode).toBe(403);
  });

  it('sets and clears a holiday, audited', async () => {
    expect((await sys.put('/api/calendar/entries/2027-01-01', { type: 'holiday', name: '元旦' })).statusCode).toBe(200);
    expect((await days(user, '2027-01-01', '2027-01-01'))[0]).toMatchObject({ type: 'holiday', name: '元旦' });
    expect((await sys.delete('/api/calendar/entries/2027-01-01')).statusCode).toBe(200);
    expect((await days(user, '2027-01-01', '2027-01-01'))[0]).toMatchObject({ type: 'workday' });
  });

  it('refuses a make-up workday on a weekday', async () => {
    const r = await sys.put('/api/calendar/entries/2027-01-06', { type: 'makeup_workday', name: 'x' });
    expect(r.statusCode).toBe(400);
    expect(json(r).code).toBe('calendar.invalid_file');
  });

  it('imports next year from a file in the same format, and a bad file changes nothing', async () => {
    const y2026 = JSON.parse(readFileSync('src/server/kernel/calendar/data/2026.json', 'utf8')) as { days: { date: string }[] };
    // A made-up 2027 built from 2026's shape: New Year's Day only.
    const good = { year: 2027, days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] };
    const bad = {
      year: 2027,
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '春节', date: '2027-02-03', isOffDay: false },
      ],
    };
    const r1 = await sys.post('/api/calendar/import', { file: bad });
    expect(r1.statusCode).toBe(400);
    expect(json<{ errors: { path: string }[] }>(r1).errors[0]!.path).toContain('days[1]');
    expect((await days(user, '2027-01-01', '2027-01-01'))[0]!.type).toBe('workday');
    expect(json(await sys.post('/api/calendar/import', { file: good }))).toEqual({ year: 2027, entries: 1 });
    expect((await days(user, '2027-01-01', '2027-01-01'))[0]!.type).toBe('holiday');
    expect(y2026.days.length).toBeGreaterThan(20);
  });
});
