// Changes (issue 12 point 1, R-CHG-01..06): the change list, a change with its approval steps and
// before/after diffs, and a device's maintenance archive.
import { SwapOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const changes: WebFeature = {
  id: 'changes',
  routes: [
    { path: 'changes', perm: 'changes.read', load: () => import('./ChangesPage.tsx').then((m) => m.ChangesPage) },
    { path: 'changes/:id', perm: 'changes.read', load: () => import('./ChangePage.tsx').then((m) => m.ChangePage) },
    { path: 'changes/archive/:deviceId', perm: 'changes.read', load: () => import('./ArchivePage.tsx').then((m) => m.ArchivePage) },
  ],
  menu: [{ key: '/changes', label: '变更管理', icon: <SwapOutlined />, perm: 'changes.read', order: 46 }],
  strings: { 'en-US': EN },
  selectedKey: (p) => (p.startsWith('/changes/') ? { key: '/changes', open: null } : null),
};
