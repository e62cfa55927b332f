// Deliverables (issue 15 points 2–3): the quarterly summary the agency reviews within 15 days (silence
// approves) and leader support requests.
import { FileDoneOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

const read = 'deliverables.read';

export const deliverables: WebFeature = {
  id: 'deliverables',
  routes: [
    { path: 'deliverables', perm: read, load: () => import('./QuarterlyPage.tsx').then((m) => m.QuarterlyPage) },
    { path: 'deliverables/quarterly/:id', perm: read, load: () => import('./QuarterlyDetail.tsx').then((m) => m.QuarterlyDetail) },
    { path: 'deliverables/leader', perm: read, load: () => import('./LeaderPage.tsx').then((m) => m.LeaderPage) },
    { path: 'deliverables/leader/:id', perm: read, load: () => import('./LeaderDetail.tsx').then((m) => m.LeaderDetail) },
  ],
  menuGroups: [{ key: 'deliverables', label: '交付与审阅', icon: <FileDoneOutlined />, perm: read, order: 48 }],
  menu: [
    { key: '/deliverables', label: '季度总结评审', perm: read, order: 10, parent: 'deliverables' },
    { key: '/deliverables/leader', label: '领导支持', perm: read, order: 20, parent: 'deliverables' },
  ],
  strings: { 'en-US': EN },
  selectedKey: (p) =>
    p === '/deliverables' || p.startsWith('/deliverables/')
      ? { key: p.startsWith('/deliverables/leader') ? '/deliverables/leader' : '/deliverables', open: 'deliverables' }
      : null,
};
