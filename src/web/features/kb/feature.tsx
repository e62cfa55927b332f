// The knowledge base (R-SD-08): browse and search problem / cause / solution articles, read one,
// and write them (kb.write) — also from a resolved ticket. It sits in the 服务台 menu group.
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const kb: WebFeature = {
  id: 'kb',
  routes: [
    { path: 'kb', perm: 'kb.read', load: () => import('./KbPage.tsx').then((m) => m.KbPage) },
    { path: 'kb/new', perm: 'kb.write', load: () => import('./KbEditPage.tsx').then((m) => m.KbEditPage) },
    { path: 'kb/:id', perm: 'kb.read', load: () => import('./KbArticlePage.tsx').then((m) => m.KbArticlePage) },
    { path: 'kb/:id/edit', perm: 'kb.write', load: () => import('./KbEditPage.tsx').then((m) => m.KbEditPage) },
  ],
  menu: [{ key: '/kb', label: '知识库', perm: 'kb.read', order: 60, parent: 'desk' }],
  strings: { 'en-US': EN },
  // An article and the editor keep 知识库 highlighted inside the 服务台 group.
  selectedKey: (p) => (p === '/kb' || p.startsWith('/kb/') ? { key: '/kb', open: 'desk' } : null),
};
