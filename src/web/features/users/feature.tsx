// User accounts and the mail server; declares the 系统管理 group that roles and audit join.
import { MailOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const users: WebFeature = {
  id: 'users',
  routes: [
    { path: 'admin/users', perm: 'user.read', load: () => import('./UsersPage.tsx').then((m) => m.UsersPage) },
    { path: 'admin/notify', perm: 'notify.admin', load: () => import('./SmtpSettingsPage.tsx').then((m) => m.SmtpSettingsPage) },
  ],
  menuGroups: [{ key: 'admin', label: '系统管理', icon: <SettingOutlined />, order: 70 }],
  menu: [
    { key: '/admin/users', label: '用户管理', icon: <UserOutlined />, perm: 'user.read', order: 10, parent: 'admin' },
    { key: '/admin/notify', label: '邮件服务器', icon: <MailOutlined />, perm: 'notify.admin', order: 40, parent: 'admin' },
  ],
  strings: { 'en-US': EN },
};
