// Monitoring (issue 12 point 3/4, R-MON-01/02/07): the devices with live state, a device's interfaces
// and charts, the alerts.
import { AlertOutlined, DashboardOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const monitoring: WebFeature = {
  id: 'monitoring',
  routes: [
    { path: 'monitoring', perm: 'monitoring.read', load: () => import('./DevicesPage.tsx').then((m) => m.DevicesPage) },
    { path: 'monitoring/wall', perm: 'monitoring.read', load: () => import('./WallPage.tsx').then((m) => m.WallPage) },
    { path: 'monitoring/alerts', perm: 'monitoring.read', load: () => import('./AlertsPage.tsx').then((m) => m.AlertsPage) },
    { path: 'monitoring/:id', perm: 'monitoring.read', load: () => import('./DevicePage.tsx').then((m) => m.DevicePage) },
  ],
  menu: [
    { key: '/monitoring', label: '网络监控', icon: <DashboardOutlined />, perm: 'monitoring.read', order: 44 },
    { key: '/monitoring/alerts', label: '监控告警', icon: <AlertOutlined />, perm: 'monitoring.read', order: 44.5 },
    { key: '/monitoring/wall', label: '监控大屏', icon: <FundProjectionScreenOutlined />, perm: 'monitoring.read', order: 44.6 },
  ],
  strings: { 'en-US': EN },
  // A device's page keeps 网络监控 highlighted.
  selectedKey: (p) =>
    p.startsWith('/monitoring/') && p !== '/monitoring/alerts' && p !== '/monitoring/wall' ? { key: '/monitoring', open: null } : null,
};
