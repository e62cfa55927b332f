// The schema README of a complete export (R-CONF-04), in Chinese and English: what the package holds,
// each module and what it is, each table with its rows and its columns with their SQL types.
import type { ExportedColumn } from '../../kernel/export.ts';

export interface ReadmeTable {
  table: string;
  rows: number;
  columns: ExportedColumn[];
}
export interface ReadmeModule {
  id: string;
  zh: string;
  en: string;
  summaryZh: string;
  summaryEn: string;
  tables: ReadmeTable[];
}

export function readmeText(o: { exportedAt: string; contract: string; modules: ReadmeModule[]; files: number }): string {
  const out: string[] = [
    '# 数据移交包 / Complete data export',
    '',
    `导出时间 Exported at: ${o.exportedAt}`,
    `合同 Contract: ${o.contract}`,
    '',
    '依据合同第八条第2款，运维服务中产生的全部信息资源归甲方所有。本包以开放格式提供系统中的全部业务数据：',
    '',
    '- `<模块>/<表>.csv`：UTF-8（带 BOM，Excel 可直接打开中文），首行为列名；空值为空白；JSON 列、数组列以 JSON 文本表示；时间为 ISO 8601（UTC）。',
    '- `<模块>/<表>.jsonl`：JSON Lines，每行一条记录，与 CSV 同序、同内容。',
    '- `files/<文件ID>/<文件名>`：系统中存储的全部文件（附件、照片、文档）；文件的元数据见 `kernel/files.csv`（按 id 对应）。',
    '- `manifest.json`：每张表的记录数与 SHA-256 校验值（CSV 与 JSONL 各一），以及文件数。',
    '',
    '不包含：账号口令哈希、TOTP 与机器人密钥、令牌哈希等凭据列；系统设置（含加密保存的密钥）；导出包本身。',
    '',
    'This package holds all business data of the system in open formats, as clause 8.2 of the contract gives the agency ownership',
    'of all information produced: per table a CSV (UTF-8 with BOM, header row; JSON and array columns as JSON text; instants in',
    'ISO 8601 UTC) and a JSON Lines file with the same rows in the same order; every stored file under `files/<file id>/<name>`',
    "(its metadata in `kernel/files.csv`); `manifest.json` with every table's row count and SHA-256 of both files. Left out:",
    'credential columns (password hashes, TOTP and robot secrets, token hashes), settings holding sealed secrets, the packages.',
    '',
    `文件 Stored files: ${o.files}`,
    '',
  ];
  for (const m of o.modules) {
    out.push(`## ${m.zh} / ${m.en} (\`${m.id}/\`)`, '');
    if (m.summaryZh) out.push(`${m.summaryZh}`, '', `${m.summaryEn}`, '');
    for (const t of m.tables) {
      out.push(`### ${t.table}（${t.rows} 行 rows）`, '', '| 列 column | 类型 type | 必填 required |', '| --- | --- | --- |');
      for (const c of t.columns) out.push(`| ${c.name} | ${c.type} | ${c.notNull ? '是 yes' : '否 no'} |`);
      out.push('');
    }
  }
  return out.join('\n');
}
