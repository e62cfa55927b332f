// A weekly sheet through the API (issue 14 point 1): generated on the calendar once, prefilled from a
// test double of the monitoring and backup sources as it opens, a photo that is no image refused,
// an anomaly turned into a desk ticket once, submitted once (after the deadline only with a reason),
// the overdue escalation to the project manager, and the public list by date and line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TEntry, TSheet } from '../../../common/inspections.ts';
import { Clock, TEST_PASSWORD, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { escalateOverdue } from './jobs.ts';
import { modulePrefill, prefillKey, setPrefillProvider } from './prefill.ts';
import { PNG, generate, item, netAsset, open, sheetsOn, template } from './test/helpers.ts';

let t: TestApp;
let eng: Agent;
let other: Agent;
let pm: Agent;
let a: { id: string; number: string };
let b: { id: string; number: string };
const clock = new Clock(new Date('2025-09-29T09:00:00+08:00')); // Monday; the week ends with the National Day holiday
const reads: string[] = [];

beforeAll(async () => {
  t = await testApp({ clock });
  eng = await t.userAgent('eng.ins', ['engineer'], { serviceLines: ['NET'] });
  other = await t.userAgent('eng.vc.ins', ['engineer'], { serviceLines: ['VC'] });
  pm = await t.userAgent('pm.ins', ['contractor_pm']);
  a = await netAsset(eng, '核心交换机 A');
  b = await netAsset(eng, '核心交换机 B');
  // The test double: CPU 95 % on A, 12 % on B, both reachable; what it was asked is recorded.
  setPrefillProvider({
    read: async (_ctx, devices, sources) => {
      reads.push(devices.map((d) => d.name).join(','));
      const out = new Map();
      for (const d of devices)
        for (const s of sources)
          out.set(
            prefillKey(d.assetId, s),
            s === 'cpu'
              ? { value: d.assetId === a.id ? '95' : '12', source: s, note: 'double' }
              : s === 'reachable'
                ? { value: '正常', source: s, note: 'double' }
                : { value: null, source: s, note: '无数据' },
          );
      return out;
    },
  });
  await template(pm, {
    items: [
      item('reachable', '设备在线', { prefill: 'reachable' }),
      item('cpu', 'CPU 利用率', { kind: 'range', unit: '%', min: 0, max: 80, prefill: 'cpu' }),
      item('lights', '指示灯', { evidence: 'photo' }),
      item('temperature', '温度', { kind: 'range', unit: '℃', min: 10, max: 45, prefill: 'temperature' }),
    ],
  });
}, 60_000);
afterAll(async () => {
  setPrefillProvider(modulePrefill);
  await t?.close();
});

const entry = (s: TSheet, assetId: string, key: string): TEntry => s.items.find((i) => i.assetId === assetId && i.key === key)!;
const fill = (ag: Agent, s: TSheet, e: TEntry, body: object) => ag.put(`/api/inspections/sheets/${s.id}/items/${e.id}`, body);

describe('a weekly sheet', () => {
  let sheet: TSheet;

  it('is generated once for the week, assigned to the line engineer, due on its last working day', async () => {
    expect(await generate(pm, '2025-09-29')).toBe(1);
    expect(await generate(pm, '2025-09-30')).toBe(0);
    const list = await sheetsOn(eng, '2025-10-01');
    expect(list).toHaveLength(1);
    sheet = list[0]!;
    expect(sheet).toMatchObject({ periodStart: '2025-09-29', periodEnd: '2025-10-05', assigneeName: 'eng.ins', state: 'open' });
    // 10-01..10-05 are the National Day holiday: the week's last working day is Tuesday 09-30.
    expect(sheet.dueAt).toBe(new Date('2025-09-30T18:00:00+08:00').toISOString());
    expect(sheet.items).toHaveLength(8);
    expect(await sheetsOn(eng, '2025-10-06')).toHaveLength(0);
    expect(await sheetsOn(eng, '2025-10-01', 'SEC')).toHaveLength(0);
  });

  it('is prefilled from the sources as it opens: out of range is an anomaly, no data is said so', async () => {
    const before = reads.length;
    const s = await open(eng, sheet.id);
    expect(reads.length).toBe(before + 1);
    expect(reads.at(-1)).toBe('核心交换机 A,核心交换机 B');
    expect(entry(s, a.id, 'cpu')).toMatchObject({ value: '95', entered: null, anomaly: true });
    expect(entry(s, b.id, 'cpu')).toMatchObject({ value: '12', anomaly: false });
    expect(entry(s, a.id, 'reachable')).toMatchObject({ value: '正常', anomaly: false });
    expect(entry(s, a.id, 'temperature')).toMatchObject({ value: null, prefill: { value: null, note: '无数据' } });
    expect(s.anomalies).toBe(1);
    // The public list carries the values too.
    const listed = (await sheetsOn(pm, '2025-09-29'))[0]!;
    expect(entry(listed, a.id, 'cpu').value).toBe('95');
    sheet = s;
  });

  it('takes readings within the rules, and refuses a value of the wrong kind or a stranger to the line', async () => {
    const tempA = entry(sheet, a.id, 'temperature');
    expect((await fill(eng, sheet, tempA, { value: 'hot' })).statusCode).toBe(422);
    const r = await fill(eng, sheet, tempA, { value: '52', note: '机柜后门风扇停转' });
    expect(r.statusCode, r.body).toBe(200);
    expect(json<TEntry>(r)).toMatchObject({ value: '52', anomaly: true, filledByName: 'eng.ins' });
    expect((await fill(other, sheet, entry(sheet, b.id, 'temperature'), { value: '30' })).statusCode).toBe(403);
  });

  it('refuses a photo that is not an image with a 400 problem, and keeps an image', async () => {
    const lights = entry(sheet, a.id, 'lights');
    const url = `/api/inspections/sheets/${sheet.id}/items/${lights.id}/photo`;
    const bad = await eng.upload(url, { filename: 'lights.txt', content: Buffer.from('not a photo'), contentType: 'text/plain' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(json<{ code: string; detail: string }>(bad)).toMatchObject({ code: 'inspection.photo_not_image' });
    const disguised = await eng.upload(url, { filename: 'lights.png', content: Buffer.from('not a png at all'), contentType: 'image/png' });
    expect(disguised.statusCode).toBe(400);
    expect((await open(eng, sheet.id)).items.find((i) => i.id === lights.id)!.photoId).toBeNull();
    const good = await eng.upload(url, { filename: 'lights.png', content: PNG, contentType: 'image/png' });
    expect(good.statusCode, good.body).toBe(200);
    const got = await eng.get(url);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PNG)).toBe(true);
  });

  it('turns an anomaly into a desk ticket on the line, once; a normal item is refused', async () => {
    const cpu = entry(sheet, a.id, 'cpu');
    const r = await eng.post(`/api/inspections/sheets/${sheet.id}/items/${cpu.id}/ticket`);
    expect(r.statusCode, r.body).toBe(201);
    const e = json<TEntry>(r);
    expect(e.ticketNumber).toBeTruthy();
    const ticket = json<{ title: string; serviceLine: string; description: string }>(await eng.get(`/api/tickets/${e.ticketId}`));
    expect(ticket).toMatchObject({ title: '巡检异常：核心交换机 A CPU 利用率', serviceLine: 'NET' });
    expect(ticket.description).toContain('95');
    expect((await eng.post(`/api/inspections/sheets/${sheet.id}/items/${cpu.id}/ticket`)).statusCode).toBe(409);
    expect((await eng.post(`/api/inspections/sheets/${sheet.id}/items/${entry(sheet, b.id, 'cpu').id}/ticket`)).statusCode).toBe(409);
  });

  it('is escalated to the project manager once its deadline passes', async () => {
    clock.set(new Date('2025-09-30T18:30:00+08:00'));
    // A day later the sessions have timed out: sign in again.
    for (const [ag, name] of [
      [eng, 'eng.ins'],
      [pm, 'pm.ins'],
    ] as const)
      expect((await ag.login(name, TEST_PASSWORD)).statusCode).toBe(200);
    expect(await escalateOverdue(t.ctx)).toBe(1);
    expect(await escalateOverdue(t.ctx)).toBe(0);
    const bell = json<{ items: { event: string; title: string }[] }>(await pm.get('/api/notifications')).items;
    expect(bell.some((n) => n.event === 'inspection.overdue' && n.title.includes(sheet.number))).toBe(true);
    const home = json<{ sections: { id: string; count: number }[] }>(await pm.get('/api/home')).sections;
    expect(home.find((s) => s.id === 'inspections.overdue')?.count).toBe(1);
  });

  it('is submitted once: incomplete 422, late without a reason 422, then signed; a second submit 409, nothing lost', async () => {
    const submit = (body: object) => eng.post(`/api/inspections/sheets/${sheet.id}/submit`, body);
    const incomplete = await submit({ lateReason: '节前设备割接' });
    expect(incomplete.statusCode).toBe(422);
    expect(json<{ detail: string }>(incomplete).detail).toContain('缺少照片');
    const s = await open(eng, sheet.id);
    await eng.upload(`/api/inspections/sheets/${s.id}/items/${entry(s, b.id, 'lights').id}/photo`, { filename: 'b.png', content: PNG });
    for (const id of [a.id, b.id]) await fill(eng, s, entry(s, id, 'lights'), { value: '正常' });
    await fill(eng, s, entry(s, b.id, 'temperature'), { value: '31' });
    const late = await submit({});
    expect(late.statusCode).toBe(422);
    expect(json<{ code: string }>(late).code).toBe('inspection.late_reason_required');
    const ok = await submit({ lateReason: '节前设备割接，次日补交' });
    expect(ok.statusCode, ok.body).toBe(200);
    const done = json<TSheet>(ok);
    expect(done).toMatchObject({ state: 'submitted', signedByName: 'eng.ins', lateReason: '节前设备割接，次日补交' });
    const again = await submit({ lateReason: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect((await fill(eng, s, entry(s, a.id, 'temperature'), { value: '20' })).statusCode).toBe(409);
    // The prefilled values were signed for and stay as they were; the sources are no longer read.
    const before = reads.length;
    const kept = await open(pm, sheet.id);
    expect(reads.length).toBe(before);
    expect(entry(kept, a.id, 'cpu')).toMatchObject({ entered: '95', anomaly: true, ticketNumber: entry(kept, a.id, 'cpu').ticketNumber });
    expect(entry(kept, a.id, 'temperature').value).toBe('52');
    expect(kept.state).toBe('submitted');
  });
});

describe('the public list', () => {
  it('paginates and validates its filters', async () => {
    const r = await pm.get('/api/inspections/sheets?date=2025-09-30&line=NET&page=1&pageSize=1');
    expect(json<{ total: number; items: unknown[] }>(r)).toMatchObject({ total: 1 });
    expect((await pm.get('/api/inspections/sheets?date=2025-13-40')).statusCode).toBe(400);
    expect((await pm.get('/api/inspections/sheets?line=XX')).statusCode).toBe(400);
    expect((await t.agent().get('/api/inspections/sheets')).statusCode).toBe(401);
  });
});
