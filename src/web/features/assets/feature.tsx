// Assets: the register, spare parts, procurement, movements, lines and end-of-support (R-AST).
import { DatabaseOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

const read = 'asset.read';
const spares = 'asset.read|spare.write';
const procure = 'asset.read|procure.write|procure.approve';

export const assets: WebFeature = {
  id: 'assets',
  routes: [
    { path: 'assets', perm: read, load: () => import('./AssetsPage.tsx').then((m) => m.AssetsPage) },
    { path: 'assets/classes', perm: read, load: () => import('./ClassesPage.tsx').then((m) => m.ClassesPage) },
    { path: 'assets/:id', perm: read, load: () => import('./AssetPage.tsx').then((m) => m.AssetPage) },
    // The short link printed on asset labels (R-AST).
    { path: 'a/:number', perm: read, load: () => import('./AssetPage.tsx').then((m) => m.AssetByNumberPage) },
    { path: 'assets/requests', perm: read, load: () => import('./RequestsPage.tsx').then((m) => m.RequestsPage) },
    { path: 'assets/lines', perm: read, load: () => import('./LinesPage.tsx').then((m) => m.LinesPage) },
    { path: 'assets/eos', perm: read, load: () => import('./EosPage.tsx').then((m) => m.EosPage) },
    { path: 'assets/spares', perm: spares, load: () => import('./SparesPage.tsx').then((m) => m.SparesPage) },
    { path: 'assets/spares/:id', perm: spares, load: () => import('./SparePage.tsx').then((m) => m.SparePage) },
    { path: 'assets/procurements', perm: procure, load: () => import('./ProcurementsPage.tsx').then((m) => m.ProcurementsPage) },
    { path: 'assets/procurements/:id', perm: procure, load: () => import('./ProcurementPage.tsx').then((m) => m.ProcurementPage) },
  ],
  menuGroups: [{ key: 'assets', label: '资产', icon: <DatabaseOutlined />, perm: spares, order: 40 }],
  menu: [
    { key: '/assets', label: '资产台账', perm: read, order: 10, parent: 'assets' },
    { key: '/assets/spares', label: '备品备件', perm: spares, order: 20, parent: 'assets' },
    { key: '/assets/procurements', label: '采购咨询', perm: procure, order: 30, parent: 'assets' },
    { key: '/assets/requests', label: '变动审批', perm: read, order: 40, parent: 'assets' },
    { key: '/assets/lines', label: '线路', perm: read, order: 50, parent: 'assets' },
    { key: '/assets/eos', label: '过保与停止支持', perm: read, order: 60, parent: 'assets' },
    { key: '/assets/classes', label: '资产分类', perm: read, order: 70, parent: 'assets' },
  ],
  strings: { 'en-US': EN },
  // A list page (/assets/spares) is its own entry; a record (/assets/<id>, /assets/spares/<id>) keeps
  // 资产台账 highlighted.
  selectedKey: (p) =>
    p === '/assets' || p.startsWith('/assets/') ? { key: /^\/assets\/[a-z]+$/.test(p) ? p : '/assets', open: 'assets' } : null,
};
