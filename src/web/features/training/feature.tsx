// Training (R-TRN-01, R-STF-01/02, R-CONF-05): sessions with attendees, sign-in, materials and
// assessment; staff certificates with their expiry.
import { ReadOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const training: WebFeature = {
  id: 'training',
  routes: [
    { path: 'training', perm: 'training.read', load: () => import('./TrainingPage.tsx').then((m) => m.TrainingPage) },
    { path: 'training/:id', perm: 'training.read', load: () => import('./SessionPage.tsx').then((m) => m.SessionPage) },
  ],
  menu: [{ key: '/training', label: '培训', icon: <ReadOutlined />, perm: 'training.read', order: 49.5 }],
  strings: { 'en-US': EN },
  selectedKey: (p) => (p.startsWith('/training/') ? { key: '/training', open: null } : null),
};
