// The contract's written workflows through the API on the demo (PGlite and PostgreSQL): invoice files,
// force majeure with its proof and extensions, amendments by request and consent, the contractor's
// notice to cure a late payment and its 30-day clock (the harness clock), the agency's coordinators and
// inspections. Every refusal is a Chinese problem+json with nothing written.
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TContract } from '../../../common/contract.ts';
import type { TAmendment, TCureNotice, TForceMajeure } from '../../../common/money-records.ts';
import type { TMoneyDashboard, TPayment } from '../../../common/money.ts';
import { auditLog, files, notifications, users } from '../../kernel/db/tables.ts';
import { json, testApp, Clock, type Agent, type TestApp } from '../../test/harness.ts';
import { contractAmendments, contractCureNotices, contractForceMajeure } from './tables.ts';
import { moneyWithDependencies } from './test-modules.ts';

let t: TestApp;
let pm: Agent;
let eng: Agent;
let finance: Agent;
let manager: Agent;
let cid: string;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const login = async (name: string) => {
  const a = t.agent();
  expect((await a.login(name, 'Test-Pass-1')).statusCode).toBe(200);
  return a;
};
const rows = async (table: typeof contractForceMajeure | typeof contractAmendments | typeof contractCureNotices | typeof files) =>
  Number((await t.ctx.db.select({ n: count() }).from(table))[0]!.n);
const board = async (a: Agent = pm) => json<TMoneyDashboard>(await a.get(`/api/contract/money?contractId=${cid}`));
const problem = (r: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number, code: string) => {
  expect(r.statusCode).toBe(status);
  expect(String(r.headers['content-type'])).toContain('application/problem+json');
  expect(r.json()).toMatchObject({ code });
  return (r.json() as { detail: string }).detail;
};
const noticesOf = async (username: string, event: string) =>
  Number(
    (
      await t.ctx.db
        .select({ n: count() })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(and(eq(users.username, username), eq(notifications.event, event)))
    )[0]!.n,
  );

/** Sessions end when the clock jumps weeks ahead: sign everyone in again. */
const signIn = async () => {
  [pm, eng, finance, manager] = (await Promise.all(['pm', 'eng.net', 'agency.finance', 'agency.manager'].map(login))) as [
    Agent,
    Agent,
    Agent,
    Agent,
  ];
};

beforeAll(async () => {
  // Only the modules money rests on: their demo is all it reads (a full demo takes minutes on a busy machine).
  t = await testApp({ demo: true, modules: moneyWithDependencies(), clock: new Clock(new Date('2026-11-24T02:00:00Z')) });
  await signIn();
  const list = json<{ items: TContract[] }>(await pm.get('/api/contracts'));
  cid = list.items.find((c) => c.number === 'BJRBJ2021010')!.id;
}, 300_000);
afterAll(async () => {
  await t.close();
});

async function newPayment(body: Record<string, unknown>): Promise<TPayment> {
  const r = await pm.post(`/api/contracts/${cid}/payments`, { title: '测试款项', amount: '200000.00', ...body });
  expect(r.statusCode).toBe(201);
  return json<TPayment>(r);
}

describe('invoice files', () => {
  it('uploads a PDF invoice, lists it on the payment, downloads it audited; refuses others', async () => {
    const p = await newPayment({ dueDate: '2026-10-30', invoiceNumber: 'No.26100001' });
    const up = await pm.upload(`/api/contract-payments/${p.id}/invoice`, { filename: '发票.pdf', content: PDF });
    expect(up.statusCode).toBe(200);
    expect(json<TPayment>(up)).toMatchObject({ invoiceFileName: '发票.pdf', invoiceNumber: 'No.26100001' });
    expect((await board()).payments.find((x) => x.id === p.id)?.invoiceFileName).toBe('发票.pdf');
    const dl = await finance.get(`/api/contract-payments/${p.id}/invoice`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.body).toContain('%PDF-1.4');
    const [a] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'money.file_download'), eq(auditLog.objectId, p.id)));
    expect(a!.detail).toMatchObject({ file: '发票.pdf' });
    const before = await rows(files);
    problem(
      await pm.upload(`/api/contract-payments/${p.id}/invoice`, { filename: 'invoice.txt', content: Buffer.from('x') }),
      415,
      'money.invoice_type',
    );
    expect((await eng.upload(`/api/contract-payments/${p.id}/invoice`, { filename: 'a.pdf', content: PDF })).statusCode).toBe(403);
    expect((await eng.get(`/api/contract-payments/${p.id}/invoice`)).statusCode).toBe(403);
    expect(await rows(files)).toBe(before);
    expect((await board()).payments.find((x) => x.id === p.id)?.invoiceFileName).toBe('发票.pdf');
  });
});

describe('force majeure (第九条)', () => {
  const base = { description: '洪水致机房进水', startedOn: '2026-11-10', notifiedAt: '2026-11-10T03:00:00Z', affects: ['payment.due'] };

  it('refuses a notice before the event and a future event, writing nothing', async () => {
    const n = await rows(contractForceMajeure);
    expect(
      problem(
        await pm.post(`/api/contracts/${cid}/force-majeure`, { ...base, notifiedAt: '2026-11-08T03:00:00Z' }),
        400,
        'money.notice_before_event',
      ),
    ).toContain('不能早于');
    problem(await pm.post(`/api/contracts/${cid}/force-majeure`, { ...base, startedOn: '2026-12-01' }), 400, 'money.event_in_future');
    problem(await pm.post(`/api/contracts/${cid}/force-majeure`, { ...base, affects: ['nope'] }), 400, 'validation');
    expect((await eng.post(`/api/contracts/${cid}/force-majeure`, base)).statusCode).toBe(403);
    expect(await rows(contractForceMajeure)).toBe(n);
  });

  it('records the event, tells the agency, takes the proof within ten days, extends the deadline, flags renegotiation', async () => {
    const told = await noticesOf('agency.finance', 'money.force_majeure');
    const r = await pm.post(`/api/contracts/${cid}/force-majeure`, base);
    expect(r.statusCode).toBe(201);
    const fm = json<TForceMajeure>(r);
    // 十日内 from the event: the day of the event not counted.
    expect(fm).toMatchObject({ party: 'contractor', proofDueOn: '2026-11-20', proofLate: true, days: 15, renegotiate: true });
    expect(await noticesOf('agency.finance', 'money.force_majeure')).toBe(told + 1);
    const filesBefore = await rows(files);
    const early = await pm.upload(`/api/contract-force-majeure/${fm.id}/proof`, {
      filename: '公告.pdf',
      content: PDF,
      fields: { proofOn: '2026-11-09' },
    });
    expect(problem(early, 400, 'money.proof_before_event')).toContain('不能早于事件发生日期');
    expect(
      (
        await finance.upload(`/api/contract-force-majeure/${fm.id}/proof`, {
          filename: '公告.pdf',
          content: PDF,
          fields: { proofOn: '2026-11-12' },
        })
      ).statusCode,
    ).toBe(403);
    expect(await rows(files)).toBe(filesBefore);
    const ok = json<TForceMajeure>(
      await pm.upload(`/api/contract-force-majeure/${fm.id}/proof`, {
        filename: '公告.pdf',
        content: PDF,
        fields: { proofOn: '2026-11-12' },
      }),
    );
    expect(ok).toMatchObject({ proofOn: '2026-11-12', proofFileName: '公告.pdf', proofLate: false });
    problem(
      await pm.upload(`/api/contract-force-majeure/${fm.id}/proof`, { filename: 'b.pdf', content: PDF, fields: { proofOn: '2026-11-13' } }),
      409,
      'money.proof_exists',
    );
    expect((await manager.get(`/api/contract-force-majeure/${fm.id}/proof`)).body).toContain('%PDF');
    // Ended after 5 days: the payment deadline moves by 5 days with the reason; no renegotiation.
    problem(await pm.post(`/api/contract-force-majeure/${fm.id}/end`, { endedOn: '2026-11-01' }), 400, 'money.end_before_event');
    expect((await finance.post(`/api/contract-force-majeure/${fm.id}/end`, { endedOn: '2026-11-14' })).statusCode).toBe(403);
    const ended = json<TForceMajeure>(await pm.post(`/api/contract-force-majeure/${fm.id}/end`, { endedOn: '2026-11-14' }));
    expect(ended).toMatchObject({ days: 5, renegotiate: false });
    // The 2021 contract's payment was due 2021-12-31, before this event: a later event moves nothing.
    const due = (await board()).deadlines.find((d) => d.key === 'payment.due')!;
    expect(due.date).toBe('2021-12-31');
    expect(due.extended ?? null).toBeNull();
    const actions = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.objectId, fm.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['money.force_majeure_record', 'money.force_majeure_proof', 'money.force_majeure_end']));
  });

  it('extends a deadline that the event preceded, by the days it lasted', async () => {
    const fm = json<TForceMajeure>(
      await finance.post(`/api/contracts/${cid}/force-majeure`, {
        description: '地震（回溯登记）',
        startedOn: '2021-12-20',
        endedOn: '2021-12-31',
        notifiedAt: '2021-12-20T01:00:00Z',
        affects: ['payment.due'],
      }),
    );
    expect(fm).toMatchObject({ party: 'agency', days: 12, renegotiate: true });
    const due = (await board()).deadlines.find((d) => d.key === 'payment.due')!;
    expect(due.date).toBe('2021-12-31');
    expect(due.extended).toMatchObject({ date: '2022-01-12', days: 12 });
    expect(due.extended!.reason).toContain('地震');
    expect(due.extended!.reason).toContain('第九条第1款');
  });
});

describe('amendments (第十一条)', () => {
  const fields = { clause: '第四条第2款第(1)项', change: '分两期支付', reason: '财政资金分批到位' };

  it('is asked in writing by one party and answered once by the other; the old terms hold until then', async () => {
    const n = await rows(contractAmendments);
    problem(
      await finance.upload(`/api/contracts/${cid}/amendments`, { filename: '申请书.pdf', content: PDF, fields: { ...fields, reason: '' } }),
      400,
      'validation',
    );
    expect(await rows(contractAmendments)).toBe(n);
    const told = await noticesOf('pm', 'money.amendment');
    const r = await finance.upload(`/api/contracts/${cid}/amendments`, { filename: '申请书.pdf', content: PDF, fields });
    expect(r.statusCode).toBe(201);
    const a = json<TAmendment>(r);
    expect(a).toMatchObject({ party: 'agency', status: 'pending', fileName: '申请书.pdf', requestedOn: '2026-11-24' });
    expect(await noticesOf('pm', 'money.amendment')).toBe(told + 1);
    const d0 = await board();
    expect(d0.deadlines.find((d) => d.key === 'payment.due')!.amount).toBe('1550000.00');
    expect(d0.deadlines.some((d) => d.key === `amendment.${a.id}`)).toBe(false);
    problem(await manager.post(`/api/contract-amendments/${a.id}/decision`, { decision: 'agree' }), 403, 'money.amendment_own');
    const agreed = json<TAmendment>(await pm.post(`/api/contract-amendments/${a.id}/decision`, { decision: 'agree', note: '同意' }));
    expect(agreed).toMatchObject({ status: 'agreed', decidedOn: '2026-11-24' });
    expect(agreed.decidedByName).toBeTruthy();
    expect(
      problem(await pm.post(`/api/contract-amendments/${a.id}/decision`, { decision: 'refuse' }), 409, 'money.amendment_decided'),
    ).toContain('不能再次答复');
    const row = (await board()).deadlines.find((d) => d.key === `amendment.${a.id}`)!;
    expect(row).toMatchObject({ date: '2026-11-24', clause: '第十一条第1款' });
    expect((await finance.get(`/api/contract-amendments/${a.id}/file`)).body).toContain('%PDF');
    const actions = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.objectId, a.id)).orderBy(asc(auditLog.seq))).map(
      (x) => x.action,
    );
    expect(actions).toEqual(['money.amendment_request', 'money.amendment_agree', 'money.file_download']);
  });
});

describe("the contractor's termination right (第十二条第2款)", () => {
  it('refuses a notice without a late payment, or from the agency, writing nothing', async () => {
    const future = await newPayment({ dueDate: '2026-12-31' });
    const fiscal = await newPayment({ dueDate: '2026-09-30', fiscalDelay: true });
    const n = await rows(contractCureNotices);
    const body = { noticeOn: '2026-11-24', text: '请于 30 日内支付' };
    expect(problem(await pm.post(`/api/contract-payments/${future.id}/cure-notices`, body), 409, 'money.not_late')).toContain('尚未逾期');
    expect(problem(await pm.post(`/api/contract-payments/${fiscal.id}/cure-notices`, body), 409, 'money.fiscal_delay')).toContain(
      '第四条第2款第(3)项',
    );
    problem(await finance.post(`/api/contract-payments/${future.id}/cure-notices`, body), 403, 'money.cure_notice_party');
    problem(await pm.post(`/api/contract-payments/${future.id}/cure-notices`, { ...body, text: '' }), 400, 'validation');
    expect(await rows(contractCureNotices)).toBe(n);
  });

  it('flags the right 30 days after an uncured notice, and a payment clears it', async () => {
    const late = await newPayment({ dueDate: '2026-09-30', title: '逾期款项' });
    const r = await pm.post(`/api/contract-payments/${late.id}/cure-notices`, {
      noticeOn: '2026-11-24',
      text: '请于 30 日内支付并赔偿损失',
    });
    expect(r.statusCode).toBe(201);
    const notice = json<TCureNotice>(r);
    expect(notice).toMatchObject({ state: 'open', cureBy: '2026-12-24', clause: '第十二条第2款' });
    problem(
      await pm.post(`/api/contract-payments/${late.id}/cure-notices`, { noticeOn: '2026-11-24', text: '再次' }),
      409,
      'money.notice_exists',
    );
    const row = async () => (await board()).deadlines.find((d) => d.key === `cure.${notice.id}`);
    expect(await row()).toMatchObject({ label: '甲方纠正逾期付款期限', date: '2026-12-24', status: 'upcoming' });
    t.clock.set(new Date('2026-12-24T15:00:00Z')); // 2026-12-24 23:00 in China: the last day of the cure period
    await signIn();
    expect((await row())!.label).toBe('甲方纠正逾期付款期限');
    t.clock.set(new Date('2026-12-24T16:30:00Z')); // 2026-12-25 00:30 in China
    await signIn();
    expect(await row()).toMatchObject({ label: '乙方有权解除合同（甲方逾期付款未纠正）', clause: '第十二条第2款', status: 'past' });
    expect((await board()).records!.cureNotices.find((x) => x.id === notice.id)!.state).toBe('termination-right');
    expect((await finance.patch(`/api/contract-payments/${late.id}`, { paidOn: '2026-12-25' })).statusCode).toBe(200);
    expect(await row()).toBeUndefined();
    expect((await board()).records!.cureNotices.find((x) => x.id === notice.id)!.state).toBe('cured');
  });
});

describe("the agency's coordinators and inspections (R-QA-05)", () => {
  it('records a coordinator per system and an inspection of the maintenance records, audited', async () => {
    const c = await manager.post(`/api/contracts/${cid}/coordinators`, {
      system: '安全系统',
      name: '赵强',
      phone: '010-1',
      since: '2021-09-01',
    });
    expect(c.statusCode).toBe(201);
    const i = await manager.post(`/api/contracts/${cid}/record-inspections`, {
      inspectedOn: '2026-11-20',
      inspector: '赵强',
      scope: '安全设备巡检记录',
    });
    expect(i.statusCode).toBe(201);
    problem(
      await manager.post(`/api/contracts/${cid}/record-inspections`, { inspectedOn: '2026-13-01', inspector: '赵强', scope: 'x' }),
      400,
      'validation',
    );
    expect((await eng.post(`/api/contracts/${cid}/coordinators`, { system: 'x', name: 'y', since: '2021-09-01' })).statusCode).toBe(403);
    const r = (await board(finance)).records!;
    expect(r.coordinators.map((x) => x.name)).toEqual(['赵强']);
    expect(r.inspections).toMatchObject([{ inspector: '赵强', scope: '安全设备巡检记录', findings: '' }]);
    const [a] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, json<{ id: string }>(c).id));
    expect(a!.action).toBe('contract_coordinator.create');
  });
});

describe('the demo', () => {
  it("shows the current contract's termination right, the typhoon's renegotiation and a pending amendment", async () => {
    t.clock.set(new Date('2026-11-24T02:00:00Z'));
    await signIn();
    const d = json<TMoneyDashboard>(await pm.get('/api/contract/money'));
    const r = d.records!;
    expect(r.cureNotices.map((x) => x.state)).toContain('termination-right');
    expect(r.forceMajeure.find((x) => x.description.includes('台风'))).toMatchObject({ days: 15, renegotiate: true, proofLate: false });
    expect(r.amendments.find((x) => x.clause.includes('热线'))).toMatchObject({ party: 'agency', status: 'pending' });
    expect(d.deadlines.find((x) => x.key === 'payment.due')!.extended).toMatchObject({ days: 15 });
    expect(r.coordinators.length).toBeGreaterThanOrEqual(2);
  });
});
