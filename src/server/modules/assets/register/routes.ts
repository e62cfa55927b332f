// Routes of the asset register: classification, records, search, history, labels and the asset
// card (import and export: io/routes.ts). Thin: permission → validate → service → response.
import type { FastifyInstance } from 'fastify';
import { publicUrlFrom } from '../../../kernel/config.ts';
import { defineRoute } from '../../../kernel/http.ts';
import { classTree, createClass, getClass, updateClass } from './classes.ts';
import { listHistory } from './history.ts';
import { cardPdf, labelsPdf } from './printing.ts';
import { assertLevels, assetOptions, createAsset, getAsset, getAssetByNumber, loadAsset, updateAsset } from './records.ts';
import { listAssets } from './search.ts';
import { assetsApi } from '../../../../common/assets.api.ts';

export async function assetRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['assets'];
  // The public URL for QR codes: YUNWEI_PUBLIC_URL, as the notification outbox reads it.
  const publicUrl = () => publicUrlFrom(process.env);

  // --- classification (R-AST-02)
  defineRoute(app, {
    ...assetsApi.classes,
    summary: '资产分类树（GB/T 14885-2022 信息化设备分支及本单位子类）',
    tags,
    access: 'asset.read',
    handler: async (ctx) => classTree(ctx),
  });
  defineRoute(app, {
    ...assetsApi.createClass,
    summary: '新增本单位子类（在已有分类之下）',
    tags,
    access: 'asset.classes',
    handler: async (ctx, { body }) => createClass(ctx, body),
  });
  defineRoute(app, {
    ...assetsApi.updateClass,
    summary: '修改分类（名称、类型、编号代码、停用）；在用分类只能停用、不能删除',
    tags,
    access: 'asset.classes',
    handler: async (ctx, { params, body }) => {
      await getClass(ctx, params.code);
      return updateClass(ctx, params.code, body);
    },
  });

  // --- records (R-AST-04, R-AST-01)
  defineRoute(app, {
    ...assetsApi.list,
    summary: '资产台账：筛选与搜索（编号、名称、厂商、型号、序列号、管理 IP、地点、房间、楼层；空格分隔的多个词须同时匹配）',
    tags,
    access: 'asset.read',
    handler: async (ctx, { query }) => listAssets(ctx, query),
  });
  defineRoute(app, {
    ...assetsApi.create,
    summary: '登记资产（编号按规则自动生成；财务、使用信息需相应权限）',
    tags,
    access: 'asset.write',
    handler: async (ctx, { body }) => {
      // Technical fields are what asset.write registers; finance and business fields only if filled.
      const filled = Object.entries(body)
        .filter(([, v]) => v !== null && v !== '' && v !== 'straight_line')
        .map(([k]) => k);
      assertLevels(ctx, filled);
      return createAsset(ctx, body);
    },
  });
  defineRoute(app, {
    ...assetsApi.labels,
    summary: '资产标签（PDF，每个标签含指向资产页面的二维码）',
    tags,
    access: 'asset.read',
    handler: async (ctx, { query }) => labelsPdf(ctx, query.ids, publicUrl()),
  });
  defineRoute(app, {
    ...assetsApi.options,
    summary: '资产表单的选项：地点与房间、部门、人员',
    tags,
    access: 'asset.read',
    handler: async (ctx) => assetOptions(ctx),
  });
  defineRoute(app, {
    ...assetsApi.byNumber,
    summary: '按资产编号查找（扫描标签二维码）',
    tags,
    access: 'asset.read',
    handler: async (ctx, { params }) => getAssetByNumber(ctx, params.number),
  });
  defineRoute(app, {
    ...assetsApi.get,
    summary: '资产详情（三级信息、折旧、位置、保修与停保提示）',
    tags,
    access: 'asset.read',
    handler: async (ctx, { params }) => getAsset(ctx, params.id),
  });
  defineRoute(app, {
    ...assetsApi.update,
    summary: '修改资产信息：技术信息 asset.write、财务信息 asset.finance、使用信息 asset.business；状态须走变动申请',
    tags,
    access: 'asset.write|asset.finance|asset.business',
    handler: async (ctx, { params, body }) => updateAsset(ctx, params.id, body),
  });
  defineRoute(app, {
    ...assetsApi.history,
    summary: '资产履历：每次变更、变动与相关运维单',
    tags,
    access: 'asset.read',
    handler: async (ctx, { params }) => {
      const a = await loadAsset(ctx, params.id);
      return listHistory(ctx, a.id, a.number);
    },
  });
  defineRoute(app, {
    ...assetsApi.card,
    summary: '资产卡片（PDF）',
    tags,
    access: 'asset.read',
    handler: async (ctx, { params }) => cardPdf(ctx, params.id, publicUrl()),
  });
}
