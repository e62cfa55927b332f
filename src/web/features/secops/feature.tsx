// Security operations (issue 13 points 4 and 6; R-SEC-03/07/09): an alert's responses (reached from the
// alert queue), the signature board, and a device's security policy history.
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const secops: WebFeature = {
  id: 'secops',
  routes: [
    { path: 'secops/alerts/:alertId', perm: 'secops.read', load: () => import('./AlertPage.tsx').then((m) => m.AlertPage) },
    { path: 'secops/signatures', perm: 'secops.read', load: () => import('./SignaturesPage.tsx').then((m) => m.SignaturesPage) },
    { path: 'secops/bulletins', perm: 'secops.read', load: () => import('./BulletinsPage.tsx').then((m) => m.BulletinsPage) },
    { path: 'secops/devices/:assetId', perm: 'secops.read', load: () => import('./DevicePage.tsx').then((m) => m.DevicePage) },
  ],
  // Under 安全事件 (the events feature's group).
  menu: [
    { key: '/secops/signatures', label: '特征库', perm: 'secops.read', order: 40, parent: 'events' },
    { key: '/secops/bulletins', label: '安全通告', perm: 'secops.read', order: 50, parent: 'events' },
  ],
  strings: { 'en-US': EN },
  selectedKey: (p) =>
    p.startsWith('/secops/alerts/')
      ? { key: '/events/alerts', open: 'events' }
      : p.startsWith('/secops/devices/')
        ? { key: '/secops/signatures', open: 'events' }
        : null,
};
