// "导出 Excel" of list pages (issue 11 point 14) on both databases: a real .xlsx (read back with
// exceljs, and opened by LibreOffice), the filtered rows only, names instead of
// ids, formulas neutralised, audited with the filters, refused with a message above the cap.
import ExcelJS from 'exceljs';
import { and, desc, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/tables.ts';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { libreOfficeConvert } from '../../test/office.ts';
import { departmentStore, partyStore, personStore } from '../../modules/org/service.ts';
import { people } from '../../modules/org/tables.ts';
import { TOTAL_CAP } from '../db/paged-total.ts';
import { listXlsx } from './list-export.ts';

let t: TestApp;
let admin: Agent;
let reader: Agent;
beforeAll(async () => {
  t = await testApp();
  admin = await t.userAgent('sys.x', ['system_admin']);
  reader = await t.userAgent('pm.x', ['contractor_pm']);
  const party = await partyStore.create(t.ctx, { kind: 'contractor', name: '北京国信博飞科技发展有限公司', shortName: '国信博飞' });
  const dept = await departmentStore.create(t.ctx, { partyId: party.id, name: '运维服务部', sort: 1 });
  const person = (name: string, mobile: string) =>
    personStore.create(t.ctx, { partyId: party.id, departmentId: dept.id, name, mobile, title: '网络工程师', qualifications: ['CCNP'] });
  await person('张伟', '13800001111');
  await person('=HYPERLINK("http://127.0.0.1/x","张强")', '13800002222');
  await person('李娜', '13900003333');
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function sheet(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
const rowsOf = (ws: ExcelJS.Worksheet) =>
  ws
    .getSheetValues()
    .slice(1)
    .map((r) => (Array.isArray(r) ? r.slice(1).map((c) => (c === undefined ? null : c)) : []));

describe('list export (issue 11 point 14)', () => {
  it('gives a real .xlsx of the filtered people, names for ids, formulas neutralised, audited', async () => {
    const r = await reader.get('/api/people/export?phone=138');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(String(r.headers['content-disposition'])).toContain('.xlsx');
    const body = r.rawPayload;
    expect(body.subarray(0, 2).toString()).toBe('PK'); // a zip, not CSV text
    const ws = await sheet(body);
    expect(ws.name).toBe('人员');
    const rows = rowsOf(ws);
    expect(rows[0]!.slice(0, 4)).toEqual(['姓名', '所属单位', '部门', '职务/岗位']);
    expect(rows.slice(1).map((x) => x[0])).toEqual(['\'=HYPERLINK("http://127.0.0.1/x","张强")', '张伟']);
    expect(rows[2]!.slice(1, 5)).toEqual(['国信博飞', '运维服务部', '网络工程师', '13800001111']);
    for (const row of ws.getRows(2, 2) ?? []) for (const c of row.model?.cells ?? []) expect(c.formula).toBeUndefined();

    const [a] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'person.export')).orderBy(desc(auditLog.seq)).limit(1);
    expect(a).toMatchObject({ actorName: expect.stringContaining('pm.x') as string, objectType: 'person' });
    expect(a!.detail).toMatchObject({ filters: { phone: '138' }, rows: 2 });

    // LibreOffice opens it (npm test installs it).
    const csv = libreOfficeConvert(body, 'people.xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76').toString('utf8');
    expect(csv).toContain('张伟,国信博飞,运维服务部');
    expect(csv).not.toContain('李娜');
  }, 180_000);

  it('exports users with role and service-line names, as the filter says', async () => {
    await t.userAgent('eng.x', ['engineer'], { serviceLines: ['SM', 'NET'] });
    const r = await admin.get('/api/users/export?role=engineer');
    expect(r.statusCode, r.body).toBe(200);
    const rows = rowsOf(await sheet(r.rawPayload));
    expect(rows[0]!.slice(0, 4)).toEqual(['用户名', '姓名', '角色', '服务项目']);
    expect(rows.slice(1).map((x) => x[0])).toEqual(['eng.x']);
    expect(rows[1]![3]).toBe('安全监控、办公网络');
    expect(rows[1]![2]).toBe('乙方工程师');
  });

  it('refuses more rows than the cap with the count and the cap, before writing anything', async () => {
    const big = listXlsx(t.ctx, {
      title: '人员',
      objectType: 'person',
      query: {},
      max: 2,
      list: (page, pageSize) => personStore.list(t.ctx, { page, pageSize }),
      columns: [{ header: '姓名', value: (p) => p.name }],
    });
    await expect(big).rejects.toMatchObject({ code: 'export.too_many', message: expect.stringContaining('3 条') as string });
    const r = await reader.get('/api/people/export?q=%E6%B2%A1%E6%9C%89'); // 没有: nobody — an empty sheet, headers only
    expect(rowsOf(await sheet(r.rawPayload))).toHaveLength(1);
    expect(json<unknown>(await reader.get('/api/people?q=%E6%B2%A1%E6%9C%89'))).toMatchObject({ total: 0 });
  });
});

describe('a list past the counted cap (issue 11 point 17)', () => {
  const N = TOTAL_CAP + 50;
  let partyId: string;
  beforeAll(async () => {
    const party = await partyStore.create(t.ctx, { kind: 'agency', name: '某局信息中心', shortName: '信息中心' });
    partyId = party.id;
    const names = Array.from({ length: N }, (_, i) => ({ partyId, name: `人员${String(i).padStart(5, '0')}` }));
    await t.ctx.db.insert(people).values(names);
  }, 60_000);

  it('counts up to the cap and says there are more; the last page and the export have them all', async () => {
    const first = json<{ items: { name: string }[]; total: number; totalCapped?: boolean }>(
      await reader.get(`/api/people?partyId=${partyId}&pageSize=20`),
    );
    expect(first).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
    expect(first.items.map((p) => p.name).slice(0, 2)).toEqual(['人员00000', '人员00001']);
    // A page past the cap counts to just past itself; the last page knows the total without a count.
    const deep = json<{ total: number; totalCapped?: boolean }>(await reader.get(`/api/people?partyId=${partyId}&pageSize=20&page=51`));
    expect(deep).toMatchObject({ total: 1020, totalCapped: true });
    const end = json<{ total: number; totalCapped?: boolean }>(await reader.get(`/api/people?partyId=${partyId}&pageSize=20&page=53`));
    expect(end).toEqual({ items: expect.any(Array) as unknown[], total: N });
    const last = json<{ items: unknown[]; total: number }>(await reader.get(`/api/people?partyId=${partyId}&pageSize=200&page=6`));
    expect(last).toMatchObject({ total: N });
    expect(last.items).toHaveLength(N - 1000);

    const r = await reader.get(`/api/people/export?partyId=${partyId}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(rowsOf(await sheet(r.rawPayload))).toHaveLength(N + 1); // the headers and every person
    const capped = listXlsx(t.ctx, {
      title: '人员',
      objectType: 'person',
      query: {},
      max: N - 10,
      list: (page, pageSize) => personStore.list(t.ctx, { page, pageSize, where: eq(people.partyId, partyId) }),
      columns: [{ header: '姓名', value: (p) => p.name }],
    });
    await expect(capped).rejects.toMatchObject({
      code: 'export.too_many',
      message: expect.stringContaining(`超过 ${N - 10} 条`) as string,
    });
  }, 120_000);
});

describe('a count that reached the cap, remembered for a moment (issue 11 point 17)', () => {
  it('is not made again for the same list until a write is answered; a smaller list is always counted', async () => {
    const party = await partyStore.create(t.ctx, { kind: 'agency', name: '某区政务服务中心', shortName: '政务中心' });
    const rows = Array.from({ length: TOTAL_CAP + 30 }, (_, i) => ({ partyId: party.id, name: `值守${String(i).padStart(5, '0')}` }));
    await t.ctx.db.insert(people).values(rows);
    const list = async (q = '') =>
      json<{ items: unknown[]; total: number; totalCapped?: boolean }>(await reader.get(`/api/people?partyId=${party.id}&pageSize=20${q}`));
    expect(await list()).toMatchObject({ total: TOTAL_CAP, totalCapped: true });

    // Behind the app's back (another node, the CLI), all but 30 of them go: the list opened again within
    // seconds still says "more than 1,000", read from memory, but its page is read afresh.
    await t.ctx.db.delete(people).where(and(eq(people.partyId, party.id), gte(people.name, '值守00030')));
    const again = await list();
    expect(again).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
    expect(again.items).toHaveLength(20);
    // A list whose count did not reach the cap is never remembered: another filter is counted.
    expect(await list('&phone=1')).toMatchObject({ total: 0 });

    // Any write this process answers forgets the remembered counts: the next view counts the 30.
    const dept = await admin.post('/api/departments', { partyId: party.id, name: '窗口服务科', sort: 1 });
    expect(dept.statusCode, dept.body).toBe(201);
    expect(await list()).toMatchObject({ total: 30 });
    expect((await list()).totalCapped).toBeUndefined();
  }, 60_000);
});
