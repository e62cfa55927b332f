// Inspections (issue 14 points 1–2): the sheets with filters, the phone page that fills a sheet by
// scanning asset labels, the templates, and the plans the agency approves.
import { AuditOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const inspections: WebFeature = {
  id: 'inspections',
  routes: [
    { path: 'inspections', perm: 'inspections.read', load: () => import('./SheetsPage.tsx').then((m) => m.SheetsPage) },
    { path: 'inspections/sheets/:id', perm: 'inspections.read', load: () => import('./SheetPage.tsx').then((m) => m.SheetPage) },
    { path: 'inspections/templates', perm: 'inspections.read', load: () => import('./TemplatesPage.tsx').then((m) => m.TemplatesPage) },
    { path: 'inspections/plans', perm: 'inspections.read', load: () => import('./PlansPage.tsx').then((m) => m.PlansPage) },
  ],
  menuGroups: [{ key: 'inspections', label: '巡检管理', icon: <AuditOutlined />, perm: 'inspections.read', order: 47 }],
  menu: [
    { key: '/inspections', label: '巡检单', perm: 'inspections.read', order: 10, parent: 'inspections' },
    { key: '/inspections/templates', label: '巡检模板', perm: 'inspections.read', order: 20, parent: 'inspections' },
    { key: '/inspections/plans', label: '巡检计划', perm: 'inspections.read', order: 30, parent: 'inspections' },
  ],
  strings: { 'en-US': EN },
  selectedKey: (p) => (p.startsWith('/inspections/sheets/') ? { key: '/inspections', open: 'inspections' } : null),
};
