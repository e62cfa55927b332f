// A report version as Word (the kernel's docx pieces: A4, 宋体/仿宋, bordered grids, 黑体 title): the
// narrative, then each section's table with its numbers as hyperlinks to the lists they count, its
// notes and its chart as a PNG picture (drawn from the same SVG by Chromium; without Chromium the
// tables alone).
import type { Paragraph, Table, TableCell } from 'docx';
import { NARRATIVE_KEYS, NARRATIVE_NAMES, type TCell, type TReportDetail, type TSection } from '../../../common/reports.ts';
import { D, DOCX_TYPE, FANGSONG, SONG, docxOf, heading, line, loadDocx, paras, run, title } from '../../kernel/office/docx.ts';
import { Download } from '../../kernel/download.ts';
import { CHART_H, CHART_W, chartSvg, svgsToPng } from './charts.ts';
import { asciiFileName, cellHref, cellText, fileName, linkBase, metaLine } from './outputs.ts';

const border = { style: 'single' as const, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function tcell(c: TCell, base: string, header = false): TableCell {
  const href = cellHref(c, base);
  const text = cellText(c);
  const child = href
    ? new (D().ExternalHyperlink)({
        link: href,
        children: [new (D().TextRun)({ text, style: 'Hyperlink', size: 20, font: FANGSONG })],
      })
    : run(text, { bold: header, size: 20, font: header ? SONG : FANGSONG });
  return new (D().TableCell)({
    children: [new (D().Paragraph)({ children: [child] })],
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function sectionTable(s: TSection, base: string): Table {
  const rows = s.rows.length ? s.rows : [[`本期无记录`, ...s.columns.slice(1).map(() => '')]];
  return new (D().Table)({
    width: { size: 100, type: D().WidthType.PERCENTAGE },
    borders,
    rows: [
      new (D().TableRow)({ tableHeader: true, children: s.columns.map((c) => tcell(c, base, true)) }),
      ...rows.map((r) => new (D().TableRow)({ children: r.map((c) => tcell(c, base)) })),
    ],
  });
}

export async function reportDocx(r: TReportDetail, base = linkBase()): Promise<Download> {
  await loadDocx();
  const charts = r.version.sections.filter((s) => s.chart);
  const svgs = await Promise.all(charts.map((s) => chartSvg(s.chart!)));
  const pngs = await svgsToPng(svgs);
  const pictureOf = new Map(charts.map((s, i) => [s.id, pngs?.[i]]));
  const children: (Paragraph | Table)[] = [title(r.title), line(metaLine(r))];
  for (const k of NARRATIVE_KEYS) {
    children.push(heading(NARRATIVE_NAMES[k]), ...paras(r.version.narrative[k]?.trim() || '（未填写）'));
  }
  r.version.sections.forEach((s, i) => {
    children.push(heading(`${i + 1}. ${s.title}`), sectionTable(s, base), ...s.notes.map((n) => line(n)));
    const png = pictureOf.get(s.id);
    if (png)
      children.push(
        new (D().Paragraph)({
          alignment: D().AlignmentType.CENTER,
          children: [new (D().ImageRun)({ type: 'png', data: png, transformation: { width: CHART_W * 0.85, height: CHART_H * 0.85 } })],
        }),
      );
    children.push(new (D().Paragraph)({ children: [run(`数据来源：${s.evidence}（${s.requirements.join('、')}）`, { size: 16 })] }));
  });
  const body = Buffer.from(await D().Packer.toBuffer(docxOf(children)));
  return new Download({ filename: fileName(r, 'docx'), asciiName: asciiFileName(r, 'docx'), contentType: DOCX_TYPE, body });
}
