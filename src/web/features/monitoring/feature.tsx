// Monitoring (issue 12 point 3/4, R-MON-01/02/07): the devices with live state, a device's interfaces
// and charts, the alerts and their thresholds.
import { DashboardOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const monitoring: WebFeature = {
  id: 'monitoring',
  routes: [
    { path: 'monitoring', perm: 'monitoring.read', load: () => import('./DevicesPage.tsx').then((m) => m.DevicesPage) },
    { path: 'monitoring/topology', perm: 'monitoring.read', load: () => import('./TopologyPage.tsx').then((m) => m.TopologyPage) },
    { path: 'monitoring/wall', perm: 'monitoring.read', load: () => import('./WallPage.tsx').then((m) => m.WallPage) },
    { path: 'monitoring/pairs', perm: 'monitoring.read', load: () => import('./PairsPage.tsx').then((m) => m.PairsPage) },
    { path: 'monitoring/alerts', perm: 'monitoring.read', load: () => import('./AlertsPage.tsx').then((m) => m.AlertsPage) },
    {
      path: 'monitoring/thresholds',
      perm: 'monitoring.read',
      load: () => import('./thresholds/ThresholdsPage.tsx').then((m) => m.ThresholdsPage),
    },
    { path: 'monitoring/:id', perm: 'monitoring.read', load: () => import('./DevicePage.tsx').then((m) => m.DevicePage) },
  ],
  menuGroups: [{ key: 'monitoring', label: '网络监控', icon: <DashboardOutlined />, perm: 'monitoring.read', order: 44 }],
  menu: [
    { key: '/monitoring', label: '监控设备', perm: 'monitoring.read', order: 10, parent: 'monitoring' },
    { key: '/monitoring/alerts', label: '监控告警', perm: 'monitoring.read', order: 20, parent: 'monitoring' },
    { key: '/monitoring/thresholds', label: '告警阈值', perm: 'monitoring.read', order: 22, parent: 'monitoring' },
    { key: '/monitoring/pairs', label: '探测对', perm: 'monitoring.read', order: 25, parent: 'monitoring' },
    { key: '/monitoring/topology', label: '网络拓扑', perm: 'monitoring.read', order: 30, parent: 'monitoring' },
    { key: '/monitoring/wall', label: '监控大屏', perm: 'monitoring.read', order: 40, parent: 'monitoring' },
  ],
  strings: { 'en-US': EN },
  // A device's page keeps 监控设备 highlighted; the other pages are entries of their own.
  selectedKey: (p) =>
    p.startsWith('/monitoring/') &&
    !['/monitoring/alerts', '/monitoring/thresholds', '/monitoring/pairs', '/monitoring/topology', '/monitoring/wall'].includes(p)
      ? { key: '/monitoring', open: 'monitoring' }
      : null,
};
