// The asset register through the HTTP API, on both databases: classification, generated numbers,
// the three levels field by field, search, history, import and export, labels with decodable QR.
import ExcelJS from 'exceljs';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAsset, TAssetClassNode, TAssetHistoryEntry } from '../../../../common/assets.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { roomStore, siteStore } from '../../org/service.ts';
import { createTicket } from '../../desk/service.ts';
import { CHROMIUM_PATH } from '../../../kernel/office/pdf.ts';
import { assetUrl, labelsHtml, qrPng } from './labels.ts';
import { renderRule } from './numbering.ts';

// jsqr is CommonJS with an ES default export: its types and Node's interop disagree on the shape.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: Decode = ((jsQRModule as unknown as { default?: Decode }).default ?? jsQRModule) as unknown as Decode;

let t: TestApp;
let eng: Agent; // asset.write
let fin: Agent; // asset.finance
let dept: Agent; // asset.business
let mgr: Agent; // asset.classes
let siteId: string;
let roomId: string;
beforeAll(async () => {
  t = await testApp({ clock: new Clock(new Date('2026-03-02T02:00:00Z')) });
  eng = await t.userAgent('eng.a', ['engineer'], { serviceLines: ['NET'] });
  fin = await t.userAgent('fin.a', ['agency_finance']);
  dept = await t.userAgent('dept.a', ['agency_dept']);
  mgr = await t.userAgent('mgr.a', ['agency_manager']);
  const site = await siteStore.create(t.ctx, { code: 'west', name: '西办公区', address: '' });
  siteId = site.id;
  roomId = (await roomStore.create(t.ctx, { siteId, code: 'west-dc', name: '中心机房西区', building: '办公楼', floor: '3', purpose: '' }))
    .id;
}, 60_000);
afterAll(async () => {
  await t.close();
});

const create = async (a: Agent, body: Record<string, unknown>) => {
  const r = await a.post('/api/assets', body);
  expect(r.statusCode, r.body).toBe(201);
  return json<TAsset>(r);
};

describe('classification (R-AST-02)', () => {
  it('seeds the GB/T 14885-2022 IT branches with their source, and the agency adds sub-classes', async () => {
    const tree = json<TAssetClassNode[]>(await eng.get('/api/asset-classes'));
    const it = tree.find((c) => c.code === 'A02010000')!;
    expect(it.name).toBe('信息化设备');
    expect(it.source).toBe('GB/T 14885-2022');
    const net = it.children.find((c) => c.code === 'A02010200')!;
    expect(net).toMatchObject({ name: '网络设备', kind: 'network', source: 'GB/T 14885-2022', numberCode: 'NET' });
    expect(net.children.find((c) => c.code === 'A02010202')).toMatchObject({ name: '交换机', source: 'agency' });
    expect(it.children.map((c) => c.code)).toEqual(expect.arrayContaining(['A02010100', 'A02010300']));

    expect((await eng.post('/api/asset-classes', { code: 'A02010205', parentCode: 'A02010200', name: '光纤收发器' })).statusCode).toBe(403);
    const r = await mgr.post('/api/asset-classes', { code: 'A02010205', parentCode: 'A02010200', name: '光纤收发器', numberCode: 'OTR' });
    expect(r.statusCode, r.body).toBe(201);
    expect(json(r)).toMatchObject({ source: 'agency', kind: 'network' });
    expect((await mgr.post('/api/asset-classes', { code: 'A02010205', parentCode: 'A02010200', name: '重复' })).statusCode).toBe(409);
    expect((await mgr.post('/api/asset-classes', { code: 'A09990000', parentCode: 'NOPE', name: 'x' })).statusCode).toBe(400);
    // Disabled classes take no new assets.
    expect((await mgr.patch('/api/asset-classes/A02010205', { disabled: true })).statusCode).toBe(200);
    expect((await eng.post('/api/assets', { name: 'x', classCode: 'A02010205' })).statusCode).toBe(400);
  });
});

describe('records and numbering', () => {
  it('creates with a generated number from class and site', async () => {
    const a = await create(eng, {
      name: '核心交换机 1',
      classCode: 'A02010202',
      vendor: '华为',
      model: 'CE12804',
      serial: '2102SN0001',
      mgmtIp: '10.1.0.1',
      roomId,
      rack: 'A01',
      rackUnit: '20-27',
      status: 'in_use',
    });
    expect(a.number).toBe('NET-WEST-00001');
    expect(a.siteId).toBe(siteId); // from the room
    expect(a.location).toContain('中心机房西区');
    expect(a.classPath.map((c) => c.name)).toEqual(['信息化设备', '网络设备', '交换机']);
    const fw = await create(eng, { name: '防火墙', classCode: 'A02010301', siteId });
    expect(fw.number).toBe('FW-WEST-00001');
    const nosite = await create(eng, { name: '服务器', classCode: 'A02010104' });
    expect(nosite.number).toBe('SRV-XX-00001');
  });

  it('never reuses a number, and concurrent creates get distinct ones', async () => {
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) => eng.post('/api/assets', { name: `接入交换机 ${i}`, classCode: 'A02010202', siteId })),
    );
    for (const r of made) expect(r.statusCode, r.body).toBe(201);
    const numbers = made.map((r) => json<TAsset>(r).number);
    expect(new Set(numbers).size).toBe(8);
    // Delete the newest row behind the API's back: its number is still not handed out again.
    const last = made.map((r) => json<TAsset>(r)).sort((a, b) => b.number.localeCompare(a.number))[0]!;
    await t.ctx.db.execute(`DELETE FROM assets WHERE id = '${last.id}'` as never);
    const next = await create(eng, { name: '新交换机', classCode: 'A02010202', siteId });
    expect(next.number > last.number).toBe(true);
    expect(next.number).toBe('NET-WEST-00010');
  });

  it('renders configurable rules', () => {
    const r = renderRule('BJ-{year}-{class}{seq:4}', { class: 'FW', site: 'WEST', year: '2026' });
    expect(r.prefix).toBe('BJ-2026-FW#');
    expect(r.render(7)).toBe('BJ-2026-FW0007');
  });
});

describe('three levels, field by field (R-AST-01)', () => {
  let a: TAsset;
  beforeAll(async () => {
    a = await create(eng, { name: '应用服务器', classCode: 'A02010104', siteId, model: 'R740', serial: 'SRV-SN-77' });
  });

  it('the finance user edits the finance record and gets 403 on the technical one, nothing changed', async () => {
    const ok = await fin.patch(`/api/assets/${a.id}`, {
      originalValue: '120000.00',
      assetCardNumber: 'GZ-2024-0001',
      acquiredOn: '2024-03-02',
      depreciationYears: 6,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const v = json<TAsset>(ok);
    expect(v.assetCardNumber).toBe('GZ-2024-0001');
    // 2 years of 6 at 20,000 a year
    expect(v.depreciation!.annual).toBe(20000);
    expect(Math.abs(v.depreciation!.bookValue - 80000)).toBeLessThan(100);

    const bad = await fin.patch(`/api/assets/${a.id}`, { assetCardNumber: 'GZ-CHANGED', model: 'R750' });
    expect(bad.statusCode).toBe(403);
    expect(json(bad)).toMatchObject({ code: 'asset.level_forbidden', level: 'technical' });
    expect(json<{ detail: string }>(bad).detail).toContain('技术信息');
    const now = json<TAsset>(await fin.get(`/api/assets/${a.id}`));
    expect(now.model).toBe('R740');
    expect(now.assetCardNumber).toBe('GZ-2024-0001');
  });

  it('the engineer gets 403 on finance fields; the department user sets the business record', async () => {
    const r = await eng.patch(`/api/assets/${a.id}`, { originalValue: '1.00' });
    expect(r.statusCode).toBe(403);
    expect(json(r)).toMatchObject({ level: 'finance' });
    expect((await eng.patch(`/api/assets/${a.id}`, { firmware: 'BIOS 2.19' })).statusCode).toBe(200);
    expect((await dept.patch(`/api/assets/${a.id}`, { firmware: 'x' })).statusCode).toBe(403);
    expect((await eng.patch(`/api/assets/${a.id}`, { status: 'retired' })).statusCode).toBe(400);
    expect(json<TAsset>(await eng.get(`/api/assets/${a.id}`)).status).toBe('in_stock');
  });

  it('every change is in the history with before and after, and tickets naming the asset are merged in', async () => {
    await createTicket(t.ctx, {
      serviceLine: 'SM',
      category: 'fault',
      severity: 'low',
      title: '应用服务器风扇告警',
      description: '',
      channel: 'hotline',
      requesterName: '',
      requesterPhone: '',
      requesterDepartment: '',
      siteId: null,
      roomId: null,
      assetsText: `${a.number} 风扇`,
    });
    const h = json<TAssetHistoryEntry[]>(await fin.get(`/api/assets/${a.id}/history`));
    const kinds = h.map((e) => e.kind);
    expect(kinds).toContain('created');
    expect(kinds).toContain('ticket');
    const fw = h.find((e) => e.kind === 'updated' && (e.data as Record<string, unknown>).firmware)!;
    expect(fw.data).toEqual({ firmware: ['', 'BIOS 2.19'] });
    expect(fw.actorName).toBe('eng.a');
    const money = h.find((e) => e.kind === 'updated' && (e.data as Record<string, unknown>).assetCardNumber)!;
    expect(money.note).toContain('财务信息');
    expect(h.find((e) => e.kind === 'ticket')!.ticketTitle).toBe('应用服务器风扇告警');
  });
});

describe('search and list', () => {
  it('finds by number, name, model, serial and management IP; filters by class subtree and warranty', async () => {
    await create(eng, {
      name: '互联网出口路由器',
      classCode: 'A02010201',
      siteId,
      model: 'NE40E-X8',
      serial: 'RTSERIAL-9',
      mgmtIp: '172.16.9.254',
      warrantyUntil: '2026-04-15',
      networkDomain: 'internet',
    });
    const find = async (q: string) => json<{ items: TAsset[]; total: number }>(await dept.get(`/api/assets?q=${encodeURIComponent(q)}`));
    expect((await find('RT-WEST-00001')).items.map((x) => x.name)).toEqual(['互联网出口路由器']);
    expect((await find('出口路由')).total).toBe(1);
    expect((await find('ne40e')).total).toBe(1);
    expect((await find('RTSERIAL')).total).toBe(1);
    expect((await find('172.16.9.254')).total).toBe(1);
    expect((await find('%')).total).toBe(0); // wildcards are literal
    const net = json<{ items: TAsset[]; total: number }>(await dept.get('/api/assets?classCode=A02010200&pageSize=100'));
    expect(net.items.every((x) => x.classCode.startsWith('A020102'))).toBe(true);
    expect(net.total).toBe(10);
    const exp = json<{ items: TAsset[] }>(await dept.get('/api/assets?warranty=expiring'));
    expect(exp.items.map((x) => x.name)).toEqual(['互联网出口路由器']);
    expect(exp.items[0]!.warranty).toMatchObject({ state: 'expiring' });
    const byNo = await dept.get('/api/assets/by-number/RT-WEST-00001');
    expect(json<TAsset>(byNo).model).toBe('NE40E-X8');
    expect((await dept.get('/api/assets/by-number/NOPE-1')).statusCode).toBe(404);
  });

  it('exports the filtered rows to Excel with Chinese headers, audited', async () => {
    const r = await fin.get('/api/assets/export?classCode=A02010201');
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('资产编号');
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe('RT-WEST-00001');
  });
});

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('资产');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const HEAD = ['名称', '分类代码', '状态', '型号', '序列号', '管理IP', '端口数', '网络域', '地点', '房间', '保修到期', '原值'];

describe('import (issue 4 point 9)', () => {
  it('the template has headers, drop-down lists and an example row', async () => {
    const r = await eng.get('/api/assets/import-template');
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('资产')!;
    expect(ws.getRow(1).getCell(1).value).toBe('名称');
    expect(ws.getRow(2).getCell(2).text).toContain('A02010202');
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
    expect(Object.values(dv).filter((v) => v.type === 'list').length).toBeGreaterThanOrEqual(3);
  });

  it('a bad file lists every error by row and column and creates nothing', async () => {
    const before = json<{ total: number }>(await eng.get('/api/assets')).total;
    const file = await xlsx([
      HEAD,
      ['好的一行', 'A02010202', '在用', 'S5735', 'SN1', '10.0.0.1', 48, '电子政务外网', '西办公区', '中心机房西区', '2027-01-01', null],
      ['', 'A0999', '丢失', '', '', '10.0.0.x', -1, '火星网', '', '', '2027-13-01', null],
      ['房间无地点', 'A02010202', '', '', '', '', '', '', '', '中心机房西区', '', null],
      ['无财务权限', 'A02010202', '', '', '', '', '', '', '不存在的地点', '', '', 100],
    ]);
    const r = await eng.upload('/api/assets/import', { filename: '资产.xlsx', content: file });
    expect(r.statusCode, r.body).toBe(422);
    const errs = json<{ errors: { row: number; column: string }[] }>(r).errors.map((e) => `${e.row}:${e.column}`);
    expect(errs).toEqual(
      expect.arrayContaining([
        '3:名称',
        '3:分类代码',
        '3:状态',
        '3:管理IP',
        '3:端口数',
        '3:网络域',
        '3:保修到期',
        '4:房间',
        '5:地点',
        '5:原值',
      ]),
    );
    expect(errs.filter((e) => e.startsWith('2:'))).toEqual([]);
    expect(json<{ total: number }>(await eng.get('/api/assets')).total).toBe(before);
  });

  it('a good file creates all rows in one go with generated numbers', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      `导入交换机 ${i + 1}`,
      'A02010202 交换机',
      '在库',
      'S5735',
      `IMP-${i}`,
      `10.9.0.${i + 1}`,
      52,
      '互联网',
      '西办公区',
      '中心机房西区',
      '2028-06-30',
      null,
    ]);
    const r = await eng.upload('/api/assets/import', { filename: 'ok.xlsx', content: await xlsx([HEAD, ...rows]) });
    expect(r.statusCode, r.body).toBe(201);
    const out = json<{ created: number; numbers: string[] }>(r);
    expect(out.created).toBe(30);
    expect(new Set(out.numbers).size).toBe(30);
    const found = json<{ items: TAsset[]; total: number }>(await eng.get('/api/assets?q=IMP-2'));
    expect(found.items.every((x) => x.roomName === '中心机房西区' && x.networkDomain === 'internet')).toBe(true);
    expect(
      (await eng.upload('/api/assets/import', { filename: 'x.xlsx', content: Buffer.from('not a zip') })).statusCode,
    ).toBeGreaterThanOrEqual(400);
  });
});

describe('labels and card (R-AST-03)', () => {
  it('the QR code of a label encodes the asset URL', async () => {
    const url = assetUrl('https://yunwei.example.gov.cn', 'NET-WEST-00001');
    const png = PNG.sync.read(await qrPng(url));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe('https://yunwei.example.gov.cn/a/NET-WEST-00001');
  });

  it('the label as printed (the same HTML the PDF is made from) carries a QR that decodes to the URL', async () => {
    const a = json<TAsset>(await eng.get('/api/assets/by-number/RT-WEST-00001'));
    const html = await labelsHtml([a], 'https://yunwei.example.gov.cn', '北京市人力资源和社会保障局');
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ deviceScaleFactor: 2 });
      await page.setContent(html);
      const shot = PNG.sync.read(await page.locator('.label .qr').first().screenshot());
      const code = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
      expect(code?.data).toBe('https://yunwei.example.gov.cn/a/RT-WEST-00001');
      expect(await page.locator('.label').first().innerText()).toContain('西办公区');
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('generates the label sheet and the asset card as PDF', async () => {
    const list = json<{ items: TAsset[] }>(await eng.get('/api/assets?q=NET-WEST-0000'));
    const ids = list.items.slice(0, 3).map((x) => x.id);
    const r = await eng.get(`/api/assets/labels?ids=${ids.join(',')}`);
    expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const c = await fin.get(`/api/assets/${ids[0]}/card`);
    expect(c.statusCode).toBe(200);
    expect(c.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
