// Spare parts through the HTTP API on both databases: stock moves and their refusals, concurrent
// issues that never go negative, the below-minimum alert once per crossing, ticket linkage and scope,
// and the all-or-nothing Excel import with every error listed.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSparePart, TSpareMove, TSpareMoveResult, TTicketSpares } from '../../../../common/spares.ts';
import type { TNotificationList } from '../../../../common/notify.ts';
import { json, testApp, type Agent, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let pm: Agent;
let eng: Agent;
let duty: Agent;
let viewer: Agent;
let netTicket: string;
let smTicket: string;
let partId: string;

async function part(a: Agent, body: Record<string, unknown>): Promise<TSparePart> {
  const r = await a.post('/api/spare-parts', body);
  expect(r.statusCode, r.body).toBe(201);
  return json<TSparePart>(r);
}
const move = (a: Agent, id: string, body: Record<string, unknown>) => a.post(`/api/spare-parts/${id}/moves`, body);
const getPart = async (id: string) => json<TSparePart>(await pm.get(`/api/spare-parts/${id}`));
const alerts = async () =>
  json<TNotificationList>(await pm.get('/api/notifications?pageSize=100')).items.filter((n) => n.event === 'spare.below_min');

beforeAll(async () => {
  t = await testApp();
  pm = await t.userAgent('pm.s', ['contractor_pm'], { serviceLines: ['NET', 'SM'] });
  eng = await t.userAgent('eng.net.s', ['engineer'], { serviceLines: ['NET'] });
  duty = await t.userAgent('duty.s', ['duty_operator']);
  viewer = await t.userAgent('contact.s', ['agency_contact']);
  const file = async (serviceLine: string, title: string) => {
    const r = await duty.post('/api/tickets', { serviceLine, category: 'fault', severity: 'medium', title });
    expect(r.statusCode, r.body).toBe(201);
    return json<{ id: string }>(r).id;
  };
  netTicket = await file('NET', '接入交换机光模块故障');
  smTicket = await file('SM', '监控存储硬盘告警');
  partId = (
    await part(pm, {
      partNumber: 'SP-SFP-LX',
      name: '千兆单模光模块',
      vendor: '华为',
      model: 'SFP-GE-LX-SM1310',
      minLevel: 3,
      serviceLine: 'NET',
    })
  ).id;
});
afterAll(async () => {
  await t.close();
});

describe('spare parts', () => {
  it('keeps part numbers unique and lets readers list but not write', async () => {
    expect((await pm.post('/api/spare-parts', { partNumber: 'SP-SFP-LX', name: '重复' })).statusCode).toBe(409);
    expect((await viewer.post('/api/spare-parts', { partNumber: 'X-1', name: 'x' })).statusCode).toBe(403);
    expect((await viewer.get('/api/spare-parts')).statusCode).toBe(200);
    expect((await viewer.post(`/api/spare-parts/${partId}/moves`, { kind: 'receipt', location: 'A', qty: 1 })).statusCode).toBe(403);
  });

  it('receives stock into locations and sums it per part', async () => {
    expect((await move(pm, partId, { kind: 'receipt', location: '中心机房西区 备件柜', qty: 5 })).statusCode).toBe(201);
    expect((await move(pm, partId, { kind: 'receipt', location: '六里桥办公区 弱电间', qty: 2 })).statusCode).toBe(201);
    const p = await getPart(partId);
    expect([p.onHand, p.reserved, p.available, p.belowMin]).toEqual([7, 0, 7, false]);
    expect(p.locations.map((l) => [l.location, l.onHand])).toEqual([
      ['中心机房西区 备件柜', 5],
      ['六里桥办公区 弱电间', 2],
    ]);
  });

  it('refuses an issue of more than is available with 409 and the numbers, and changes nothing', async () => {
    const before = await getPart(partId);
    const r = await move(eng, partId, { kind: 'issue', location: '六里桥办公区 弱电间', qty: 3, ticketId: netTicket });
    expect(r.statusCode).toBe(409);
    expect(json(r)).toMatchObject({ code: 'spare.insufficient', available: 2, requested: 3 });
    expect(await getPart(partId)).toEqual(before);
    const moves = json<{ total: number }>(await pm.get(`/api/spare-parts/${partId}/moves`));
    expect(moves.total).toBe(2);
  });

  it('links issues to a ticket: required, and only a ticket in the user’s scope', async () => {
    const none = await move(eng, partId, { kind: 'issue', location: '中心机房西区 备件柜', qty: 1 });
    expect(none.statusCode).toBe(400);
    const other = await move(eng, partId, { kind: 'issue', location: '中心机房西区 备件柜', qty: 1, ticketId: smTicket });
    expect(other.statusCode).toBe(404);
    expect((await eng.get(`/api/tickets/${smTicket}/spares`)).statusCode).toBe(404);
    expect((await getPart(partId)).onHand).toBe(7);
  });

  it('reserves for a ticket, and the ticket’s issue consumes its reservation', async () => {
    const res = await move(eng, partId, { kind: 'reserve', location: '中心机房西区 备件柜', qty: 2, ticketId: netTicket });
    expect(res.statusCode, res.body).toBe(201);
    expect((await getPart(partId)).available).toBe(5);
    // Another reservation cannot take more than what is left available there (5 − 2 = 3).
    expect((await move(pm, partId, { kind: 'reserve', location: '中心机房西区 备件柜', qty: 4 })).statusCode).toBe(409);
    const iss = await move(eng, partId, {
      kind: 'issue',
      location: '中心机房西区 备件柜',
      qty: 1,
      ticketId: netTicket,
      note: '更换 Gi0/0/24 光模块',
    });
    expect(iss.statusCode, iss.body).toBe(201);
    const p = json<TSpareMoveResult>(iss).part;
    expect([p.onHand, p.reserved, p.available]).toEqual([6, 1, 5]);
    // Return: at most what the ticket took.
    expect((await move(eng, partId, { kind: 'return', location: '中心机房西区 备件柜', qty: 2, ticketId: netTicket })).statusCode).toBe(
      409,
    );
    expect((await move(eng, partId, { kind: 'release', location: '中心机房西区 备件柜', qty: 1, ticketId: netTicket })).statusCode).toBe(
      201,
    );
    const used = json<TTicketSpares>(await eng.get(`/api/tickets/${netTicket}/spares`));
    expect(used.items).toHaveLength(1);
    expect(used.items[0]).toMatchObject({ partNumber: 'SP-SFP-LX', issued: 1, returned: 0, used: 1, reserved: 0 });
    expect(used.moves.map((m) => m.kind)).toEqual(['reserve', 'release', 'issue', 'release']);
    const list = json<{ items: TSpareMove[] }>(await pm.get(`/api/spare-parts/${partId}/moves`)).items;
    expect(list[0]!.kind).toBe('release');
    expect(list[0]!.ticketNumber).toMatch(/\S/);
  });

  it('alerts the project managers once per crossing below the minimum', async () => {
    // available 6, minimum 3
    expect(await alerts()).toHaveLength(0);
    // 中心机房西区 4, 六里桥 2
    const issue = (qty: number, location = '中心机房西区 备件柜') =>
      move(eng, partId, { kind: 'issue', location, qty, ticketId: netTicket });
    expect(json<TSpareMoveResult>(await issue(3)).alerted).toBe(false); // 3: not below
    expect(json<TSpareMoveResult>(await issue(1)).alerted).toBe(true); // 2: crossed
    expect(json<TSpareMoveResult>(await issue(1, '六里桥办公区 弱电间')).alerted).toBe(false); // 1: still below, no new alert
    expect(await alerts()).toHaveLength(1);
    expect((await alerts())[0]!.title).toContain('SP-SFP-LX');
    const belowList = json<{ items: TSparePart[] }>(await pm.get('/api/spare-parts?belowMin=true'));
    expect(belowList.items.map((x) => x.partNumber)).toEqual(['SP-SFP-LX']);
    await move(pm, partId, { kind: 'receipt', location: '中心机房西区 备件柜', qty: 10 }); // back above
    expect(json<{ total: number }>(await pm.get('/api/spare-parts?belowMin=true')).total).toBe(0);
    const fresh = await getPart(partId);
    await issue(fresh.available - 2); // crosses again
    expect(await alerts()).toHaveLength(2);
  });

  it('never goes negative under concurrent issues', async () => {
    const id = (await part(pm, { partNumber: 'SP-PSU-150', name: '交换机电源模块 150W', minLevel: 0 })).id;
    await move(pm, id, { kind: 'receipt', location: '备件库', qty: 5 });
    const rs = await Promise.all(
      Array.from({ length: 8 }, () => move(eng, id, { kind: 'issue', location: '备件库', qty: 1, ticketId: netTicket })),
    );
    const codes = rs.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(3);
    const p = await getPart(id);
    expect([p.onHand, p.available]).toEqual([0, 0]);
    expect(json<{ total: number }>(await pm.get(`/api/spare-parts/${id}/moves`)).total).toBe(6);
  });

  it('adjusts with a reason and never below what is reserved', async () => {
    const id = (await part(pm, { partNumber: 'SP-FAN-01', name: '交换机风扇模块' })).id;
    await move(pm, id, { kind: 'receipt', location: '备件库', qty: 4 });
    await move(pm, id, { kind: 'reserve', location: '备件库', qty: 3 });
    expect((await move(pm, id, { kind: 'adjust', location: '备件库', qty: -1 })).statusCode).toBe(400); // no reason
    expect((await move(pm, id, { kind: 'adjust', location: '备件库', qty: -2, note: '盘点短少' })).statusCode).toBe(409);
    expect((await move(pm, id, { kind: 'adjust', location: '备件库', qty: -1, note: '盘点短少' })).statusCode).toBe(201);
    expect((await getPart(id)).onHand).toBe(3);
  });
});

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('备品备件');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const HEAD = ['备件编号', '名称', '分类代码', '厂商', '型号', '单位', '最低库存', '服务项目', '存放位置', '入库数量', '备注'];

describe('spare parts in Excel', () => {
  it('serves the template', async () => {
    const r = await pm.get('/api/spare-parts/import-template');
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, ...HEAD]);
  });

  it('rejects a bad file listing every error by row and column, and writes nothing', async () => {
    const before = json<{ total: number }>(await pm.get('/api/spare-parts')).total;
    const buf = await workbook([
      HEAD,
      ['SP-HDD-4T', '监控硬盘 4TB', '', '希捷', 'ST4000VX', '块', 2, 'SM', '监控中心 备件柜', 4, ''],
      ['', '没有编号', '', '', '', '', -1, 'XX', '', '', ''],
      ['SP-HDD-4T', '重复编号', '', '', '', '', '', '', '仓库', 'abc', ''],
    ]);
    const r = await pm.upload('/api/spare-parts/import', { filename: '备件.xlsx', content: buf });
    expect(r.statusCode, r.body).toBe(422);
    const errs = json<{ errors: { row: number; column: string; message: string }[] }>(r).errors.map((e) => `${e.row}:${e.column}`);
    expect(errs.sort()).toEqual(['3:备件编号', '3:最低库存', '3:服务项目', '4:备件编号', '4:入库数量'].sort());
    expect(json<{ total: number }>(await pm.get('/api/spare-parts')).total).toBe(before);
  });

  it('imports a good file in one go, receipts included, and updates known part numbers', async () => {
    const buf = await workbook([
      HEAD,
      ['SP-HDD-4T', '监控硬盘 4TB', '', '希捷', 'ST4000VX', '块', 2, 'SM', '监控中心 备件柜', 4, ''],
      ['SP-RC-VC', '会议摄像机遥控器', '', '宝利通', 'EagleEye IV 遥控器', '个', 1, 'VC', '', '', ''],
      ['SP-SFP-LX', '千兆单模光模块（导入更新）', '', '华为', 'SFP-GE-LX-SM1310', '个', 3, 'NET', '', '', ''],
    ]);
    const r = await pm.upload('/api/spare-parts/import', { filename: '备件.xlsx', content: buf });
    expect(r.statusCode, r.body).toBe(200);
    expect(json(r)).toEqual({ created: 2, updated: 1, received: 1, rows: 3 });
    const hdd = json<{ items: TSparePart[] }>(await pm.get('/api/spare-parts?q=SP-HDD')).items[0]!;
    expect([hdd.onHand, hdd.unit, hdd.serviceLine]).toEqual([4, '块', 'SM']);
    expect((await getPart(partId)).name).toBe('千兆单模光模块（导入更新）');
  });

  it('refuses a file that is not Excel, and engineers without spare.write', async () => {
    const r = await pm.upload('/api/spare-parts/import', { filename: 'a.txt', content: Buffer.from('hello') });
    expect(r.statusCode).toBe(415);
    expect((await viewer.get('/api/spare-parts/import-template')).statusCode).toBe(403);
  });

  it('exports the filtered list', async () => {
    const r = await pm.get('/api/spare-parts/export?serviceLine=SM');
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe('SP-HDD-4T');
  });
});
