// The demo contract and its renewal, read and edited through the API (R-CON-03, R-STF-01).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, testApp, Clock, type Agent, type TestApp } from '../../test/harness.ts';
import type { TContract, TOverview } from '../../../common/contract.ts';

let t: TestApp;
let pm: Agent;
let eng: Agent;
beforeAll(async () => {
  // A fixed day inside the 2026 service year.
  t = await testApp({ demo: true, clock: new Clock(new Date('2026-11-24T02:00:00Z')) });
  pm = t.agent();
  expect((await pm.login('pm', 'Test-Pass-1')).statusCode).toBe(200);
  eng = t.agent();
  expect((await eng.login('eng.net', 'Test-Pass-1')).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe('contract overview', () => {
  it('shows the current service year with the four lines, days remaining and staffing', async () => {
    const o = json<TOverview>(await eng.get('/api/contract/overview'));
    expect(o.today).toBe('2026-11-24');
    expect(o.contract).toMatchObject({ number: 'BJRBJ2026010', totalFee: 1550000, agencyName: '北京市人力资源和社会保障局' });
    expect(o.lines.map((l) => l.code)).toEqual(['SM', 'NET', 'SEC', 'VC']);
    const by = Object.fromEntries(o.lines.map((l) => [l.code, l]));
    expect(by.SM).toMatchObject({
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      fee: 106800,
      hoursProfile: '5x9',
      status: 'active',
      daysRemaining: 38,
    });
    expect(by.NET).toMatchObject({
      periodStart: '2026-09-04',
      periodEnd: '2027-09-03',
      fee: 476000,
      hoursProfile: '7x24',
      daysRemaining: 284,
    });
    expect(by.SEC).toMatchObject({ fee: 686800, hoursProfile: '7x24' });
    expect(by.VC).toMatchObject({ periodStart: '2026-05-21', periodEnd: '2027-05-20', fee: 280400 });
    expect(o.lines.reduce((s, l) => s + l.fee, 0)).toBe(1550000);
    for (const l of o.lines) expect(l.staffFilled).toBeLessThanOrEqual(l.staffRequired);
    expect(by.NET!.sites).toEqual(['西办公区', '六里桥办公区', '市府大楼']);
  });

  it('keeps the 2021 contract as entered from the original', async () => {
    const list = json<{ items: TContract[]; total: number }>(await eng.get('/api/contracts'));
    expect(list.total).toBe(2);
    const c2021 = list.items.find((c) => c.number === 'BJRBJ2021010')!;
    const full = json<TContract>(await eng.get(`/api/contracts/${c2021.id}`));
    const sm = full.serviceLines!.find((l) => l.code === 'SM')!;
    expect(sm).toMatchObject({ periodStart: '2021-01-01', periodEnd: '2021-12-31' });
    expect(full.serviceLines!.find((l) => l.code === 'VC')).toMatchObject({ periodStart: '2021-05-21', periodEnd: '2022-05-20' });
    expect(full).toMatchObject({ signedAt: '2021-08-30', bondPercent: 10, bondValidUntil: '2022-09-03' });
    expect(full.serviceLines!.every((l) => (l.staffing?.length ?? 0) > 0)).toBe(true);
  });
});

describe('editing', () => {
  it('is refused to an engineer and allowed to the project manager, audited', async () => {
    const o = json<TOverview>(await pm.get('/api/contract/overview'));
    const sm = o.lines.find((l) => l.code === 'SM')!;
    expect((await eng.patch(`/api/service-lines/${sm.id}`, { hotlineHours: 'x' })).statusCode).toBe(403);
    const r = await pm.patch(`/api/service-lines/${sm.id}`, { hotlineHours: '工作日 9:00-18:00' });
    expect(r.statusCode).toBe(200);
    expect(json(r)).toMatchObject({ hotlineHours: '工作日 9:00-18:00', fee: 106800 });
  });

  it('refuses a period that ends before it starts, and changes nothing', async () => {
    const o = json<TOverview>(await pm.get('/api/contract/overview'));
    const net = o.lines.find((l) => l.code === 'NET')!;
    const r = await pm.patch(`/api/service-lines/${net.id}`, { periodEnd: '2020-01-01', fee: 1 });
    expect(r.statusCode).toBe(400);
    const after = json<TOverview>(await pm.get('/api/contract/overview')).lines.find((l) => l.code === 'NET')!;
    expect(after).toMatchObject({ periodEnd: '2027-09-03', fee: 476000 });
  });

  it('keeps a 7×24 emergency phone on every line, the 5×9 SM line included (R-SD-11), editable', async () => {
    const o = json<TOverview>(await pm.get('/api/contract/overview'));
    for (const l of o.lines) expect(l.emergencyPhone, l.code).toMatch(/^010-8814\d{4}$/);
    const sm = o.lines.find((l) => l.code === 'SM')!;
    expect(sm.hoursProfile).toBe('5x9');
    expect((await pm.patch(`/api/service-lines/${sm.id}`, { emergencyPhone: '值班 1234' })).statusCode).toBe(400);
    const r = await pm.patch(`/api/service-lines/${sm.id}`, { emergencyPhone: '010-88142100 ', summary: '监控中心设备' });
    expect(json(r)).toMatchObject({ emergencyPhone: '010-88142100', summary: '监控中心设备', fee: 106800 });
    const after = json<TOverview>(await eng.get('/api/contract/overview')).lines.find((l) => l.code === 'SM')!;
    expect(after.emergencyPhone).toBe('010-88142100');
  });

  it('fills a vacant post and the home page counts it', async () => {
    const contract = json<TOverview>(await pm.get('/api/contract/overview')).contract!;
    const full = json<TContract>(await pm.get(`/api/contracts/${contract.id}`));
    const short = full.serviceLines!.flatMap((l) => l.staffing!.map((s) => ({ l, s }))).find(({ s }) => s.assigned.length < s.headcount)!;
    expect(short).toBeDefined();
    const people = json<{ items: { id: string; name: string }[] }>(await pm.get('/api/people?pageSize=200')).items;
    const assigned = new Set(short.s.assigned.map((a) => a.personId));
    const candidate = people.find((p) => !assigned.has(p.id))!;
    const before = json<TOverview>(await pm.get('/api/contract/overview')).lines.find((l) => l.code === short.l.code)!;
    expect((await pm.post(`/api/staffing/${short.s.id}/assignments`, { personId: candidate.id })).statusCode).toBe(201);
    const after = json<TOverview>(await pm.get('/api/contract/overview')).lines.find((l) => l.code === short.l.code)!;
    expect(after.staffFilled).toBe(before.staffFilled + 1);
    expect(json(await pm.post(`/api/staffing/${short.s.id}/assignments`, { personId: candidate.id })).code).toBe(
      'staffing.already_assigned',
    );
  });
});

describe('org master data', () => {
  it('finds a caller by part of a phone number', async () => {
    const people = json<{ items: { mobile: string; name: string }[] }>(await pm.get('/api/people?pageSize=200')).items;
    const someone = people.find((p) => p.mobile.length >= 11)!;
    const found = json<{ items: { name: string }[] }>(await pm.get(`/api/people?phone=${someone.mobile.slice(-6)}`)).items;
    expect(found.map((p) => p.name)).toContain(someone.name);
  });

  it('a partial update keeps the fields it did not send', async () => {
    const sites = json<{ items: { id: string; address: string; name: string }[] }>(await pm.get('/api/sites')).items;
    const west = sites.find((s) => s.name === '西办公区')!;
    expect(west.address).not.toBe('');
    const r = json<{ address: string; name: string }>(await pm.patch(`/api/sites/${west.id}`, { name: '西办公区（主楼）' }));
    expect(r).toMatchObject({ name: '西办公区（主楼）', address: west.address });
  });

  it('refuses a duplicate site code and a room in a missing site', async () => {
    const dup = await pm.post('/api/sites', { code: 'west', name: '重复' });
    expect(dup.statusCode).toBe(409);
    const orphan = await pm.post('/api/rooms', { siteId: '00000000-0000-4000-8000-000000000000', code: 'x-1', name: '孤立房间' });
    expect(orphan.statusCode).toBe(409);
    expect(json(await pm.get('/api/rooms?q=孤立房间')).total).toBe(0);
  });

  it('records a bank account change with its 7-day notification deadline (R-CON-02)', async () => {
    const parties = json<{ items: { id: string; kind: string }[] }>(await pm.get('/api/parties')).items;
    const contractor = parties.find((p) => p.kind === 'contractor')!;
    await pm.post(`/api/parties/${contractor.id}/bank-accounts`, {
      bankName: '中国工商银行北京分行',
      accountName: '北京国信博飞科技发展有限公司',
      accountNumber: '0200001234567890',
      changedOn: null,
    });
    const second = json<{ notifyBy: string; active: boolean }>(
      await pm.post(`/api/parties/${contractor.id}/bank-accounts`, {
        bankName: '中国银行北京分行',
        accountName: '北京国信博飞科技发展有限公司',
        accountNumber: '3200009876543210',
        changedOn: '2026-11-20',
      }),
    );
    expect(second).toMatchObject({ notifyBy: '2026-11-27', active: true });
    const party = json<{ bankAccounts: { active: boolean }[] }>(await pm.get(`/api/parties/${contractor.id}`));
    expect(party.bankAccounts.filter((b) => b.active)).toHaveLength(1);
  });
});
