// The working-day calendar every deadline and SLA clock counts on.
import { CalendarOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const calendar: WebFeature = {
  id: 'calendar',
  routes: [{ path: 'calendar', load: () => import('./CalendarPage.tsx').then((m) => m.CalendarPage) }],
  menu: [{ key: '/calendar', label: '工作日历', icon: <CalendarOutlined />, order: 60 }],
  strings: { 'en-US': EN },
};
