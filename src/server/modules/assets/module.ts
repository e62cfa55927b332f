// The assets module: the register of the agency's equipment (R-AST) with its IT, finance and business
// records, movements approved at each level, relations and lines, end of support, spare parts and
// procurement consulting.
import { defineModule, tablesIn, type SearchProvider } from '../../kernel/module.ts';
import { loadAssetsDemo } from '../../demo/assets.ts';
import { loadSparesDemo } from '../../demo/spares.ts';
import { eosRoutes } from './eos/routes.ts';
import * as eosTables from './eos/tables.ts';
import { ASSET_EVENTS } from './events.ts';
import { assetIoRoutes } from './io/routes.ts';
import { assetJobs } from './jobs.ts';
import { movementRoutes } from './movements/routes.ts';
import * as movementTables from './movements/tables.ts';
import { procureRoutes } from './procurement/routes.ts';
import * as procurementTables from './procurement/tables.ts';
import { seedAssetClasses } from './register/classes.ts';
import { assetRoutes } from './register/routes.ts';
import { listAssets } from './register/search.ts';
import * as registerTables from './register/tables.ts';
import { spareRoutes } from './spares/routes.ts';
import * as spareTables from './spares/tables.ts';
import { ASSET_TODOS } from './todos.ts';
import { topologyRoutes } from './topology/routes.ts';
import * as topologyTables from './topology/tables.ts';

const AGENCY = ['agency_manager', 'agency_contact'];

/** Assets by number, name, model, serial or management IP, as the register's q= finds them. */
const assetSearch: SearchProvider = {
  id: 'assets.register',
  label: { zh: '资产', en: 'Assets' },
  access: 'asset.read',
  search: async (ctx, q, limit) =>
    (await listAssets(ctx, { q, page: 1, pageSize: limit })).items.map((a) => ({
      title: `${a.number} ${a.name}`,
      subtitle: [a.model, a.mgmtIp].filter(Boolean).join(' · '),
      url: `/assets/${a.id}`,
    })),
};

export const assets = defineModule({
  id: 'assets',
  name: { zh: '资产', en: 'Assets' },
  summary: {
    zh: '资产台账（GB/T 14885-2022 分类）、变动审批、线路、过保与停止支持、备品备件、采购咨询',
    en: 'Asset register (GB/T 14885-2022), approved movements, lines, end of support, spare parts, procurement',
  },
  dependsOn: ['org', 'desk'],
  permissions: {
    'asset.read': {
      zh: '查看资产与配置',
      en: 'View assets and configuration',
      group: 'assets',
      grants: [...AGENCY, 'agency_finance', 'agency_dept', 'contractor_pm', 'engineer', 'duty_operator'],
    },
    'asset.write': {
      zh: '登记和维护资产技术信息，提出资产变动申请',
      en: 'Register assets, keep their technical record, request movements',
      group: 'assets',
      grants: [...AGENCY, 'contractor_pm', 'engineer'],
    },
    'asset.approve': { zh: '审批资产变动（信息化部门）', en: 'Approve asset movements (IT department)', group: 'assets', grants: AGENCY },
    'asset.finance': {
      zh: '维护资产财务信息并审批（财务部门）',
      en: 'Keep the finance record and approve (finance department)',
      group: 'assets',
      grants: ['agency_finance'],
    },
    'asset.business': {
      zh: '维护资产使用信息并审批（业务部门）',
      en: 'Keep the usage record and approve (business department)',
      group: 'assets',
      grants: ['agency_dept'],
    },
    'asset.classes': { zh: '维护资产分类', en: 'Maintain the asset classification', group: 'assets', grants: ['agency_manager'] },
    'spare.write': {
      zh: '管理备品备件（入库、领用、归还、预留）',
      en: 'Manage spare parts (receive, issue, return, reserve)',
      group: 'assets',
      grants: ['contractor_pm', 'engineer'],
    },
    'procure.write': {
      zh: '采购咨询：询价、比价、提出采购申请',
      en: 'Procurement consulting: inquiries, quotes, purchase requests',
      group: 'assets',
      grants: ['contractor_pm'],
    },
    'procure.approve': { zh: '审批采购申请', en: 'Approve purchase requests', group: 'assets', grants: ['agency_manager'] },
  },
  events: ASSET_EVENTS,
  routes: [assetRoutes, assetIoRoutes, movementRoutes, topologyRoutes, eosRoutes, spareRoutes, procureRoutes],
  jobs: assetJobs,
  seed: async (ctx) => {
    await seedAssetClasses(ctx);
  },
  demo: async (ctx) => {
    await loadAssetsDemo(ctx);
    await loadSparesDemo(ctx);
  },
  search: [assetSearch],
  todos: ASSET_TODOS,
  exportTables: [...new Set([registerTables, movementTables, topologyTables, eosTables, spareTables, procurementTables].flatMap(tablesIn))],
});
