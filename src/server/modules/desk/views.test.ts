// Queue views through the HTTP API on both databases: "my work" filters, saved filters, the Excel
// export of a filtered queue, the SLA risk board, and self-service filing by agency staff.
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRiskItem, TTicket } from '../../../common/desk.ts';
import type { TSavedView } from '../../../common/views.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { reevaluateOpenClocks } from './clocks.ts';
import { tickets } from './tables.ts';

let t: TestApp;
let duty: Agent;
let engNet: Agent;
let engNetId: string;
let staff: Agent;
let staff2: Agent;
const ids: Record<string, string> = {};

async function me(a: Agent): Promise<string> {
  return json<{ id: string }>(await a.get('/api/auth/me')).id;
}

async function file(a: Agent, body: Record<string, unknown>): Promise<TTicket> {
  const r = await a.post('/api/tickets', body);
  expect(r.statusCode, r.body).toBe(201);
  return json<TTicket>(r);
}

beforeAll(async () => {
  // Tuesday 2021-10-12 10:00 Beijing time
  t = await testApp({ clock: new Clock(new Date('2021-10-12T02:00:00Z')) });
  duty = await t.userAgent('duty.v', ['duty_operator']);
  engNet = await t.userAgent('eng.net.v', ['engineer'], { serviceLines: ['NET'] });
  engNetId = await me(engNet);
  staff = await t.userAgent('staff.v', ['agency_staff'], { phone: '13800000001' });
  staff2 = await t.userAgent('staff2.v', ['agency_staff'], { phone: '13800000002' });
  // A NET critical fault 3 hours ago: its 2-hour on-site target is breached; call-back too.
  ids.late = (
    await file(duty, {
      serviceLine: 'NET',
      category: 'fault',
      severity: 'critical',
      title: '核心交换机宕机',
      reportedAt: '2021-10-12T07:00:00+08:00',
    })
  ).id;
  // A NET request just now, assigned to the NET engineer.
  ids.mine = (
    await file(duty, {
      serviceLine: 'NET',
      category: 'request',
      severity: 'medium',
      title: '新增办公网端口',
      requesterPhone: '13800001111',
    })
  ).id;
  await t.ctx.db.update(tickets).set({ assigneeId: engNetId }).where(eq(tickets.id, ids.mine));
  // A SM consultation the NET engineer may not see.
  ids.sm = (await file(duty, { serviceLine: 'SM', category: 'consultation', severity: 'low', title: '监控录像保存多久' })).id;
  await reevaluateOpenClocks(t.ctx);
});
afterAll(async () => {
  await t.close();
});

describe('my work', () => {
  it('lists the tickets assigned to me, and "mine" adds those I filed', async () => {
    const assigned = json<{ items: TTicket[]; total: number }>(await engNet.get('/api/tickets?assignee=me'));
    expect(assigned.items.map((x) => x.id)).toEqual([ids.mine]);
    const mineDuty = json<{ items: TTicket[] }>(await duty.get('/api/tickets?mine=true'));
    expect(mineDuty.items.map((x) => x.id).sort()).toEqual([ids.late, ids.mine, ids.sm].sort());
  });

  it('filters on SLA state: only the ticket with a breached clock is at risk', async () => {
    const r = json<{ items: TTicket[] }>(await duty.get('/api/tickets?sla=breached&open=true'));
    expect(r.items.map((x) => x.id)).toEqual([ids.late]);
    const risk = json<{ items: TTicket[]; total: number }>(await duty.get('/api/tickets?sla=at_risk'));
    expect(risk).toMatchObject({ total: 1, items: [{ id: ids.late }] });
    // A full page takes its total from the count (the distinct tickets at risk, service.ts), not the page.
    expect(json<{ total: number }>(await duty.get('/api/tickets?sla=at_risk&open=true&pageSize=1'))).toMatchObject({ total: 1 });
    expect(json<{ items: TTicket[] }>(await duty.get('/api/tickets?sla=warning')).items).toEqual([]);
  });

  it('refuses a malformed filter with a clear 400', async () => {
    const r = await duty.get('/api/tickets?assignee=someone');
    expect(r.statusCode).toBe(400);
    expect(json(r).code).toBe('validation');
  });
});

describe('assignee candidates', () => {
  it("lists the engineers of the ticket's line for the project manager, and refuses an engineer", async () => {
    const pm = await t.userAgent('pm.v', ['contractor_pm'], { serviceLines: ['SM', 'NET', 'SEC', 'VC'] });
    const r = await pm.get(`/api/tickets/${ids.mine}/assignees`);
    expect(r.statusCode).toBe(200);
    const names = json<{ username: string; role: string }[]>(r).map((c) => c.username);
    expect(names).toContain('eng.net.v');
    expect(names).toContain('pm.v');
    expect((await engNet.get(`/api/tickets/${ids.mine}/assignees`)).statusCode).toBe(403);
  });
});

describe('saved filters', () => {
  it("saves, lists and deletes a user's own filters, refusing a duplicate name", async () => {
    const r = await engNet.post('/api/views', {
      scope: 'desk.queue',
      name: '我的 NET 待办',
      query: { serviceLine: 'NET', open: true, assignee: 'me' },
    });
    expect(r.statusCode).toBe(201);
    const v = json<TSavedView>(r);
    expect((await engNet.post('/api/views', { scope: 'desk.queue', name: '我的 NET 待办', query: {} })).statusCode).toBe(409);
    expect(json<TSavedView[]>(await engNet.get('/api/views?scope=desk.queue')).map((x) => x.name)).toEqual(['我的 NET 待办']);
    // Another user neither sees nor deletes it.
    expect(json<TSavedView[]>(await duty.get('/api/views?scope=desk.queue'))).toEqual([]);
    expect((await duty.delete(`/api/views/${v.id}`)).statusCode).toBe(404);
    expect((await engNet.delete(`/api/views/${v.id}`)).statusCode).toBe(204);
    expect(json<TSavedView[]>(await engNet.get('/api/views?scope=desk.queue'))).toEqual([]);
  });

  it('rejects a filter with a nested value or an unknown list', async () => {
    expect((await duty.post('/api/views', { scope: 'desk.queue', name: 'x', query: { a: { b: 1 } } })).statusCode).toBe(400);
    expect((await duty.post('/api/views', { scope: 'nowhere', name: 'x', query: {} })).statusCode).toBe(400);
    expect(json<TSavedView[]>(await duty.get('/api/views?scope=desk.queue'))).toEqual([]);
  });
});

describe('Excel export', () => {
  async function sheet(a: Agent, url: string) {
    const r = await a.get(url);
    expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('运维单'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1).map((v) => String(v ?? ''))));
    return rows;
  }

  it('exports the filtered queue with Chinese headers and the SLA states', async () => {
    const rows = await sheet(duty, '/api/tickets/export?serviceLine=NET');
    expect(rows[0]!.slice(0, 5)).toEqual(['编号', '服务项目', '类别', '级别', '标题']);
    expect(rows).toHaveLength(3);
    const late = rows.find((r) => r[4] === '核心交换机宕机')!;
    expect(late[1]).toBe('办公楼网络管理运行维护');
    expect(late[3]).toBe('紧急');
    expect(late[13]).toContain('已超时');
    const mine = rows.find((r) => r[4] === '新增办公网端口')!;
    expect(mine[11]).toBe('eng.net.v');
  });

  it('exports only what the user may see', async () => {
    const rows = await sheet(engNet, '/api/tickets/export');
    expect(rows.slice(1).map((r) => r[1])).toEqual(['办公楼网络管理运行维护', '办公楼网络管理运行维护']);
  });
});

describe('SLA risk board', () => {
  it('puts the breached clocks first, then the nearest due, and leaves out paused ones', async () => {
    const b = json<{ items: TRiskItem[]; total: number; counts: { serviceLine: string; state: string; n: number }[] }>(
      await duty.get('/api/tickets/risk'),
    );
    const dues = b.items.map((i) => Date.parse(i.sla.dueAt!));
    expect(dues).toEqual([...dues].sort((x, y) => x - y));
    expect(b.items[0]).toMatchObject({ ticketId: ids.late, sla: { state: 'breached' } });
    expect(b.counts.find((c) => c.serviceLine === 'NET' && c.state === 'breached')!.n).toBeGreaterThanOrEqual(2);
    // Pausing the late ticket (waiting for a spare part) takes its clocks off the board.
    expect((await duty.post(`/api/tickets/${ids.late}/events`, { kind: 'pause', reason: '等待备件' })).statusCode).toBe(200);
    const after = json<{ items: TRiskItem[]; total: number }>(await duty.get('/api/tickets/risk'));
    expect(after.items.some((i) => i.ticketId === ids.late)).toBe(false);
    expect(after.total).toBeLessThan(b.total);
    expect((await duty.post(`/api/tickets/${ids.late}/events`, { kind: 'resume' })).statusCode).toBe(200);
  });

  it('shows an engineer only their lines', async () => {
    const b = json<{ items: TRiskItem[] }>(await engNet.get('/api/tickets/risk'));
    expect(new Set(b.items.map((i) => i.serviceLine))).toEqual(new Set(['NET']));
  });
});

describe('self-service filing by agency staff', () => {
  it('files in their own name over the web, now, and sees only their own tickets', async () => {
    const tk = await file(staff, {
      serviceLine: 'SM',
      category: 'fault',
      severity: 'medium',
      title: '办公室电脑无法上网',
      channel: 'hotline',
      reportedAt: '2021-10-11T09:00:00+08:00',
      requesterName: '别人',
    });
    expect(tk.channel).toBe('web');
    expect(tk.requesterName).toBe('staff.v');
    expect(tk.reportedAt).toBe('2021-10-12T02:00:00.000Z');
    const mine = json<{ items: TTicket[]; total: number }>(await staff.get('/api/tickets'));
    expect(mine.items.map((x) => x.id)).toEqual([tk.id]);
    expect((await staff.get(`/api/tickets/${tk.id}`)).statusCode).toBe(200);
    // Nobody else's tickets: not in the list, 404 by id.
    expect((await staff.get(`/api/tickets/${ids.late}`)).statusCode).toBe(404);
    expect(json<{ total: number }>(await staff2.get('/api/tickets')).total).toBe(0);
    expect((await staff2.get(`/api/tickets/${tk.id}`)).statusCode).toBe(404);
  });

  it('may not work tickets or see the risk board', async () => {
    const tk = await file(staff, { serviceLine: 'VC', category: 'request', severity: 'low', title: '预约第三会议室视频会议' });
    expect((await staff.post(`/api/tickets/${tk.id}/events`, { kind: 'callback' })).statusCode).toBe(403);
    expect((await staff.get('/api/tickets/risk')).statusCode).toBe(403);
  });
});
