// The service desk: tickets, SLA risk, follow-ups and SLA policies (R-SD).
import { CustomerServiceOutlined } from '@ant-design/icons';
import type { FeatureMenuEntry, WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

const menu: FeatureMenuEntry[] = [
  // Engineers see their work; agency staff, who only report, see their reports (same page).
  { key: '/desk/mine', label: '我的工作', perm: 'desk.read', order: 10, parent: 'desk' },
  { key: '/desk/mine', label: '我的报修', perm: '!desk.read', order: 10, parent: 'desk' },
  { key: '/desk', label: '运维单', perm: 'desk.read', order: 20, parent: 'desk' },
  { key: '/desk/risk', label: 'SLA 风险看板', perm: 'desk.read', order: 30, parent: 'desk' },
  { key: '/desk/followups', label: '回访', perm: 'desk.manage', order: 40, parent: 'desk' },
  { key: '/desk/policies', label: 'SLA 策略', perm: 'desk.policy|desk.manage', order: 50, parent: 'desk' },
];

export const desk: WebFeature = {
  id: 'desk',
  routes: [
    { path: 'desk', perm: 'desk.read', load: () => import('./DeskPage.tsx').then((m) => m.DeskPage) },
    { path: 'desk/mine', perm: 'desk.read|desk.self', load: () => import('./MyWorkPage.tsx').then((m) => m.MyWorkPage) },
    { path: 'desk/followups', perm: 'desk.manage', load: () => import('./FollowupsPage.tsx').then((m) => m.FollowupsPage) },
    { path: 'desk/risk', perm: 'desk.read', load: () => import('./RiskBoardPage.tsx').then((m) => m.RiskBoardPage) },
    { path: 'desk/policies', perm: 'desk.read|desk.policy', load: () => import('./PolicyPage.tsx').then((m) => m.PolicyPage) },
    { path: 'desk/new', perm: 'desk.create|desk.self', load: () => import('./NewTicketPage.tsx').then((m) => m.NewTicketPage) },
    { path: 'desk/:id', perm: 'desk.read|desk.self', load: () => import('./TicketPage.tsx').then((m) => m.TicketPage) },
  ],
  menuGroups: [{ key: 'desk', label: '服务台', icon: <CustomerServiceOutlined />, perm: 'desk.read|desk.self', order: 30 }],
  menu,
  strings: { 'en-US': EN },
  // A ticket (/desk/:id) and the new-ticket form keep 运维单 highlighted.
  selectedKey: (p) => (p === '/desk' || p.startsWith('/desk/') ? { key: menu.some((e) => e.key === p) ? p : '/desk', open: 'desk' } : null),
};
