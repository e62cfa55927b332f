// A report version as files: PDF (the HTML below printed by the kernel's Chromium, CJK fonts, charts as
// SVG), Excel (a summary sheet and one sheet per section with the numbers and links) and the shared
// pieces the Word builder uses. Numbers link to the list they count: absolute to the site's public
// URL when YUNWEI_PUBLIC_URL is configured, else relative.
import type ExcelJS from 'exceljs';
import { NARRATIVE_KEYS, NARRATIVE_NAMES, type TCell, type TReportDetail } from '../../../common/reports.ts';
import { publicUrlFrom } from '../../kernel/config.ts';
import { Download } from '../../kernel/download.ts';
import { fmtTime } from '../../kernel/office/docx.ts';
import { htmlToPdf } from '../../kernel/office/pdf.ts';
import { loadExcel, safeCell, workbookDownload } from '../../kernel/office/xlsx.ts';
import { chartSvg } from './charts.ts';

/** The site's address for links in files, or '' (relative links) when none is configured. */
export const linkBase = (): string => (process.env.YUNWEI_PUBLIC_URL ? publicUrlFrom(process.env) : '');
export const cellText = (c: TCell): string => (typeof c === 'object' ? String(c.n) : String(c));
export const cellHref = (c: TCell, base: string): string | null => (typeof c === 'object' ? `${base}${c.href}` : null);

export const fileName = (r: TReportDetail, ext: string) => `${r.title}（第${r.version.version}版）.${ext}`;
export const asciiFileName = (r: TReportDetail, ext: string) => `${r.number}-v${r.version.version}.${ext}`;
export const metaLine = (r: TReportDetail) =>
  `报告编号 ${r.number}  报告期 ${r.periodStart} 至 ${r.periodEnd}  第 ${r.version.version} 版  ` +
  `生成 ${r.version.generatedByName} ${fmtTime(r.version.generatedAt)}`;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The printable page: narrative first, then each computed section with its table, notes and chart. */
export async function reportHtml(r: TReportDetail, base = linkBase()): Promise<string> {
  const parts: string[] = [];
  for (const k of NARRATIVE_KEYS) {
    const text = r.version.narrative[k]?.trim() || '（未填写）';
    parts.push(
      `<h2>${esc(NARRATIVE_NAMES[k])}</h2>${text
        .split(/\r?\n/)
        .map((l) => `<p>${esc(l)}</p>`)
        .join('')}`,
    );
  }
  let i = 0;
  for (const s of r.version.sections) {
    i++;
    const head = s.columns.map((c) => `<th>${esc(c)}</th>`).join('');
    const body = s.rows.length
      ? s.rows
          .map(
            (row) =>
              `<tr>${row
                .map((c) => {
                  const href = cellHref(c, base);
                  return `<td>${href ? `<a href="${esc(href)}">${esc(cellText(c))}</a>` : esc(cellText(c))}</td>`;
                })
                .join('')}</tr>`,
          )
          .join('')
      : `<tr><td colspan="${s.columns.length}">本期无记录</td></tr>`;
    const chart = s.chart ? `<div class="chart">${await chartSvg(s.chart)}</div>` : '';
    parts.push(
      `<h2>${i}. ${esc(s.title)}</h2><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>` +
        s.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('') +
        chart +
        `<p class="src">数据来源：${esc(s.evidence)}（${esc(s.requirements.join('、'))}）</p>`,
    );
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.title)}</title><style>
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", SimSun, serif; font-size: 10.5pt; color: #000; }
h1 { font-family: "Noto Sans CJK SC", SimHei, sans-serif; text-align: center; font-size: 18pt; margin: 0 0 6pt; }
h2 { font-family: "Noto Sans CJK SC", SimHei, sans-serif; font-size: 12pt; margin: 14pt 0 6pt; }
.meta { text-align: center; font-size: 9pt; margin-bottom: 12pt; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 3pt 5pt; font-size: 9.5pt; text-align: left; }
th { background: #f0f0f0; }
tr { page-break-inside: avoid; }
a { color: #0645ad; text-decoration: none; }
.note { margin: 4pt 0; }
.src { color: #666; font-size: 8pt; }
.chart { page-break-inside: avoid; text-align: center; margin: 6pt 0; }
</style></head><body><h1>${esc(r.title)}</h1><p class="meta">${esc(metaLine(r))}</p>${parts.join('')}</body></html>`;
}

export async function reportPdf(r: TReportDetail): Promise<Download> {
  return new Download({
    filename: fileName(r, 'pdf'),
    asciiName: asciiFileName(r, 'pdf'),
    contentType: 'application/pdf',
    body: await htmlToPdf(await reportHtml(r)),
  });
}

/** Excel: 概要 (title, period, narrative), then one sheet per section: header, rows (links kept), notes. */
export async function reportXlsx(r: TReportDetail, base = linkBase()): Promise<Download> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = 'Yunwei 运维';
  wb.created = new Date();
  const sum = wb.addWorksheet('概要');
  sum.columns = [{ width: 18 }, { width: 90 }];
  sum.addRow([r.title]).font = { bold: true, size: 14 };
  sum.addRow(['报告编号', r.number]);
  sum.addRow(['报告期', `${r.periodStart} 至 ${r.periodEnd}`]);
  sum.addRow(['版本', `第 ${r.version.version} 版，${r.version.generatedByName} 生成于 ${fmtTime(r.version.generatedAt)}`]);
  for (const k of NARRATIVE_KEYS) {
    const row = sum.addRow([NARRATIVE_NAMES[k], safeCell(r.version.narrative[k] ?? '')]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  const used = new Set<string>(['概要']);
  r.version.sections.forEach((s, i) => {
    let name = `${i + 1} ${s.title}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
    while (used.has(name)) name = `${name.slice(0, 28)}_${i}`;
    used.add(name);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({ header: c, width: Math.max(10, c.length * 2 + 4) }));
    ws.getRow(1).font = { bold: true };
    for (const row of s.rows) addCells(ws, row, base);
    if (s.notes.length) ws.addRow([]);
    for (const n of s.notes) ws.addRow([safeCell(n)]);
    ws.addRow([`数据来源：${s.evidence}（${s.requirements.join('、')}）`]);
  });
  return workbookDownload(wb, fileName(r, 'xlsx'), asciiFileName(r, 'xlsx'));
}

function addCells(ws: ExcelJS.Worksheet, row: TCell[], base: string): void {
  const added = ws.addRow(row.map((c) => (typeof c === 'object' ? c.n : safeCell(c))));
  row.forEach((c, j) => {
    const href = cellHref(c, base);
    // A number stays a number: HYPERLINK() keeps its value and opens the list. Only an absolute
    // address means anything inside a spreadsheet; without a public URL the cell is the plain number.
    if (href && /^https?:\/\//.test(href) && typeof c === 'object')
      added.getCell(j + 1).value = { formula: `HYPERLINK("${href.replace(/"/g, '%22')}",${c.n})`, result: c.n };
  });
}
