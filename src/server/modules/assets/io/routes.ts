// Routes of asset import and export (Excel): the template, the checked import, the filtered export.
import type { FastifyInstance } from 'fastify';
import { dateOf } from '../../../../common/dates.ts';
import { xlsxDownload } from '../../../kernel/office/xlsx.ts';
import { readUpload } from '../../../kernel/files/upload.ts';
import { defineRoute } from '../../../kernel/http.ts';
import { exportAssets, exportColumns } from './export.ts';
import { importAssets } from './import.ts';
import { assetTemplate } from './template.ts';
import { assetsApi } from '../../../../common/assets.api.ts';

export async function assetIoRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['assets'];
  defineRoute(app, {
    ...assetsApi.export,
    summary: '导出筛选后的资产（Excel）',
    tags,
    access: 'asset.read',
    handler: async (ctx, { query }) =>
      xlsxDownload(`资产台账-${dateOf(ctx.now())}.xlsx`, '资产台账', exportColumns(), await exportAssets(ctx, query)),
  });
  defineRoute(app, {
    ...assetsApi.importTemplate,
    summary: '资产导入模板（Excel，含下拉选项与示例行）',
    tags,
    access: 'asset.write',
    handler: async (ctx) => assetTemplate(ctx),
  });
  defineRoute(app, {
    ...assetsApi.import,
    summary: '从 Excel 导入资产：逐行校验，全部正确才写入（否则 422 列出每处错误）',
    tags,
    access: 'asset.write',
    handler: async (ctx, _i, req) => importAssets(ctx, await readUpload(req)),
  });
}
