// Export of a filtered asset list (issue 4 point 9): the same filters as the list, Chinese headers,
// audited. The first columns are those of the import template, so an export can be edited and
// imported elsewhere.
import { asc, count } from 'drizzle-orm';
import { ASSET_STATUS_NAMES, NETWORK_DOMAIN_NAMES, type TAsset, type TAssetQuery } from '../../../../common/assets.ts';
import { lineLabel } from '../../../../common/service-lines.ts';
import { audit } from '../../../kernel/audit.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { Invalid } from '../../../kernel/errors.ts';
import type { Column } from '../../../kernel/office/xlsx.ts';
import { viewsOf } from '../register/records.ts';
import { EXPORT_MAX_ROWS, assetFilter } from '../register/search.ts';
import { assets } from '../register/tables.ts';

export async function exportAssets(ctx: Ctx, q: Omit<TAssetQuery, 'page' | 'pageSize'>): Promise<TAsset[]> {
  const where = await assetFilter(ctx, q);
  const [n] = await ctx.db.select({ n: count() }).from(assets).where(where);
  const total = Number(n?.n ?? 0);
  if (total > EXPORT_MAX_ROWS)
    throw new Invalid('export.too_many', `符合条件的资产有 ${total} 条，超过单次导出上限 ${EXPORT_MAX_ROWS} 条，请缩小筛选范围`);
  const rows = await ctx.db.select().from(assets).where(where).orderBy(asc(assets.number));
  const items = await viewsOf(ctx, rows);
  await audit(ctx, { action: 'asset.export', objectType: 'asset', detail: { filters: q, rows: items.length } });
  return items;
}

export function exportColumns(): Column<TAsset>[] {
  const cols: Column<TAsset>[] = [
    { header: '资产编号', width: 20, value: (r) => r.number },
    { header: '名称', width: 28, value: (r) => r.name },
    { header: '分类代码', width: 12, value: (r) => r.classCode },
    { header: '分类', width: 16, value: (r) => r.className },
    { header: '状态', width: 8, value: (r) => ASSET_STATUS_NAMES[r.status as 'in_use'] ?? r.status },
    { header: '厂商', width: 12, value: (r) => r.vendor },
    { header: '型号', width: 20, value: (r) => r.model },
    { header: '序列号', width: 20, value: (r) => r.serial },
    { header: '管理IP', width: 16, value: (r) => r.mgmtIp },
    { header: '固件版本', width: 16, value: (r) => r.firmware },
    { header: '端口数', width: 8, value: (r) => r.portCount },
    { header: '网络域', width: 12, value: (r) => (r.networkDomain ? NETWORK_DOMAIN_NAMES[r.networkDomain as 'egov'] : '') },
    { header: '服务项目', width: 10, value: (r) => (r.serviceLine ? lineLabel(r.serviceLine) : '') },
    { header: '地点', width: 14, value: (r) => r.siteName ?? '' },
    { header: '楼宇', width: 14, value: (r) => r.building },
    { header: '楼层', width: 8, value: (r) => r.floor },
    { header: '房间', width: 14, value: (r) => r.roomName ?? '' },
    { header: '机柜', width: 8, value: (r) => r.rack },
    { header: 'U位', width: 8, value: (r) => r.rackUnit },
    { header: '保修到期', width: 12, value: (r) => r.warrantyUntil ?? '' },
    { header: '停止支持', width: 12, value: (r) => r.endOfSupport ?? '' },
  ];
  cols.push(
    { header: '原值', width: 12, value: (r) => (r.originalValue === null ? null : Number(r.originalValue)) },
    { header: '固定资产卡片号', width: 16, value: (r) => r.assetCardNumber },
    { header: '购置日期', width: 12, value: (r) => r.acquiredOn ?? '' },
    { header: '折旧年限', width: 8, value: (r) => r.depreciationYears },
    { header: '账面价值', width: 12, value: (r) => r.depreciation?.bookValue ?? null },
  );
  cols.push(
    { header: '使用部门', width: 14, value: (r) => r.usingDepartmentName ?? '' },
    { header: '保管人', width: 10, value: (r) => r.custodianName ?? '' },
    { header: '备注', width: 30, value: (r) => r.notes },
  );
  return cols;
}
