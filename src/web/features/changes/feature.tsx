// Changes (issue 12 point 1, R-CHG-01..06): the change list, a change with its approval steps and
// before/after diffs, a device's maintenance archive, third-party access, and the plan and rules the
// agency reviews.
import { SwapOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

const read = 'changes.read';

export const changes: WebFeature = {
  id: 'changes',
  routes: [
    { path: 'changes', perm: read, load: () => import('./ChangesPage.tsx').then((m) => m.ChangesPage) },
    { path: 'changes/access', perm: read, load: () => import('./AccessPage.tsx').then((m) => m.AccessPage) },
    { path: 'changes/reviews', perm: read, load: () => import('./ReviewsPage.tsx').then((m) => m.ReviewsPage) },
    { path: 'changes/:id', perm: read, load: () => import('./ChangePage.tsx').then((m) => m.ChangePage) },
    { path: 'changes/archive/:deviceId', perm: read, load: () => import('./ArchivePage.tsx').then((m) => m.ArchivePage) },
  ],
  menuGroups: [{ key: 'changes', label: '变更管理', icon: <SwapOutlined />, perm: read, order: 46 }],
  menu: [
    { key: '/changes', label: '变更申请', perm: read, order: 10, parent: 'changes' },
    { key: '/changes/access', label: '第三方人员访问', perm: read, order: 20, parent: 'changes' },
    { key: '/changes/reviews', label: '计划与制度审阅', perm: read, order: 30, parent: 'changes' },
  ],
  strings: { 'en-US': EN },
  selectedKey: (p) =>
    p === '/changes' || p.startsWith('/changes/')
      ? { key: p === '/changes/access' || p === '/changes/reviews' ? p : '/changes', open: 'changes' }
      : null,
};
