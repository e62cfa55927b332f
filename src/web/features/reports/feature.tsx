// Reports (issue 15 point 1, R-RPT-01): the list of report forms with filters and export, the 生成
// dialog, and a report's page with its sections, charts, narrative, versions and downloads.
import { FileTextOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

const read = 'reports.read';

export const reports: WebFeature = {
  id: 'reports',
  routes: [
    { path: 'reports', perm: read, load: () => import('./ReportsPage.tsx').then((m) => m.ReportsPage) },
    { path: 'reports/:id', perm: read, load: () => import('./ReportPage.tsx').then((m) => m.ReportPage) },
  ],
  menuGroups: [{ key: 'reports', label: '报告', icon: <FileTextOutlined />, perm: read, order: 49.5 }],
  menu: [{ key: '/reports', label: '运维报告', perm: read, order: 10, parent: 'reports' }],
  strings: { 'en-US': EN },
  selectedKey: (p) => (p === '/reports' || p.startsWith('/reports/') ? { key: '/reports', open: 'reports' } : null),
};
