// Procurement consulting through the HTTP API on both databases: inquiry, quotes compared, purchase
// request, the agency's decision (only procure.approve, once), and receipt into in-stock assets whose
// history names the procurement.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TProcurement } from '../../../../common/procure.ts';
import type { THome } from '../../../../common/home.api.ts';
import type { TNotificationList } from '../../../../common/notify.ts';
import { xlsxRows } from '../../../test/xlsx.ts';
import { json, testApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { assetClasses, assetHistory, assets } from '../register/tables.ts';

let t: TestApp;
let pm: Agent;
let eng: Agent;
let manager: Agent;
let manager2: Agent;
let finance: Agent;
let id: string;
const CLASS = 'TEST-SW';

beforeAll(async () => {
  t = await testApp();
  pm = await t.userAgent('pm.p', ['contractor_pm']);
  eng = await t.userAgent('eng.p', ['engineer'], { serviceLines: ['NET'] });
  manager = await t.userAgent('mgr.p', ['agency_manager']);
  manager2 = await t.userAgent('mgr.q', ['agency_manager']);
  finance = await t.userAgent('fin.p', ['agency_finance']);
  await t.ctx.db
    .insert(assetClasses)
    .values({ code: CLASS, name: '接入交换机（测试）', kind: 'network', source: 'agency', numberCode: 'TSW' })
    .onConflictDoNothing();
});
afterAll(async () => {
  await t.close();
});

describe('procurement consulting', () => {
  it('opens an inquiry (procure.write only)', async () => {
    const body = { title: '六里桥办公区接入交换机扩容', needs: '24 口千兆电口 + 4 口万兆光口，支持 802.1X', classCode: CLASS, quantity: 2 };
    expect((await eng.post('/api/procurements', body)).statusCode).toBe(403);
    const r = await pm.post('/api/procurements', body);
    expect(r.statusCode, r.body).toBe(201);
    const p = json<TProcurement>(r);
    expect(p.status).toBe('inquiry');
    id = p.id;
    expect((await finance.get(`/api/procurements/${id}`)).statusCode).toBe(200);
  });

  it('compares quotes on total price, price rank, fit and a combined score', async () => {
    const q = (vendor: string, unitPrice: number, fitScore: number, validUntil?: string) =>
      pm.post(`/api/procurements/${id}/quotes`, {
        vendor,
        model: `${vendor}-24G4X`,
        unitPrice,
        fitScore,
        functionNotes: '',
        validUntil: validUntil ?? null,
      });
    expect((await q('华为', 6800, 5)).statusCode).toBe(201);
    expect((await q('华三', 5200, 3)).statusCode).toBe(201);
    expect((await q('锐捷', 5600, 4)).statusCode).toBe(201);
    expect((await q('过期厂商', 1000, 5, '2000-01-01')).statusCode).toBe(201);
    expect((await eng.post(`/api/procurements/${id}/quotes`, { vendor: 'x', unitPrice: 1, fitScore: 3 })).statusCode).toBe(403);
    expect((await pm.post(`/api/procurements/${id}/quotes`, { vendor: 'x', unitPrice: 1, fitScore: 6 })).statusCode).toBe(400);
    const p = json<TProcurement>(await pm.get(`/api/procurements/${id}`));
    const by = Object.fromEntries(p.quotes.map((x) => [x.vendor, x]));
    expect(by.华为).toMatchObject({ total: 13600, priceRank: 4, bestFit: true, expired: false });
    expect(by.华三).toMatchObject({ total: 10400, priceRank: 2 });
    expect(by.过期厂商).toMatchObject({ cheapest: true, expired: true, recommended: false });
    // Among live quotes (cheapest 5200): 华为 50·5200/6800+50 = 88, 华三 50+30 = 80, 锐捷 50·5200/5600+40 = 86.
    expect(p.recommendedQuoteId).toBe(by.华为!.id);
    expect(p.lowestUnitPrice).toBe(1000);
  });

  it('requests the purchase with the chosen quote and tells the agency managers', async () => {
    const p = json<TProcurement>(await pm.get(`/api/procurements/${id}`));
    const chosen = p.quotes.find((x) => x.vendor === '锐捷')!;
    expect((await eng.post(`/api/procurements/${id}/request`, { quoteId: chosen.id })).statusCode).toBe(403);
    const r = await pm.post(`/api/procurements/${id}/request`, { quoteId: chosen.id });
    expect(r.statusCode, r.body).toBe(200);
    expect(json<TProcurement>(r)).toMatchObject({ status: 'requested', chosenVendor: '锐捷', chosenTotal: 11200 });
    const bell = json<TNotificationList>(await manager.get('/api/notifications'));
    expect(bell.items.find((n) => n.event === 'procurement.requested')?.title).toContain('六里桥办公区接入交换机扩容');
    // No more quotes once requested.
    expect((await pm.post(`/api/procurements/${id}/quotes`, { vendor: 'y', unitPrice: 1, fitScore: 3 })).statusCode).toBe(409);
  });

  it('lets only the agency approve, and only once', async () => {
    expect((await eng.post(`/api/procurements/${id}/decide`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await pm.post(`/api/procurements/${id}/decide`, { decision: 'approve' })).statusCode).toBe(403);
    // Receipt before approval is refused.
    expect((await pm.post(`/api/procurements/${id}/receive`, { assets: [{ serial: 'A' }, { serial: 'B' }] })).statusCode).toBe(409);
    const waiting = async (a: Agent) => json<THome>(await a.get('/api/home')).sections.find((s) => s.id === 'assets.purchases')!.count;
    expect(await waiting(manager2)).toBe(1);
    const r = await manager.post(`/api/procurements/${id}/decide`, { decision: 'approve', comment: '同意，按锐捷报价采购' });
    expect(r.statusCode, r.body).toBe(200);
    // Decided by one manager: off the other's to-do list, and their "please approve" shows as handled and read.
    expect(await waiting(manager2)).toBe(0);
    const ask = json<TNotificationList>(await manager2.get('/api/notifications')).items.find((n) => n.event === 'procurement.requested')!;
    expect([ask.action, typeof ask.resolvedAt, typeof ask.readAt]).toEqual(['approve', 'string', 'string']);
    expect(json<TProcurement>(r)).toMatchObject({ status: 'approved', decidedByName: 'mgr.p', requestedByName: 'pm.p' });
    expect((await manager.post(`/api/procurements/${id}/decide`, { decision: 'approve' })).statusCode).toBe(409);
    expect((await manager.post(`/api/procurements/${id}/decide`, { decision: 'reject', comment: '改主意' })).statusCode).toBe(409);
  });

  it('receives one asset per unit, in stock, each with the procurement in its history', async () => {
    expect((await pm.post(`/api/procurements/${id}/receive`, { assets: [{ serial: 'G1' }] })).statusCode).toBe(400); // 1 of 2
    expect((await pm.post(`/api/procurements/${id}/receive`, { assets: [{ serial: 'G1' }, { serial: 'G1' }] })).statusCode).toBe(400);
    expect((await finance.post(`/api/procurements/${id}/receive`, { assets: [{ serial: 'G1' }, { serial: 'G2' }] })).statusCode).toBe(403);
    const r = await eng.post(`/api/procurements/${id}/receive`, {
      assets: [
        { serial: 'G1RJ24001', mgmtIp: '10.20.1.21' },
        { serial: 'G1RJ24002', mgmtIp: '10.20.1.22' },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    const p = json<TProcurement>(r);
    expect(p.status).toBe('received');
    expect(p.assets.map((a) => a.serial)).toEqual(['G1RJ24001', 'G1RJ24002']);
    const rows = await t.ctx.db.select().from(assets).where(eq(assets.classCode, CLASS));
    expect(rows).toHaveLength(2);
    for (const a of rows) {
      expect([a.status, a.vendor, a.originalValue]).toEqual(['in_stock', '锐捷', '5600.00']);
      const h = await t.ctx.db.select().from(assetHistory).where(eq(assetHistory.assetId, a.id));
      expect(h.find((x) => x.kind === 'procurement')?.data).toMatchObject({ procurementId: id });
    }
    expect((await pm.post(`/api/procurements/${id}/receive`, { assets: [{ serial: 'X1' }, { serial: 'X2' }] })).statusCode).toBe(409);
  });

  it('lists by status, and a rejected request may be requested again', async () => {
    const list = json<{ items: TProcurement[]; total: number }>(await pm.get('/api/procurements?status=received'));
    expect(list.items.map((x) => x.id)).toEqual([id]);
    const p2 = json<TProcurement>(await pm.post('/api/procurements', { title: '会议室摄像机遥控器', quantity: 1, classCode: CLASS }));
    const withQ = json<TProcurement>(await pm.post(`/api/procurements/${p2.id}/quotes`, { vendor: '宝利通', unitPrice: 480, fitScore: 4 }));
    await pm.post(`/api/procurements/${p2.id}/request`, { quoteId: withQ.quotes[0]!.id });
    expect((await manager.post(`/api/procurements/${p2.id}/decide`, { decision: 'reject' })).statusCode).toBe(400); // reason required
    expect((await manager.post(`/api/procurements/${p2.id}/decide`, { decision: 'reject', comment: '库存已有' })).statusCode).toBe(200);
    expect((await pm.post(`/api/procurements/${p2.id}/request`, { quoteId: withQ.quotes[0]!.id })).statusCode).toBe(200);
    expect(json<{ total: number }>(await pm.get('/api/procurements?status=requested')).total).toBe(1);
    // 导出 Excel with the same filter: the requested one only, its status and chosen vendor in Chinese.
    const rows = await xlsxRows(await pm.get('/api/procurements/export?status=requested'));
    expect(rows.map((r) => [r[1], r[5], r[8]])).toEqual([['会议室摄像机遥控器', '待审批', '宝利通']]);
  });
});
