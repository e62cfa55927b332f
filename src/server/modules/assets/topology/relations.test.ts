// Relations and the two-hop neighbourhood, and lines (R-AST-03) with unique labels and the Excel
// export, through the HTTP API on both databases. Test assets are inserted directly (t.ctx.db).
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TLine, TNeighbours, TTopoEdge } from '../../../../common/asset-movements.ts';
import { json, testApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { assetClasses, assetHistory, assets } from '../register/tables.ts';

let t: TestApp;
let eng: Agent;
let fin: Agent;
const ids: Record<string, string> = {};

async function newAsset(key: string, name: string): Promise<string> {
  const now = t.clock.now();
  const [a] = await t.ctx.db
    .insert(assets)
    .values({ number: `REL-${key}`, name, classCode: 'TEST-REL', kind: 'network', status: 'in_use', createdAt: now, updatedAt: now })
    .returning();
  ids[key] = a!.id;
  return a!.id;
}
const relate = (from: string, to: string, kind: string, fromPort = '', toPort = '') =>
  eng.post(`/api/assets/${ids[from]}/relations`, { toId: ids[to], kind, fromPort, toPort });

beforeAll(async () => {
  t = await testApp();
  eng = await t.userAgent('eng.r', ['engineer'], { serviceLines: ['NET'] });
  fin = await t.userAgent('fin.r', ['agency_finance']);
  await t.ctx.db
    .insert(assetClasses)
    .values({ code: 'TEST-REL', name: '网络设备（测试）', kind: 'network', source: 'agency' })
    .onConflictDoNothing();
  await newAsset('RACK', '机柜 A-01');
  await newAsset('CORE', '核心交换机');
  await newAsset('ACC1', '接入交换机 1');
  await newAsset('ACC2', '接入交换机 2');
  await newAsset('FW', '防火墙');
  await newAsset('SRV', '应用服务器');
  await newAsset('FAR', '远端设备');
});
afterAll(async () => {
  await t.close();
});

describe('relations', () => {
  it('creates relations (asset.write only) and writes both histories', async () => {
    const r = await relate('CORE', 'ACC1', 'connected_to', 'XGE1/0/1', 'XGE0/0/49');
    expect(r.statusCode, r.body).toBe(201);
    expect(json<TTopoEdge>(r).fromPort).toBe('XGE1/0/1');
    expect((await fin.post(`/api/assets/${ids.CORE}/relations`, { toId: ids.FW, kind: 'connected_to' })).statusCode).toBe(403);
    expect((await relate('CORE', 'FW', 'connected_to')).statusCode).toBe(201);
    expect((await relate('CORE', 'RACK', 'installed_in')).statusCode).toBe(201);
    expect((await relate('ACC1', 'ACC2', 'connected_to')).statusCode).toBe(201);
    expect((await relate('SRV', 'ACC2', 'depends_on')).statusCode).toBe(201);
    expect((await relate('SRV', 'FAR', 'connected_to')).statusCode).toBe(201);
    const h = await t.ctx.db.select().from(assetHistory).where(eq(assetHistory.assetId, ids.ACC1!));
    expect(h.filter((x) => x.kind === 'relation')).toHaveLength(2);
  });

  it('refuses self-relations, duplicates (connected_to both ways) and installed_in cycles', async () => {
    expect((await relate('CORE', 'CORE', 'connected_to')).statusCode).toBe(400);
    expect((await relate('CORE', 'ACC1', 'connected_to')).statusCode).toBe(409);
    expect((await relate('ACC1', 'CORE', 'connected_to')).statusCode).toBe(409);
    expect((await relate('CORE', 'ACC1', 'depends_on')).statusCode).toBe(201); // another kind is another relation
    // RACK ← CORE (CORE installed in RACK): RACK installed in CORE would close a loop
    expect((await relate('RACK', 'CORE', 'installed_in')).statusCode).toBe(409);
    expect((await relate('ACC2', 'FW', 'installed_in')).statusCode).toBe(201);
    expect((await relate('FW', 'RACK', 'installed_in')).statusCode).toBe(201);
    // RACK → ACC2 → FW → RACK would be a loop of three
    const loop = await relate('RACK', 'ACC2', 'installed_in');
    expect(loop.statusCode).toBe(409);
    expect(loop.json<{ code: string }>().code).toBe('asset_relation.cycle');
    // installed in one place at a time
    expect((await relate('CORE', 'SRV', 'installed_in')).json<{ code: string }>().code).toBe('asset_relation.installed_twice');
    expect(
      (await eng.post(`/api/assets/${ids.CORE}/relations`, { toId: '00000000-0000-4000-8000-000000000000', kind: 'depends_on' }))
        .statusCode,
    ).toBe(404);
  });

  it('neighbours: nodes and edges within two hops', async () => {
    const r = await fin.get(`/api/assets/${ids.CORE}/neighbours`);
    expect(r.statusCode).toBe(200);
    const n = json<TNeighbours>(r);
    const depth = Object.fromEntries(n.nodes.map((x) => [x.number, x.depth]));
    expect(depth).toEqual({ 'REL-CORE': 0, 'REL-ACC1': 1, 'REL-FW': 1, 'REL-RACK': 1, 'REL-ACC2': 2 });
    expect(n.nodes.find((x) => x.number === 'REL-ACC1')).toMatchObject({ name: '接入交换机 1', kind: 'network', status: 'in_use' });
    // FAR is three hops away (CORE–ACC1–ACC2–SRV–FAR): neither it nor SRV appear
    expect(depth['REL-SRV']).toBeUndefined();
    // every edge joins two nodes of the picture, and the ACC2–FW install between two rings is there
    const inPicture = new Set(n.nodes.map((x) => x.id));
    expect(n.edges.every((e) => inPicture.has(e.fromId) && inPicture.has(e.toId))).toBe(true);
    expect(n.edges.some((e) => e.fromId === ids.ACC2 && e.toId === ids.FW && e.kind === 'installed_in')).toBe(true);
    expect(n.edges.filter((e) => e.fromId === ids.CORE && e.toId === ids.ACC1)).toHaveLength(2);
  });

  it('removes a relation from either end', async () => {
    const n = json<TNeighbours>(await eng.get(`/api/assets/${ids.SRV}/neighbours`));
    const e = n.edges.find((x) => x.fromId === ids.SRV && x.toId === ids.FAR)!;
    expect((await fin.delete(`/api/assets/${ids.FAR}/relations/${e.id}`)).statusCode).toBe(403);
    expect((await eng.delete(`/api/assets/${ids.CORE}/relations/${e.id}`)).statusCode).toBe(404);
    expect((await eng.delete(`/api/assets/${ids.FAR}/relations/${e.id}`)).statusCode).toBe(204);
    const after = json<TNeighbours>(await eng.get(`/api/assets/${ids.SRV}/neighbours`));
    expect(after.nodes.some((x) => x.id === ids.FAR)).toBe(false);
  });
});

describe('lines (R-AST-03)', () => {
  let lineId: string;
  const body = {
    label: 'XB-F-001',
    kind: 'fiber',
    networkDomain: 'egov',
    fromAssetId: '',
    fromPort: 'XGE1/0/1',
    toAssetId: '',
    toPort: 'XGE0/0/49',
  };

  it('creates, reads, lists with filters (write asset.write, read asset.read)', async () => {
    const b = { ...body, fromAssetId: ids.CORE, toAssetId: ids.ACC1 };
    expect((await fin.post('/api/asset-lines', b)).statusCode).toBe(403);
    const r = await eng.post('/api/asset-lines', b);
    expect(r.statusCode, r.body).toBe(201);
    const l = json<TLine>(r);
    lineId = l.id;
    expect(l).toMatchObject({ label: 'XB-F-001', fromAssetNumber: 'REL-CORE', toAssetNumber: 'REL-ACC1', networkDomain: 'egov' });
    const c = await eng.post('/api/asset-lines', {
      label: 'LT-MSTP-0931',
      kind: 'carrier',
      networkDomain: 'internet',
      carrier: '联通',
      circuitId: 'BJ-MSTP-0931',
      bandwidth: '200M',
      fromAssetId: ids.FW,
      fromPort: 'GE0/0/0',
    });
    expect(c.statusCode, c.body).toBe(201);
    const all = json<{ items: TLine[]; total: number }>(await fin.get('/api/asset-lines'));
    expect(all.total).toBe(2);
    expect(json<{ total: number }>(await fin.get('/api/asset-lines?kind=carrier')).total).toBe(1);
    expect(json<{ total: number }>(await fin.get('/api/asset-lines?networkDomain=egov')).total).toBe(1);
    expect(json<{ total: number }>(await fin.get(`/api/asset-lines?assetId=${ids.ACC1}`)).total).toBe(1);
    expect(json<{ items: TLine[] }>(await fin.get('/api/asset-lines?q=0931')).items.map((x) => x.label)).toEqual(['LT-MSTP-0931']);
    expect(json<{ total: number }>(await fin.get('/api/asset-lines?q=REL-FW')).total).toBe(1);
  });

  it('labels are unique, on create and on update', async () => {
    const dup = await eng.post('/api/asset-lines', { label: 'XB-F-001', kind: 'copper' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<{ code: string }>().code).toBe('asset_line.label_taken');
    const other = json<TLine>(await eng.post('/api/asset-lines', { label: 'XB-C-002', kind: 'copper' }));
    expect((await eng.patch(`/api/asset-lines/${other.id}`, { label: 'XB-F-001' })).statusCode).toBe(409);
    const ok = await eng.patch(`/api/asset-lines/${other.id}`, { label: 'XB-C-003', bandwidth: '1G' });
    expect(ok.statusCode).toBe(200);
    expect(json<TLine>(ok)).toMatchObject({ label: 'XB-C-003', bandwidth: '1G', kind: 'copper' });
    expect((await eng.delete(`/api/asset-lines/${other.id}`)).statusCode).toBe(204);
    expect((await eng.get(`/api/asset-lines/${other.id}`)).statusCode).toBe(404);
  });

  it('updates keep what was not sent, and exports the filtered list to Excel', async () => {
    const r = await eng.patch(`/api/asset-lines/${lineId}`, { notes: '西区机房 ODF 1-3' });
    expect(json<TLine>(r)).toMatchObject({ notes: '西区机房 ODF 1-3', fromPort: 'XGE1/0/1', toAssetId: ids.ACC1 });
    const x = await fin.get('/api/asset-lines/export?kind=fiber');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('线路标签');
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe('XB-F-001');
    expect(ws.getRow(2).getCell(4).text).toContain('REL-CORE');
  });
});
