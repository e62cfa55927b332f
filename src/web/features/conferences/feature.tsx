// Conference support (issue 14 point 3, R-INS-04): the meeting calendar and list, each meeting's
// joint test, problems and support record, and the endpoints of the five systems.
import { VideoCameraOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const conferences: WebFeature = {
  id: 'conferences',
  routes: [
    { path: 'conferences', perm: 'conferences.read', load: () => import('./ConferencesPage.tsx').then((m) => m.ConferencesPage) },
    { path: 'conferences/:id', perm: 'conferences.read', load: () => import('./MeetingPage.tsx').then((m) => m.MeetingPage) },
  ],
  menu: [{ key: '/conferences', label: '视频会议保障', icon: <VideoCameraOutlined />, perm: 'conferences.read', order: 49 }],
  strings: { 'en-US': EN },
  selectedKey: (p) => (p.startsWith('/conferences/') ? { key: '/conferences', open: null } : null),
};
