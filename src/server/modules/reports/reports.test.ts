// The report forms on the demo data (issue 15 point 1, R-RPT-01), on both databases: every kind
// generated through the API by the project manager and opened as a reader would — Word converted by
// LibreOffice and read back with pdftotext, Excel read back with exceljs, the PDF's text extracted —
// versions kept, narrative edited and audited, and bad input refused with nothing written.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReportDetail, TReport } from '../../../common/reports.ts';
import { auditLog } from '../../kernel/db/tables.ts';
import { queryRows } from '../../kernel/db/client.ts';
import { loadExcel } from '../../kernel/office/xlsx.ts';
import { Clock, json, onPostgres, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { rptReports, rptVersions } from './tables.ts';

let t: TestApp;
let pm: Agent;
let eng: Agent;
let contact: Agent;
const dir = mkdtempSync(join(tmpdir(), 'yw-rpt-'));
const NOW = new Date('2026-12-07T02:00:00Z');

const login = async (name: string) => {
  const a = t.agent();
  expect((await a.login(name, 'Test-Pass-1')).statusCode).toBe(200);
  return a;
};
const rows = async () => [
  Number((await t.ctx.db.select({ n: count() }).from(rptReports))[0]!.n),
  Number((await t.ctx.db.select({ n: count() }).from(rptVersions))[0]!.n),
];
const pdfText = (file: string) => execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' }))![1]);

beforeAll(async () => {
  t = await testApp({ demo: true, clock: new Clock(NOW) });
  [pm, eng, contact] = (await Promise.all(['pm', 'eng.net', 'agency.contact'].map(login))) as [Agent, Agent, Agent];
}, 300_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

describe('demo', () => {
  it('has last month’s monthly report with its summary and last week’s weekly sheet', async () => {
    const list = json<{ items: TReport[]; total: number }>(await contact.get('/api/reports'));
    expect(list.items.map((r) => r.title).sort()).toEqual(['2026-11-30 至 2026-12-06 周巡检表', '2026年11月 月度运维报告']);
    const monthly = json<TReportDetail>(await contact.get(`/api/reports/${list.items.find((r) => r.kind === 'monthly')!.id}`));
    expect(monthly.version.narrative.summary).toContain('总体平稳');
    expect(monthly.version.sections.map((s) => s.id)).toContain('tickets');
  });
});

const FORMS = [
  {
    kind: 'daily',
    date: '2026-12-04',
    title: '2026-12-04 日监控表',
    sections: ['tickets', 'network', 'security_faults', 'events', 'inspections'],
  },
  {
    kind: 'weekly',
    date: '2026-11-25',
    title: '2026-11-23 至 2026-11-29 周巡检表',
    sections: ['tickets', 'sla', 'inspections', 'changes'],
  },
  { kind: 'monthly', date: '2026-11-15', title: '2026年11月 月度运维报告', sections: ['tickets', 'sla', 'vulns', 'duty', 'signatures'] },
  { kind: 'quarterly', date: '2026-08-01', title: '2026年第3季度 季度运维报告', sections: ['tickets', 'conferences', 'configbackup'] },
  { kind: 'annual', date: '2025-06-30', title: '2025年 年度运维报告', sections: ['tickets', 'events', 'duty'] },
] as const;

/** The tickets a period counts, straight from the desk's table: each once, merged duplicates left out. */
async function ticketsIn(r: TReportDetail): Promise<number> {
  const [x] = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`SELECT count(*)::int AS n FROM tickets WHERE merged_into_id IS NULL
        AND reported_at >= ${`${r.periodStart}T00:00:00+08:00`}::timestamptz
        AND reported_at < (${`${r.periodEnd}T00:00:00+08:00`}::timestamptz + interval '1 day')`,
  );
  return x!.n;
}
const totalOf = (r: TReportDetail) => {
  const total = r.version.sections.find((s) => s.id === 'tickets')!.rows.at(-1)!;
  expect(total[0]).toBe('合计');
  return (total[2] as { n: number; href: string }).n;
};

describe.each(FORMS)('$title', (f) => {
  let r: TReportDetail;
  it('is generated from the evidence by the project manager', async () => {
    const res = await pm.post('/api/reports', { kind: f.kind, date: f.date });
    expect(res.statusCode, res.body).toBe(201);
    r = json<TReportDetail>(res);
    expect(r.title).toBe(f.title);
    for (const id of f.sections) expect(r.version.sections.map((s) => s.id)).toContain(id);
    expect(totalOf(r)).toBe(await ticketsIn(r));
    expect(r.version.sections.find((s) => s.id === 'tickets')!.rows.at(-1)![2]).toMatchObject({
      href: `/desk?from=${r.periodStart}&to=${r.periodEnd}&merged=false`,
    });
  });

  // The files are made from the stored version, whichever database stored it: opened once, in the PGlite run
  // (LibreOffice and Chromium take most of this file's time).
  it.skipIf(onPostgres)(
    'opens in Word (LibreOffice), Excel and PDF with the same title, sections and figures',
    async () => {
      const base = `/api/reports/${r.id}/versions/${r.version.version}/file`;
      const docx = await contact.get(`${base}/docx`);
      expect(docx.statusCode, docx.body.slice(0, 300)).toBe(200);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      const docxFile = join(dir, `${f.kind}.docx`);
      writeFileSync(docxFile, docx.rawPayload);
      execFileSync(
        '/usr/bin/soffice',
        ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), docxFile],
        {
          stdio: 'ignore',
          timeout: 120_000,
        },
      );
      const fromWord = pdfText(join(dir, 'lo', `${f.kind}.pdf`));
      const pdf = await contact.get(`${base}/pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const pdfFile = join(dir, `${f.kind}.pdf`);
      writeFileSync(pdfFile, pdf.rawPayload);
      const printed = pdfText(pdfFile);
      for (const text of [fromWord, printed]) {
        expect(text.replace(/\s+/g, '')).toContain(f.title.replace(/\s+/g, ''));
        for (const s of r.version.sections) expect(text.replace(/\s+/g, '')).toContain(s.title.replace(/\s+/g, '').slice(0, 12));
        expect(text).toContain('总体情况');
        expect(text).toMatch(new RegExp(`合计\\s+${totalOf(r)}\\b`));
      }
      // The Word file and the print lay out the same content: their page counts are close.
      const [wordPages, pdfPagesN] = [pdfPages(join(dir, 'lo', `${f.kind}.pdf`)), pdfPages(pdfFile)];
      expect(wordPages).toBeGreaterThanOrEqual(1);
      expect(Math.abs(wordPages - pdfPagesN)).toBeLessThanOrEqual(Math.max(2, pdfPagesN));

      const xlsx = await contact.get(`${base}/xlsx`);
      expect(xlsx.statusCode).toBe(200);
      const Excel = await loadExcel();
      const wb = new Excel.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['概要', ...r.version.sections.map((s, i) => `${i + 1} ${s.title}`.slice(0, 31))]);
      expect(wb.getWorksheet('概要')!.getCell('A1').value).toBe(f.title);
      const sheet = wb.worksheets[1 + r.version.sections.findIndex((s) => s.id === 'tickets')]!;
      const totalRow = sheet.getRows(1, sheet.actualRowCount)!.find((row) => row.getCell(1).value === '合计')!;
      expect(totalRow.getCell(3).value).toBe(totalOf(r));
    },
    240_000,
  );

  it.runIf(onPostgres)('downloads as Word and Excel from the version PostgreSQL stored', async () => {
    const base = `/api/reports/${r.id}/versions/${r.version.version}/file`;
    for (const [format, type] of [
      ['docx', 'wordprocessingml'],
      ['xlsx', 'spreadsheetml'],
    ]) {
      const res = await contact.get(`${base}/${format}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toContain(type);
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });
});

describe('versions and narrative', () => {
  it('re-generating keeps the earlier version and carries the narrative forward', async () => {
    const first = json<TReportDetail>(await pm.post('/api/reports', { kind: 'monthly', date: '2026-11-01' }));
    const edited = await eng.put(`/api/reports/${first.id}/versions/${first.version.version}/narrative`, {
      problems: '核心交换机端口利用率偏高',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(json<TReportDetail>(edited).version.narrativeByName).toBeTruthy();
    const again = json<TReportDetail>(await pm.post('/api/reports', { kind: 'monthly', date: '2026-11-30' }));
    expect(again.id).toBe(first.id);
    expect(again.version.version).toBe(first.version.version + 1);
    expect(again.history.map((h) => h.version)).toEqual([again.version.version, ...first.history.map((h) => h.version)]);
    expect(again.version.narrative.problems).toBe('核心交换机端口利用率偏高');
    const old = json<TReportDetail>(await contact.get(`/api/reports/${first.id}/versions/1`));
    expect(old.version.version).toBe(1);
    const audits = await t.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'report'), eq(auditLog.objectId, first.id)));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['reports.generate', 'reports.narrative']));
    // A download is a copy leaving the system: recorded with its format, for the purge's inventory.
    expect((await contact.get(`/api/reports/${first.id}/versions/1/file/xlsx`)).statusCode).toBe(200);
    const exported = await t.ctx.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.export'), eq(auditLog.objectId, first.id)));
    expect(exported.map((e) => e.detail)).toContainEqual(expect.objectContaining({ version: 1, format: 'xlsx' }));
  });

  it('lets the agency read and download but not generate or edit', async () => {
    const list = json<{ items: TReport[]; total: number }>(await contact.get('/api/reports?kind=monthly&pageSize=1'));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.kind).toBe('monthly');
    expect((await contact.post('/api/reports', { kind: 'monthly', date: '2026-10-01' })).statusCode).toBe(403);
    expect((await contact.put(`/api/reports/${list.items[0]!.id}/versions/1/narrative`, { summary: 'x' })).statusCode).toBe(403);
    const filtered = json<{ items: TReport[] }>(await contact.get('/api/reports?from=2026-12-01&to=2026-12-31'));
    expect(filtered.items.every((r) => r.periodEnd >= '2026-12-01')).toBe(true);
    const exported = await contact.get('/api/reports/export?kind=weekly');
    expect(exported.statusCode).toBe(200);
  });
});

describe('bad input', () => {
  it('refuses a period in the future or not yet ended, an unknown kind, a missing version: nothing written', async () => {
    const before = await rows();
    const future = await pm.post('/api/reports', { kind: 'monthly', date: '2027-01-10' });
    expect(future.statusCode).toBe(422);
    expect(json<{ detail: string }>(future).detail).toContain('在未来');
    const current = await pm.post('/api/reports', { kind: 'monthly', date: '2026-12-01' });
    expect(current.statusCode).toBe(422);
    expect(json<{ detail: string }>(current).detail).toContain('尚未结束');
    const today = await pm.post('/api/reports', { kind: 'daily', date: '2026-12-07' });
    expect(today.statusCode).toBe(422);
    const unknown = await pm.post('/api/reports', { kind: 'hourly', date: '2026-11-01' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('报告类型无效');
    const badDate = await pm.post('/api/reports', { kind: 'daily', date: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    const [r] = json<{ items: TReport[] }>(await pm.get('/api/reports?kind=monthly')).items;
    const missing = await pm.put(`/api/reports/${r!.id}/versions/99/narrative`, { summary: '不会写入' });
    expect(missing.statusCode).toBe(404);
    expect(json<{ detail: string }>(missing).detail).toContain('没有第 99 版');
    const noReport = await pm.put('/api/reports/00000000-0000-4000-8000-000000000000/versions/1/narrative', { summary: 'x' });
    expect(noReport.statusCode).toBe(404);
    expect(await rows()).toEqual(before);
  });
});
