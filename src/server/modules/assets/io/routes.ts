// Routes of asset import and export (Excel): the template, the checked import, the filtered export.
import type { FastifyInstance } from 'fastify';
import { dateOf } from '../../../../common/dates.ts';
import { ZAssetExportQuery, ZAssetImportResult } from '../../../../common/assets.ts';
import { xlsxDownload } from '../../../kernel/office/xlsx.ts';
import { readUpload } from '../../../kernel/files/upload.ts';
import { defineRoute } from '../../../kernel/http.ts';
import { exportAssets, exportColumns } from './export.ts';
import { importAssets } from './import.ts';
import { assetTemplate } from './template.ts';

export async function assetIoRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['assets'];
  defineRoute(app, {
    method: 'GET',
    url: '/assets/export',
    summary: '导出筛选后的资产（Excel）',
    tags,
    access: 'asset.read',
    query: ZAssetExportQuery,
    handler: async (ctx, { query }) =>
      xlsxDownload(`资产台账-${dateOf(ctx.now())}.xlsx`, '资产台账', exportColumns(), await exportAssets(ctx, query)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/assets/import-template',
    summary: '资产导入模板（Excel，含下拉选项与示例行）',
    tags,
    access: 'asset.write',
    handler: async (ctx) => assetTemplate(ctx),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/assets/import',
    summary: '从 Excel 导入资产：逐行校验，全部正确才写入（否则 422 列出每处错误）',
    tags,
    access: 'asset.write',
    response: ZAssetImportResult,
    status: 201,
    handler: async (ctx, _i, req) => importAssets(ctx, await readUpload(req)),
  });
}
