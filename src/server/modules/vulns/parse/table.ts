// CSV and Excel exports of scanners (绿盟 RSAS, 启明星辰天镜 …, R-SEC-04): rows read through a column
// mapping kept as data per scanner (TMapping); without a saved one, the usual Chinese and English
// headers are recognised. CSV in UTF-8 (with or without BOM) or, failing that, GB18030, as these
// tools write it on Chinese Windows. Excel goes through the kernel's bounded sheet reader.
import iconv from 'iconv-lite';
import { cleanText } from '../../../../common/text.ts';
import type { TMapping, TMappingField } from '../../../../common/vulns.ts';
import { Invalid } from '../../../kernel/errors.ts';
import { cellString, readFirstSheet } from '../../../kernel/office/sheet-reader.ts';
import { addFinding, firstCve, isAddress, portOf, severityOf } from './common.ts';
import type { ImportLimits, ParsedScan } from './types.ts';

/** Headers recognised when no mapping is saved for the scanner. */
const ALIASES: Record<TMappingField, string[]> = {
  address: ['ip', 'ip地址', '主机', '主机ip', '目标', '资产ip', 'host', 'address', '主机地址'],
  port: ['端口', 'port', '端口号'],
  protocol: ['协议', 'protocol'],
  pluginId: ['插件id', '漏洞id', '漏洞编号', '规则id', 'pluginid', 'plugin id', 'nvt oid', 'id'],
  cve: ['cve', 'cve编号', 'cve id', 'cve号'],
  title: ['漏洞名称', '名称', '漏洞', 'name', 'title', 'vulnerability', 'plugin name'],
  severity: ['风险等级', '危险级别', '风险级别', '危险等级', '严重程度', '等级', 'severity', 'risk', 'risk factor'],
  description: ['描述', '详细描述', '漏洞描述', 'description', 'synopsis'],
  solution: ['解决办法', '解决方案', '修复建议', '整改建议', 'solution'],
};

const norm = (h: string) => h.replace(/\s+/g, ' ').trim().toLowerCase();

/** Column index of each field from the header row. */
function columnsOf(header: string[], mapping: TMapping | null): Map<TMappingField, number> {
  const at = new Map<TMappingField, number>();
  const heads = header.map(norm);
  for (const field of Object.keys(ALIASES) as TMappingField[]) {
    const wanted = mapping ? [mapping.columns[field]].filter((x): x is string => !!x).map(norm) : ALIASES[field];
    const i = heads.findIndex((h) => wanted.includes(h));
    if (i >= 0) at.set(field, i);
  }
  const missing = (['address', 'title', 'severity'] as const).filter((f) => !at.has(f));
  if (missing.length) {
    const names = { address: '地址', title: '漏洞名称', severity: '风险等级' };
    const why = mapping ? `扫描器“${mapping.scanner}”保存的列对应关系中的列` : '可识别的列（或先保存该扫描器的列对应关系）';
    throw new Invalid('vulns.csv_columns', `表头缺少${missing.map((m) => names[m]).join('、')}${why}，未写入任何数据`);
  }
  return at;
}

/** RFC 4180 records: quoted fields, doubled quotes, CRLF or LF; bounded by the caller's row cap. */
export function* csvRecords(text: string): Generator<string[]> {
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      yield row;
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    yield row;
  }
}

export function decodeCsv(bytes: Buffer): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return iconv.decode(body, 'gb18030');
  }
}

export async function parseTable(
  bytes: Buffer,
  kind: 'csv' | 'xlsx',
  mapping: TMapping | null,
  scanner: string,
  limits: ImportLimits,
): Promise<ParsedScan> {
  const scan: ParsedScan = { scanner: `csv:${scanner}`, hosts: new Set(), findings: [] };
  const deadline = Date.now() + limits.maxMs;
  let cols: Map<TMappingField, number> | null = null;
  const onRow = (cells: string[]) => {
    if (!cols) {
      cols = columnsOf(cells, mapping);
      return;
    }
    const get = (f: TMappingField) => {
      const i = cols!.get(f);
      const v = i === undefined ? '' : cleanText(cells[i] ?? '').trim();
      return v.length > limits.maxTextChars ? `${v.slice(0, limits.maxTextChars)}…` : v;
    };
    const address = get('address');
    if (!isAddress(address)) return; // a summary or blank line
    scan.hosts.add(address);
    const pp = portOf(get('port'));
    const proto = get('protocol').toLowerCase();
    const title = get('title').slice(0, 300);
    const cve = firstCve(get('cve'));
    addFinding(
      scan,
      {
        address,
        ...pp,
        protocol: proto || pp.protocol,
        pluginId: get('pluginId') || cve || title,
        cve,
        title,
        severity: severityOf(get('severity'), mapping?.severityWords) ?? 'info',
        description: get('description'),
        solution: get('solution'),
      },
      limits,
    );
  };
  if (kind === 'xlsx') {
    await readFirstSheet(bytes, (cells) => onRow(cells.slice(1).map(cellString)), { maxRows: limits.maxFindings, maxMs: limits.maxMs });
  } else {
    let n = 0;
    for (const rec of csvRecords(decodeCsv(bytes))) {
      if ((++n & 1023) === 0 && Date.now() > deadline)
        throw new Invalid('vulns.too_slow', `解析导入文件超过 ${limits.maxMs / 1000} 秒，请拆分后分批导入`);
      if (rec.length === 1 && rec[0] === '') continue;
      onRow(rec);
    }
  }
  if (!cols) throw new Invalid('vulns.empty', '导入文件中没有数据，未写入任何数据');
  return scan;
}
