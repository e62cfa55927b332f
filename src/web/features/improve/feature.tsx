// Improvement requests (R-SD-12): a page under 服务台, for everyone who may read them.
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const improve: WebFeature = {
  id: 'improve',
  routes: [{ path: 'improvements', perm: 'improve.read', load: () => import('./ImprovementsPage.tsx').then((m) => m.ImprovementsPage) }],
  menu: [{ key: '/improvements', label: '改进建议', perm: 'improve.read', order: 60, parent: 'desk' }],
  strings: { 'en-US': EN },
};
