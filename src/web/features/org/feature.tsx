// Parties, sites and rooms, departments and people (R-CON-01, R-STF).
import { BankOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const org: WebFeature = {
  id: 'org',
  routes: [
    { path: 'org/parties', perm: 'org.read', load: () => import('./PartiesPage.tsx').then((m) => m.PartiesPage) },
    { path: 'org/sites', perm: 'org.read', load: () => import('./SitesPage.tsx').then((m) => m.SitesPage) },
    { path: 'org/departments', perm: 'org.read', load: () => import('./DepartmentsPage.tsx').then((m) => m.DepartmentsPage) },
    { path: 'org/people', perm: 'org.read', load: () => import('./PeoplePage.tsx').then((m) => m.PeoplePage) },
  ],
  menuGroups: [{ key: 'org', label: '单位与人员', icon: <BankOutlined />, perm: 'org.read', order: 50 }],
  menu: [
    { key: '/org/parties', label: '合同各方', order: 10, parent: 'org' },
    { key: '/org/sites', label: '地点与机房', order: 20, parent: 'org' },
    { key: '/org/departments', label: '部门', order: 30, parent: 'org' },
    { key: '/org/people', label: '人员', order: 40, parent: 'org' },
  ],
  strings: { 'en-US': EN },
};
