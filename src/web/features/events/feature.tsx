// Security events (issue 13 points 1–2, 9): the live event stream with its chart, and the log sources
// (receiver counters, registered and unknown senders, filter rules), the alert queue and correlation rules.
import { AlertOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const events: WebFeature = {
  id: 'events',
  routes: [
    { path: 'events', perm: 'events.read', load: () => import('./EventsPage.tsx').then((m) => m.EventsPage) },
    { path: 'events/alerts', perm: 'events.alerts', load: () => import('./AlertsPage.tsx').then((m) => m.AlertsPage) },
    { path: 'events/sources', perm: 'events.read', load: () => import('./SourcesPage.tsx').then((m) => m.SourcesPage) },
  ],
  menuGroups: [{ key: 'events', label: '安全事件', icon: <AlertOutlined />, perm: 'events.read|events.alerts', order: 47 }],
  menu: [
    { key: '/events', label: '事件流', perm: 'events.read', order: 10, parent: 'events' },
    { key: '/events/alerts', label: '安全告警', perm: 'events.alerts', order: 20, parent: 'events' },
    { key: '/events/sources', label: '日志源', perm: 'events.read', order: 30, parent: 'events' },
  ],
  strings: { 'en-US': EN },
};
