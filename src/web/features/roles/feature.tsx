// Roles and their permissions, under 系统管理.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const roles: WebFeature = {
  id: 'roles',
  routes: [{ path: 'admin/roles', perm: 'role.read', load: () => import('./RolesPage.tsx').then((m) => m.RolesPage) }],
  menu: [{ key: '/admin/roles', label: '角色权限', icon: <SafetyCertificateOutlined />, perm: 'role.read', order: 20, parent: 'admin' }],
  strings: { 'en-US': EN },
};
