// The finding flow (issue 13 point 5): due dates by severity on the business calendar across a weekend,
// a make-up workday and the National Day holiday (controlled clock); accepted risk and false positive
// asked by an engineer and decided only by agency roles; overdue findings told once; hardening plans
// done when their findings are; pentest findings on the same flow; scan plans moved on by imports.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFinding } from '../../../common/vulns.ts';
import { auditLog } from '../../kernel/db/tables.ts';
import { Clock, TEST_PASSWORD, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { notifyOverdue } from './flow.ts';
import { assetAt, nessusFile } from './test/samples.ts';

let t: TestApp;
let eng: Agent;
let pm: Agent;
let duty: Agent;
let contact: Agent;
let manager: Agent;
const clock = new Clock(new Date('2025-09-25T02:00:00Z')); // Thursday 10:00 in Shanghai, before National Day

const HOST = '192.0.2.40';
const items = [
  { host: HOST, port: 443, plugin: '1001', name: 'OpenSSL 严重漏洞', severity: 4, cve: 'CVE-2024-0001' },
  { host: HOST, port: 80, plugin: '1002', name: 'Apache 高危漏洞', severity: 3 },
  { host: HOST, port: 22, plugin: '1003', name: 'SSH 弱算法', severity: 2 },
  { host: HOST, port: 123, protocol: 'udp', plugin: '1004', name: 'NTP 信息泄露', severity: 1 },
];
const bySeverity = async (a: Agent) => {
  const r = json<{ items: TFinding[] }>(await a.get(`/api/vulns/findings?address=${HOST}&sort=severity`));
  return Object.fromEntries(r.items.map((f) => [f.severity, f])) as Record<string, TFinding>;
};
/** Moves the clock; sessions idle past 30 minutes end, so everyone signs in again. */
async function at(iso: string): Promise<void> {
  clock.set(new Date(iso));
  const who: [Agent, string][] = [
    [eng, 'eng.sec'],
    [pm, 'pm.sec'],
    [duty, 'duty.sec'],
    [contact, 'agency.contact'],
    [manager, 'agency.manager'],
  ];
  for (const [a, name] of who) expect((await a.login(name, TEST_PASSWORD)).statusCode).toBe(200);
}
const post = (a: Agent, id: string, path: string, body: object) => a.post(`/api/vulns/findings/${id}${path}`, body);

beforeAll(async () => {
  t = await testApp({ clock });
  eng = await t.userAgent('eng.sec', ['engineer'], { serviceLines: ['SEC'] });
  pm = await t.userAgent('pm.sec', ['contractor_pm']);
  duty = await t.userAgent('duty.sec', ['duty_operator']);
  contact = await t.userAgent('agency.contact', ['agency_contact']);
  manager = await t.userAgent('agency.manager', ['agency_manager']);
  await assetAt(t.ctx, 'SRV-FLOW-1', HOST);
  const r = await eng.upload('/api/vulns/import', { filename: 'w.nessus', content: Buffer.from(nessusFile([HOST], items)) });
  expect(r.statusCode, r.body).toBe(201);
});
afterAll(() => t?.close());

describe('due dates on the business calendar', () => {
  it('counts working days: the Sunday make-up day counts, the National Day week does not', async () => {
    const f = await bySeverity(duty); // the duty operator reads
    expect(f.critical!.dueDate).toBe('2025-09-28'); // Fri 26, Sun 28 (make-up workday)
    expect(f.high!.dueDate).toBe('2025-10-09'); // 26, 28, 29, 30, then 9 Oct after the holiday
    expect(f.medium!.dueDate).toBe('2025-10-22'); // Sat 11 Oct is a make-up workday too
    expect(f.low!.dueDate).toBe('2025-11-12');
  });

  it('lets the project manager change the days (not the engineer), for findings found afterwards', async () => {
    expect((await eng.put('/api/vulns/due-days', { critical: 1, high: 3, medium: 10, low: 20 })).statusCode).toBe(403);
    const r = await pm.put('/api/vulns/due-days', { critical: 1, high: 3, medium: 10, low: 20 });
    expect(r.statusCode, r.body).toBe(200);
    expect(json(await duty.get('/api/vulns/due-days'))).toEqual({ critical: 1, high: 3, medium: 10, low: 20 });
    const p = await eng.post('/api/vulns/pentests', {
      title: '2025 年第三季度渗透测试',
      tester: '某安全公司',
      testedOn: '2025-09-24',
      findings: [{ address: HOST, port: 8080, protocol: 'tcp', title: '后台弱口令', severity: 'critical' }],
    });
    expect(p.statusCode, p.body).toBe(201);
    const pentest = json<{ id: string; findings: number; active: number }>(p);
    expect(pentest).toMatchObject({ findings: 1, active: 1 });
    const pf = json<{ items: TFinding[] }>(await contact.get(`/api/vulns/findings?pentestId=${pentest.id}`)).items;
    expect(pf).toHaveLength(1);
    expect(pf[0]).toMatchObject({ dueDate: '2025-09-26', state: 'open', scanner: 'pentest', assetNumber: 'SRV-FLOW-1' });
    await pm.put('/api/vulns/due-days', { critical: 2, high: 5, medium: 15, low: 30 });
  });
});

describe('exceptions need the agency', () => {
  it('an engineer asks, the wrong roles are refused, the agency contact approves', async () => {
    const low = (await bySeverity(eng)).low!;
    expect((await post(duty, low.id, '/exception', { kind: 'false_positive', reason: '该服务仅内网' })).statusCode).toBe(403);
    const asked = await post(eng, low.id, '/exception', { kind: 'false_positive', reason: 'NTP 仅对内网开放，扫描器误判' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(json<TFinding>(asked).request).toMatchObject({ kind: 'false_positive', by: 'eng.sec' });
    // The agency hears of it; the engineer cannot decide, nor can the project manager.
    const bell = json<{ items: { title: string }[] }>(await contact.get('/api/notifications')).items;
    expect(bell.some((n) => n.title.includes('漏洞例外待审批（误报）'))).toBe(true);
    for (const who of [eng, pm, duty]) expect((await post(who, low.id, '/exception/decision', { approve: true })).statusCode).toBe(403);
    expect((await post(eng, low.id, '/state', { action: 'fixed' })).statusCode).toBe(409); // decision pending
    const ok = await post(contact, low.id, '/exception/decision', { approve: true, note: '同意，已核实' });
    expect(json<TFinding>(ok)).toMatchObject({ state: 'false_positive', request: null, decisionNote: '同意，已核实' });
    expect((await post(contact, low.id, '/exception/decision', { approve: true })).statusCode).toBe(409);
  });

  it('the agency manager refuses an accepted risk: the finding stays open', async () => {
    const medium = (await bySeverity(eng)).medium!;
    await post(eng, medium.id, '/exception', { kind: 'accepted_risk', reason: '设备即将下线' });
    expect(json<{ total: number }>(await manager.get('/api/vulns/findings?pending=true')).total).toBe(1);
    const no = await post(manager, medium.id, '/exception/decision', { approve: false, note: '下线前仍需整改' });
    expect(json<TFinding>(no)).toMatchObject({ state: 'open', request: null, decisionNote: '下线前仍需整改' });
    const trail = await t.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(inArray(auditLog.action, ['vulns.exception.request', 'vulns.exception.approve', 'vulns.exception.refuse']));
    expect(trail.map((a) => a.action).sort()).toEqual([
      'vulns.exception.approve',
      'vulns.exception.refuse',
      'vulns.exception.request',
      'vulns.exception.request',
    ]);
  });
});

describe('overdue, hardening and scan plans', () => {
  it('shows and tells overdue findings once', async () => {
    await at('2025-09-29T01:00:00Z'); // Monday: the critical one was due Sunday
    const overdue = json<{ items: TFinding[]; total: number }>(await eng.get('/api/vulns/findings?overdue=true'));
    expect(overdue.items.map((f) => f.severity)).toEqual(['critical', 'critical']); // the scan's and the pentest's
    expect(overdue.items.every((f) => f.overdue)).toBe(true);
    expect(json<{ overdue: number }>(await contact.get('/api/vulns/summary')).overdue).toBe(2);
    expect(await notifyOverdue(t.ctx)).toBe(2);
    expect(await notifyOverdue(t.ctx)).toBe(0);
    const bell = json<{ items: { title: string }[] }>(await eng.get('/api/notifications')).items;
    expect(bell.filter((n) => n.title.includes('超过整改期限'))).toHaveLength(1);
  });

  it('a hardening plan is done when its findings are fixed', async () => {
    const f = await bySeverity(eng);
    const h = await eng.post('/api/vulns/hardening', { name: 'Web 服务器加固', findingIds: [f.critical!.id, f.high!.id] });
    expect(h.statusCode, h.body).toBe(201);
    expect(json(h)).toMatchObject({ total: 2, done: 0, state: 'in_progress' });
    for (const id of [f.critical!.id, f.high!.id]) expect((await post(eng, id, '/state', { action: 'fixed' })).statusCode).toBe(200);
    expect((await post(eng, f.critical!.id, '/state', { action: 'start' })).statusCode).toBe(409);
    const list = json<{ items: { name: string; state: string; done: number }[] }>(await contact.get('/api/vulns/hardening'));
    expect(list.items[0]).toMatchObject({ name: 'Web 服务器加固', done: 2, state: 'done' });
  });

  it('an import against a scan plan moves its next due date on to a working day', async () => {
    const p = await eng.post('/api/vulns/scan-plans', {
      name: '服务器区月度扫描',
      range: '192.0.2.0/24',
      cadence: 'monthly',
      firstDue: '2025-09-30',
    });
    expect(p.statusCode, p.body).toBe(201);
    const plan = json<{ id: string; nextDue: string }>(p);
    await at('2025-09-30T02:00:00Z');
    const r = await eng.upload(`/api/vulns/import?planId=${plan.id}`, {
      filename: 'w.nessus',
      content: Buffer.from(nessusFile([HOST], items.slice(2))),
    });
    expect(r.statusCode, r.body).toBe(201);
    // The two fixed findings are not reported any more: verified.
    expect(json(r)).toMatchObject({ closed: 2 });
    const after = json<{ items: { id: string; nextDue: string; lastScanId: string | null }[] }>(await duty.get('/api/vulns/scan-plans'))
      .items[0]!;
    expect(after.nextDue).toBe('2025-10-30'); // a month on, a Thursday
    expect(after.lastScanId).toBe(json<{ scanId: string }>(r).scanId);
    expect(json<{ items: { state: string }[] }>(await contact.get('/api/vulns/hardening')).items[0]!.state).toBe('done');
    const [row] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'vulns.plan.scanned'));
    expect(row).toBeTruthy();
  });
});
