// The agency edits the SLA policies and the severity definitions (R-SD-02..04) through the HTTP API,
// on both databases: edits apply to tickets logged afterwards, tickets already logged keep their
// clocks; only desk.policy edits; bad input changes nothing; every edit is audited.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTicket } from '../../../common/desk.ts';
import { DEFAULT_SEVERITY_DEFINITIONS, type TSeverityList, type TSlaPolicyList, type TSlaPolicyRow } from '../../../common/desk-policy.ts';
import { auditLog } from '../../kernel/db/tables.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

let t: TestApp;
let manager: Agent;
let duty: Agent;
let engineer: Agent;
let staff: Agent;
beforeAll(async () => {
  t = await testApp({ clock: new Clock(new Date('2021-10-12T02:00:00Z')) });
  manager = await t.userAgent('agency.mgr', ['agency_manager']);
  duty = await t.userAgent('duty.op', ['duty_operator']);
  engineer = await t.userAgent('eng.net', ['engineer'], { serviceLines: ['NET'] });
  staff = await t.userAgent('agency.staff1', ['agency_staff']);
});
afterAll(async () => {
  await t.close();
});

const policies = async (a: Agent = manager) => json<TSlaPolicyList>(await a.get('/api/sla-policies')).items;
const find = (items: TSlaPolicyRow[], line: string, severity: string, category: string | null) =>
  items.find((p) => p.serviceLine === line && p.severity === severity && p.category === category)!;
const sla = (tk: TTicket, target: string) => tk.slas.find((s) => s.target === target)!;

async function lastAudit(action: string) {
  const [r] = await t.db.database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.seq)).limit(1);
  return r;
}

describe('SLA policies', () => {
  it('lists the contract seed to an engineer: 4 lines × 4 severities, general and fault', async () => {
    const r = await engineer.get('/api/sla-policies');
    expect(r.statusCode).toBe(200);
    const items = json<TSlaPolicyList>(r).items;
    expect(items).toHaveLength(32);
    const netHigh = find(items, 'NET', 'high', 'fault');
    expect(netHigh.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(netHigh.targets).toEqual([
      { target: 'callback', durationMs: 5 * MIN, profile: '7x24' },
      { target: 'onsite', durationMs: 2 * HOUR, profile: '7x24' },
      { target: 'resolve', durationMs: 24 * HOUR, profile: '7x24' },
      { target: 'report', durationMs: 24 * HOUR, profile: '7x24' },
    ]);
    expect(find(items, 'SM', 'low', null).targets).toEqual([{ target: 'callback', durationMs: 5 * MIN, profile: '5x9' }]);
    expect(typeof netHigh.updatedAt).toBe('string');
  });

  it('refuses an engineer (403) and an agency staff member reading or editing, and changes nothing', async () => {
    const before = find(await policies(), 'NET', 'high', 'fault');
    const r = await engineer.put(`/api/sla-policies/${before.id}`, {
      targets: [{ target: 'callback', durationMs: 10 * MIN, profile: '7x24' }],
    });
    expect(r.statusCode).toBe(403);
    expect(json(r).code).toBe('auth.forbidden');
    expect((await staff.get('/api/sla-policies')).statusCode).toBe(403);
    expect(find(await policies(), 'NET', 'high', 'fault')).toEqual(before);
  });

  const ok = { target: 'callback', durationMs: 5 * MIN, profile: '7x24' };
  it.each([
    ['a duplicate target', { targets: [ok, { ...ok, durationMs: 10 * MIN }] }],
    ['0 ms', { targets: [{ ...ok, durationMs: 0 }] }],
    ['59 seconds', { targets: [{ ...ok, durationMs: 59_000 }] }],
    ['more than 30 days', { targets: [{ ...ok, durationMs: 30 * 24 * HOUR + 1 }] }],
    ['a fractional duration', { targets: [{ ...ok, durationMs: 90_000.5 }] }],
    ['an unknown profile', { targets: [{ ...ok, profile: '6x12' }] }],
    ['an unknown target', { targets: [{ ...ok, target: 'diagnose' }] }],
    ['no targets', { targets: [] }],
    ['no body fields', {}],
  ])('refuses %s with 400 and changes nothing', async (_, body) => {
    const before = find(await policies(), 'NET', 'high', 'fault');
    const r = await manager.put(`/api/sla-policies/${before.id}`, body);
    expect(r.statusCode).toBe(400);
    expect(json(r).code).toBe('validation');
    expect(find(await policies(), 'NET', 'high', 'fault')).toEqual(before);
  });

  it('answers 404 for a policy that does not exist', async () => {
    const r = await manager.put('/api/sla-policies/00000000-0000-4000-8000-000000000000', { targets: [ok] });
    expect(r.statusCode).toBe(404);
    expect(json(r).code).toBe('sla_policy.not_found');
  });

  it('moves the NET/high on-site target from 2 h to 3 h for faults logged afterwards; one logged before keeps 2 h', async () => {
    const fault = { serviceLine: 'NET', category: 'fault', severity: 'high', channel: 'hotline' };
    const before = json<TTicket>(await duty.post('/api/tickets', { ...fault, title: '三层东侧接入交换机离线' }));
    const loggedBefore = t.clock.now().getTime();
    expect(new Date(sla(before, 'onsite').dueAt!).getTime()).toBe(loggedBefore + 2 * HOUR);

    t.clock.advance(10 * MIN);
    const items = await policies();
    const p = find(items, 'NET', 'high', 'fault');
    const targets = p.targets.map((x) => (x.target === 'onsite' ? { ...x, durationMs: 3 * HOUR } : x));
    const r = await manager.put(`/api/sla-policies/${p.id}`, { targets });
    expect(r.statusCode).toBe(200);
    expect(json<TSlaPolicyRow>(r)).toMatchObject({ id: p.id, targets, updatedAt: t.clock.now().toISOString() });
    // Only that policy changed.
    const now = await policies();
    expect(now.filter((x) => x.id !== p.id)).toEqual(items.filter((x) => x.id !== p.id));

    const after = json<TTicket>(await duty.post('/api/tickets', { ...fault, title: '四层西侧接入交换机离线' }));
    const loggedAfter = t.clock.now().getTime();
    expect(sla(after, 'onsite')).toMatchObject({ durationMs: 3 * HOUR, profile: '7x24' });
    expect(new Date(sla(after, 'onsite').dueAt!).getTime()).toBe(loggedAfter + 3 * HOUR);
    expect(new Date(sla(after, 'resolve').dueAt!).getTime()).toBe(loggedAfter + 24 * HOUR);

    // The ticket logged before, read again after the change: still 2 h.
    const again = json<TTicket>(await duty.get(`/api/tickets/${before.id}`));
    expect(sla(again, 'onsite')).toMatchObject({ durationMs: 2 * HOUR });
    expect(new Date(sla(again, 'onsite').dueAt!).getTime()).toBe(loggedBefore + 2 * HOUR);

    // A NET/critical fault is untouched by the NET/high edit.
    const crit = json<TTicket>(await duty.post('/api/tickets', { ...fault, severity: 'critical', title: '核心交换机宕机' }));
    expect(sla(crit, 'onsite').durationMs).toBe(2 * HOUR);

    const a = await lastAudit('sla_policy.update');
    expect(a).toMatchObject({ actorName: 'agency.mgr', objectType: 'sla_policy', objectId: p.id, success: true });
    const detail = a!.detail as {
      before: { targets: unknown[] };
      after: { targets: unknown[] };
      serviceLine: string;
      severity: string;
      category: string;
    };
    expect(detail).toMatchObject({ serviceLine: 'NET', severity: 'high', category: 'fault' });
    expect(detail.before.targets).toEqual(p.targets);
    expect(detail.after.targets).toEqual(targets);
  });
});

describe('severity definitions', () => {
  it('gives the four levels with fixed names and the default definitions, to engineers and agency staff', async () => {
    for (const a of [engineer, staff, duty]) {
      const r = await a.get('/api/desk/severities');
      expect(r.statusCode).toBe(200);
      const s = json<TSeverityList>(r);
      expect(s.updatedAt).toBeNull();
      expect(s.items.map((x) => [x.code, x.name])).toEqual([
        ['critical', '紧急'],
        ['high', '高'],
        ['medium', '中'],
        ['low', '低'],
      ]);
      expect(s.items[0]).toMatchObject({ definition: DEFAULT_SEVERITY_DEFINITIONS.critical.zh, edited: false });
    }
  });

  const edited = [
    { code: 'critical', definition: '核心业务中断、全局网络或监控中心不可用，须立即处理', examples: '核心交换机宕机；互联网出口中断' },
    { code: 'high', definition: '重要功能受损或一个处室以上受影响' },
    { code: 'medium', definition: '个别用户或非关键功能受影响' },
    { code: 'low', definition: '咨询、优化建议或可预约处理的事项' },
  ];

  it('refuses an engineer (403) and bad input (400), and changes nothing', async () => {
    expect((await engineer.put('/api/desk/severities', { items: edited })).statusCode).toBe(403);
    for (const body of [
      { items: edited.slice(0, 3) },
      { items: [...edited.slice(0, 3), { ...edited[0] }] },
      { items: [...edited.slice(0, 3), { code: 'low', definition: '   ' }] },
      { items: [...edited.slice(0, 3), { code: 'low', definition: '长'.repeat(501) }] },
      { items: [...edited.slice(0, 3), { code: 'urgent', definition: '紧急' }] },
    ]) {
      const r = await manager.put('/api/desk/severities', body);
      expect(r.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(json(r).code).toBe('validation');
    }
    expect(json<TSeverityList>(await engineer.get('/api/desk/severities')).updatedAt).toBeNull();
  });

  it("stores the agency manager's definitions (names stay fixed), which an engineer then reads; audited", async () => {
    const r = await manager.put('/api/desk/severities', { items: edited.map((e) => (e.code === 'high' ? { ...e, name: '特高' } : e)) });
    expect(r.statusCode).toBe(200);
    const s = json<TSeverityList>(await engineer.get('/api/desk/severities'));
    expect(s.updatedAt).toBe(t.clock.now().toISOString());
    expect(s.items).toEqual([
      { code: 'critical', name: '紧急', definition: edited[0]!.definition, examples: edited[0]!.examples, edited: true },
      { code: 'high', name: '高', definition: edited[1]!.definition, edited: true },
      { code: 'medium', name: '中', definition: edited[2]!.definition, edited: false },
      { code: 'low', name: '低', definition: edited[3]!.definition, edited: false },
    ]);
    expect(json<TSeverityList>(r)).toEqual(s);

    const [a] = await t.db.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'desk.severity_definitions.update'), eq(auditLog.objectId, 'desk.severity_definitions')));
    const detail = a!.detail as { before: Record<string, { definition: string }>; after: Record<string, { definition: string }> };
    expect(detail.before.critical!.definition).toBe(DEFAULT_SEVERITY_DEFINITIONS.critical.zh);
    expect(detail.after.critical!.definition).toBe(edited[0]!.definition);

    // A second edit replaces the first (the settings row is updated, not duplicated).
    t.clock.advance(MIN);
    const second = edited.map((e) => (e.code === 'low' ? { code: 'low', definition: '咨询类事项' } : e));
    expect((await manager.put('/api/desk/severities', { items: second })).statusCode).toBe(200);
    const s2 = json<TSeverityList>(await staff.get('/api/desk/severities'));
    expect(s2.items[3]).toMatchObject({ definition: '咨询类事项', edited: true });
    expect(s2.items[0]!.definition).toBe(edited[0]!.definition);
  });
});
