// The audit log and its chain verification, under 系统管理.
import { AuditOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const audit: WebFeature = {
  id: 'audit',
  routes: [{ path: 'admin/audit', perm: 'audit.read', load: () => import('./AuditPage.tsx').then((m) => m.AuditPage) }],
  menu: [{ key: '/admin/audit', label: '审计日志', icon: <AuditOutlined />, perm: 'audit.read', order: 30, parent: 'admin' }],
  strings: { 'en-US': EN },
};
