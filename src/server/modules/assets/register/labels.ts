// R-AST-03: printable label sheets with a QR code per asset (scanning it opens /a/{number}) and the
// asset card (资产卡片), as HTML that kernel/office/pdf.ts renders to PDF.
import QRCode from 'qrcode';
import { ASSET_STATUS_NAMES, NETWORK_DOMAIN_NAMES, type TAsset } from '../../../../common/assets.ts';
import { SERVICE_LINE_NAMES } from '../../../../common/service-lines.ts';

/** The URL a label's QR code encodes. */
export const assetUrl = (publicUrl: string, number: string) => `${publicUrl.replace(/\/$/, '')}/a/${encodeURIComponent(number)}`;

export const esc = (s: unknown): string =>
  (typeof s === 'string'
    ? s
    : typeof s === 'number' || typeof s === 'boolean'
      ? String(s)
      : s === null || s === undefined
        ? ''
        : JSON.stringify(s)
  ).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** PNG of the QR code (tests decode it; the label embeds the SVG form of the same content). */
export const qrPng = (text: string): Promise<Buffer> =>
  QRCode.toBuffer(text, { type: 'png', margin: 2, scale: 6, errorCorrectionLevel: 'M' });
const qrSvg = (text: string): Promise<string> => QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });

const FONT = `"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif`;

/** A4 sheet, 3 × 8 labels of 70 × 36 mm: QR on the left, number, name and location on the right. */
export async function labelsHtml(items: TAsset[], publicUrl: string, owner: string): Promise<string> {
  const cells = await Promise.all(
    items.map(
      async (a) => `<div class="label">
  <div class="qr">${await qrSvg(assetUrl(publicUrl, a.number))}</div>
  <div class="text">
    <div class="owner">${esc(owner)}</div>
    <div class="number">${esc(a.number)}</div>
    <div class="name">${esc(a.name)}</div>
    <div class="loc">${esc(a.location || '—')}</div>
  </div>
</div>`,
    ),
  );
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>资产标签</title><style>
@page { size: A4; margin: 10mm 7mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONT}; color: #000; }
.sheet { display: grid; grid-template-columns: repeat(3, 64mm); grid-auto-rows: 34mm; gap: 1.5mm 2mm; }
.label { border: 0.3mm dashed #999; border-radius: 2mm; padding: 2mm; display: flex; gap: 2mm; overflow: hidden; break-inside: avoid; }
.qr { width: 28mm; height: 28mm; flex: none; }
.qr svg { width: 100%; height: 100%; }
.text { min-width: 0; display: flex; flex-direction: column; gap: 0.8mm; }
.owner { font-size: 6.5pt; color: #444; }
.number { font-size: 10pt; font-weight: 700; font-family: "DejaVu Sans Mono", monospace; letter-spacing: 0.2pt; word-break: break-all; }
.name { font-size: 8pt; font-weight: 600; line-height: 1.2; max-height: 2.4em; overflow: hidden; }
.loc { font-size: 6.5pt; color: #333; line-height: 1.25; max-height: 3.75em; overflow: hidden; }
</style></head><body><div class="sheet">${cells.join('\n')}</div></body></html>`;
}

const row = (label: string, value: unknown) =>
  `<tr><th>${esc(label)}</th><td>${esc(value === null || value === undefined || value === '' ? '—' : value)}</td></tr>`;

/** 资产卡片: the three records of one asset on one A4 page, with its QR code. */
export async function cardHtml(a: TAsset, publicUrl: string, owner: string, printedAt: string): Promise<string> {
  const specs = Object.entries(a.specs)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('；');
  const d = a.depreciation;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>资产卡片 ${esc(a.number)}</title><style>
@page { size: A4; margin: 15mm; }
body { margin: 0; font-family: ${FONT}; font-size: 10pt; color: #000; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 2mm; letter-spacing: 4pt; }
.sub { text-align: center; color: #444; margin-bottom: 5mm; }
.head { display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm; margin-bottom: 4mm; }
.head .qr { width: 30mm; height: 30mm; } .head .qr svg { width: 100%; height: 100%; }
.num { font-size: 14pt; font-weight: 700; } .nm { font-size: 12pt; margin-top: 2mm; }
h2 { font-size: 11pt; margin: 5mm 0 1.5mm; border-left: 1mm solid #000; padding-left: 2mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.3mm solid #555; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { width: 32mm; background: #f0f0f0; font-weight: 600; }
.foot { margin-top: 8mm; display: flex; justify-content: space-between; color: #333; }
</style></head><body>
<h1>资产卡片</h1><div class="sub">${esc(owner)}</div>
<div class="head"><div><div class="num">${esc(a.number)}</div><div class="nm">${esc(a.name)}</div>
<div style="margin-top:2mm">${esc(a.classPath.map((c) => c.name).join(' › '))}（${esc(a.classCode)}）</div></div>
<div class="qr">${await qrSvg(assetUrl(publicUrl, a.number))}</div></div>
<h2>技术信息（信息化部门）</h2><table>
${row('状态', ASSET_STATUS_NAMES[a.status as 'in_use'] ?? a.status)}${row('厂商 / 型号', [a.vendor, a.model].filter(Boolean).join(' '))}${row('序列号', a.serial)}
${row('管理 IP', a.mgmtIp)}${row('固件版本', a.firmware)}${row('端口数', a.portCount)}${a.signatureVersion ? row('特征库版本', `${a.signatureVersion}（${a.signatureDate ?? '—'}）`) : ''}
${specs ? row('规格', specs) : ''}${row('网络域', a.networkDomain ? NETWORK_DOMAIN_NAMES[a.networkDomain as 'egov'] : '')}${row('服务项目', a.serviceLine ? SERVICE_LINE_NAMES[a.serviceLine as 'NET'].zh : '')}
${row('位置', a.location)}${row('保修到期', a.warrantyUntil)}${row('停止支持', a.endOfSupport)}
</table>
<h2>财务信息（财务部门）</h2><table>
${row('固定资产卡片号', a.assetCardNumber)}${row('原值（元）', a.originalValue)}${row('购置日期', a.acquiredOn)}${row('折旧年限', a.depreciationYears ? `${a.depreciationYears} 年（直线法）` : '')}
${row('累计折旧 / 账面价值（元）', d ? `${d.accumulated.toFixed(2)} / ${d.bookValue.toFixed(2)}` : '')}
</table>
<h2>使用信息（业务部门）</h2><table>
${row('使用部门', a.usingDepartmentName)}${row('保管人', a.custodianName)}${row('备注', a.notes)}
</table>
<div class="foot"><span>打印时间：${esc(printedAt)}</span><span>信息化部门：________ &emsp; 财务部门：________ &emsp; 使用部门：________</span></div>
</body></html>`;
}
