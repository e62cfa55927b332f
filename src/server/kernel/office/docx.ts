// Word (docx) building blocks shared by the forms modules export (运维单, 变更申请单): A4, 宋体 body and
// 仿宋 values, bordered 4-column forms and grids, a 黑体 title (STANDARDS.md form conventions).
import type * as Docx from 'docx';
import type { Document, ISectionOptions, Paragraph, Table, TableCell } from 'docx';
import { Download } from '../download.ts';

// docx is loaded on first export (it costs MBs an idle server need not hold); the builders below
// run only after loadDocx() has resolved.
let docx: typeof Docx | null = null;
export const D = (): typeof Docx => {
  if (!docx) throw new Error('docx not loaded');
  return docx;
};
export async function loadDocx(): Promise<void> {
  docx ??= await import('docx');
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 2021-09-30 15:00 in Beijing time. */
export function fmtTime(d: Date | string | null | undefined): string {
  if (!d) return '';
  const t = new Date(d);
  if (Number.isNaN(t.getTime())) return String(d);
  return new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
export const SONG = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体' };
export const FANGSONG = { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋' };

export const run = (text: string, o: { bold?: boolean; size?: number; font?: typeof SONG } = {}) =>
  new (D().TextRun)({ text, bold: o.bold ?? false, size: o.size ?? 21, font: o.font ?? SONG });

/** Multi-line text: one paragraph per line. */
export const paras = (text: string, font = FANGSONG, bold = false): Paragraph[] =>
  (text || ' ').split(/\r?\n/).map((line) => new (D().Paragraph)({ children: [run(line, { font, bold })] }));

// BorderStyle.SINGLE is the string 'single' (docx's own constant, spelled out so nothing here runs
// before docx is loaded).
const border = { style: 'single' as (typeof Docx.BorderStyle)[keyof typeof Docx.BorderStyle], size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

export function cell(text: string, o: { label?: boolean; span?: number; width?: number } = {}): TableCell {
  return new (D().TableCell)({
    children: paras(text, o.label ? SONG : FANGSONG, o.label ?? false),
    verticalAlign: D().VerticalAlign.CENTER,
    ...(o.span ? { columnSpan: o.span } : {}),
    ...(o.width ? { width: { size: o.width, type: D().WidthType.PERCENTAGE } } : {}),
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
}

/** A 4-column form: label, value, label, value; a single pair spans the row. */
export function formTable(pairs: ([string, string] | [string, string, string, string])[]): Table {
  return new (D().Table)({
    width: { size: 100, type: D().WidthType.PERCENTAGE },
    borders,
    rows: pairs.map(
      (p) =>
        new (D().TableRow)({
          children:
            p.length === 4
              ? [
                  cell(p[0], { label: true, width: 18 }),
                  cell(p[1], { width: 32 }),
                  cell(p[2], { label: true, width: 18 }),
                  cell(p[3], { width: 32 }),
                ]
              : [cell(p[0], { label: true, width: 18 }), cell(p[1], { span: 3, width: 82 })],
        }),
    ),
  });
}

export function gridTable(header: string[], rows: string[][]): Table {
  return new (D().Table)({
    width: { size: 100, type: D().WidthType.PERCENTAGE },
    borders,
    rows: [
      new (D().TableRow)({ tableHeader: true, children: header.map((h) => cell(h, { label: true })) }),
      ...(rows.length ? rows : [header.map((_, i) => (i === 0 ? '无' : ''))]).map(
        (r) => new (D().TableRow)({ children: r.map((v) => cell(v)) }),
      ),
    ],
  });
}

export const title = (text: string) =>
  new (D().Paragraph)({
    alignment: D().AlignmentType.CENTER,
    spacing: { after: 200 },
    children: [new (D().TextRun)({ text, bold: true, size: 36, font: { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体' } })],
  });
export const heading = (text: string) =>
  new (D().Paragraph)({ spacing: { before: 240, after: 120 }, children: [run(text, { bold: true, size: 24 })] });
export const line = (text: string) => new (D().Paragraph)({ children: [run(text)] });

export function docxOf(children: ISectionOptions['children']): Document {
  return new (D().Document)({
    creator: 'Yunwei 运维',
    styles: { default: { document: { run: { font: SONG, size: 21 } } } },
    sections: [
      {
        // A4 portrait, margins 2.54 cm / 3.17 cm (Word's default for 公文-like forms).
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1800, right: 1800 } } },
        children,
      },
    ],
  });
}
/** The plain-ASCII fallback name for clients without RFC 5987: the Chinese words dropped. */
export const asciiName = (name: string): string =>
  name
    .replace(/[^\x20-\x7e]+/g, '')
    .replace(/["\\]/g, '')
    .replace(/^[-_ ]+/, '') || 'export.docx';

/** A .docx buffer as a Download (RFC 5987 UTF-8 file name). */
export const docxFile = (filename: string, body: Buffer): Download =>
  new Download({ filename, asciiName: asciiName(filename), contentType: DOCX_TYPE, body });
