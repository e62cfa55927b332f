// Which parser reads an upload: the format named by the caller, or the one the content shows (the
// root element of the XML; a zip is Excel; other UTF-8/GB18030 text is CSV).
import type { TImportFormat, TMapping } from '../../../../common/vulns.ts';
import { Invalid } from '../../../kernel/errors.ts';
import { sniff } from '../../../kernel/files/check.ts';
import { parseNessus } from './nessus.ts';
import { parseNmap } from './nmap.ts';
import { parseOpenvas } from './openvas.ts';
import { parseTable } from './table.ts';
import { IMPORT_LIMITS, type ImportLimits, type ParsedScan } from './types.ts';

/** The format the content shows; null when it is none we read. */
export function detectFormat(bytes: Buffer): TImportFormat | null {
  const kind = sniff(bytes);
  if (kind === 'xlsx') return 'csv';
  if (kind !== 'text' && kind !== 'binary') return null;
  const head = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (!head.trimStart().startsWith('<')) return kind === 'text' || head.includes(',') ? 'csv' : null;
  // The first element after the prolog, comments and any DOCTYPE (refused later by the XML walk).
  const root = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(
    head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/g, ''),
  )?.[1];
  if (root === 'nmaprun') return 'nmap';
  if (root === 'NessusClientData_v2') return 'nessus';
  if (root === 'report' || root === 'get_reports_response') return 'openvas';
  if (/<!DOCTYPE|<!ENTITY/i.test(head)) return 'nmap'; // any XML parser refuses it with the DOCTYPE message
  return null;
}

export interface ParseOptions {
  format?: TImportFormat | undefined;
  mapping: TMapping | null;
  scanner: string;
  limits?: ImportLimits;
}

export async function parseReport(bytes: Buffer, o: ParseOptions): Promise<{ format: TImportFormat; scan: ParsedScan }> {
  const limits = o.limits ?? IMPORT_LIMITS;
  const format = o.format ?? detectFormat(bytes);
  if (!format)
    throw new Invalid('vulns.format_unknown', '无法识别导入文件的格式：支持 nmap XML、OpenVAS/GVM XML、Nessus（.nessus）和 CSV/Excel');
  if (format === 'nmap') return { format, scan: parseNmap(bytes, limits) };
  if (format === 'nessus') return { format, scan: parseNessus(bytes, limits) };
  if (format === 'openvas') return { format, scan: parseOpenvas(bytes, limits) };
  const kind = sniff(bytes) === 'xlsx' ? 'xlsx' : 'csv';
  return { format, scan: await parseTable(bytes, kind, o.mapping, o.scanner, limits) };
}
