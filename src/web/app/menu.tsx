// The navigation: only the screens that exist, and only those the user's permissions open.
import {
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  DatabaseOutlined,
  FileProtectOutlined,
  HomeOutlined,
  MailOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';

interface Entry {
  key: string;
  label: string;
  icon?: ReactNode;
  perm?: string;
  children?: Entry[];
}

const ENTRIES: Entry[] = [
  { key: '/', label: '首页', icon: <HomeOutlined /> },
  { key: '/contract', label: '合同', icon: <FileProtectOutlined />, perm: 'contract.read' },
  {
    key: 'desk',
    label: '服务台',
    icon: <CustomerServiceOutlined />,
    perm: 'desk.read|desk.self',
    children: [
      { key: '/desk/mine', label: '我的工作', perm: 'desk.read' },
      { key: '/desk/mine', label: '我的报修', perm: '!desk.read' },
      { key: '/desk', label: '运维单', perm: 'desk.read' },
      { key: '/desk/risk', label: 'SLA 风险看板', perm: 'desk.read' },
      { key: '/desk/followups', label: '回访', perm: 'desk.manage' },
      { key: '/desk/policies', label: 'SLA 策略', perm: 'desk.policy|desk.manage' },
    ],
  },
  {
    key: 'assets',
    label: '资产',
    icon: <DatabaseOutlined />,
    perm: 'asset.read|spare.write',
    children: [
      { key: '/assets', label: '资产台账', perm: 'asset.read' },
      { key: '/assets/spares', label: '备品备件', perm: 'asset.read|spare.write' },
      { key: '/assets/procurements', label: '采购咨询', perm: 'asset.read|procure.write|procure.approve' },
      { key: '/assets/requests', label: '变动审批', perm: 'asset.read' },
      { key: '/assets/lines', label: '线路', perm: 'asset.read' },
      { key: '/assets/eos', label: '过保与停止支持', perm: 'asset.read' },
      { key: '/assets/classes', label: '资产分类', perm: 'asset.read' },
    ],
  },
  {
    key: 'org',
    label: '单位与人员',
    icon: <BankOutlined />,
    perm: 'org.read',
    children: [
      { key: '/org/parties', label: '合同各方' },
      { key: '/org/sites', label: '地点与机房' },
      { key: '/org/departments', label: '部门' },
      { key: '/org/people', label: '人员' },
    ],
  },
  { key: '/calendar', label: '工作日历', icon: <CalendarOutlined /> },
  {
    key: 'admin',
    label: '系统管理',
    icon: <SettingOutlined />,
    children: [
      { key: '/admin/users', label: '用户管理', icon: <UserOutlined />, perm: 'user.read' },
      { key: '/admin/roles', label: '角色权限', icon: <SafetyCertificateOutlined />, perm: 'role.read' },
      { key: '/admin/audit', label: '审计日志', icon: <AuditOutlined />, perm: 'audit.read' },
      { key: '/admin/notify', label: '邮件服务器', icon: <MailOutlined />, perm: 'notify.admin' },
    ],
  },
];

type Item = NonNullable<MenuProps['items']>[number];

export function menuItems(can: (p: string) => boolean, t: (s: string) => string): Item[] {
  const build = (list: Entry[]): Item[] =>
    list.flatMap((e): Item[] => {
      // '!p': only for users without p (agency staff see 我的报修 where engineers see 我的工作).
      if (e.perm && (e.perm.startsWith('!') ? can(e.perm.slice(1)) : !can(e.perm))) return [];
      if (e.children) {
        const children = build(e.children);
        return children.length ? [{ key: e.key, label: t(e.label), icon: e.icon, children }] : [];
      }
      return [{ key: e.key, label: t(e.label), icon: e.icon }];
    });
  return build(ENTRIES);
}

/** The menu key of a path, and the submenu to keep open. */
export function selectedKey(pathname: string): { key: string; open: string | null } {
  if (['/desk/mine', '/desk/risk', '/desk/followups', '/desk/policies'].includes(pathname)) return { key: pathname, open: 'desk' };
  if (pathname === '/desk' || pathname.startsWith('/desk/')) return { key: '/desk', open: 'desk' };
  if (pathname.startsWith('/org/')) return { key: pathname, open: 'org' };
  if (pathname === '/assets' || pathname.startsWith('/assets/'))
    return { key: /^\/assets\/[a-z]+$/.test(pathname) ? pathname : '/assets', open: 'assets' };
  if (pathname.startsWith('/admin/')) return { key: pathname, open: 'admin' };
  return { key: pathname === '' ? '/' : pathname, open: null };
}
