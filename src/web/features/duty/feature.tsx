// Duty (issue 14 point 4, R-DUT-01): who is on duty, the roster month, overrides, handovers, rosters.
import { ScheduleOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { DRILLS_EN } from './drills-en-US.ts';
import { EN } from './en-US.ts';

export const duty: WebFeature = {
  id: 'duty',
  routes: [{ path: 'duty', perm: 'duty.read', load: () => import('./DutyPage.tsx').then((m) => m.DutyPage) }],
  menu: [{ key: '/duty', label: '值班', icon: <ScheduleOutlined />, perm: 'duty.read', order: 48 }],
  strings: { 'en-US': { ...EN, ...DRILLS_EN } },
};
