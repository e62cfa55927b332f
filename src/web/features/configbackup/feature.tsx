// Configuration backup (issue 12, R-MON-05/06): the devices and their configuration versions and diffs.
import { CloudServerOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const configbackup: WebFeature = {
  id: 'configbackup',
  routes: [
    { path: 'config-backup', perm: 'configbackup.read', load: () => import('./DevicesPage.tsx').then((m) => m.DevicesPage) },
    { path: 'config-backup/runs', perm: 'configbackup.read', load: () => import('./RunsPage.tsx').then((m) => m.RunsPage) },
    { path: 'config-backup/changes', perm: 'configbackup.read', load: () => import('./ChangesPage.tsx').then((m) => m.ChangesPage) },
    { path: 'config-backup/groups', perm: 'configbackup.read', load: () => import('./GroupsPage.tsx').then((m) => m.GroupsPage) },
    { path: 'config-backup/:id', perm: 'configbackup.read', load: () => import('./DevicePage.tsx').then((m) => m.DevicePage) },
  ],
  menu: [{ key: '/config-backup', label: '配置备份', icon: <CloudServerOutlined />, perm: 'configbackup.read', order: 45 }],
  strings: { 'en-US': EN },
  // A device's page keeps 配置备份 highlighted.
  selectedKey: (p) => (p.startsWith('/config-backup/') ? { key: '/config-backup', open: null } : null),
};
