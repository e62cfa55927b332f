// 用户管理: accounts (system admin) and their roles (security admin).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { TUser } from '../../../common/auth.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { fmtTime } from '../../components/format.ts';
import { LineTags } from '../../components/LineTags.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { isLocked, UserActions } from './UserActions.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { UserRolesModal } from './UserRolesModal.tsx';
import { ADMIN_COLOR, roleLabel, useRoles } from './roles.ts';
import { usersApi } from '../../../common/auth.api.ts';

function StatusTags({ u }: { u: TUser }) {
  const { t } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      {u.disabled ? <Tag color="default">{t('已停用')}</Tag> : <Tag color="green">{t('正常')}</Tag>}
      {isLocked(u) && (
        <Tooltip title={t('锁定至 {d}', { d: fmtTime(u.lockedUntil) })}>
          <Tag color="red">{t('已锁定')}</Tag>
        </Tooltip>
      )}
      {u.mustChangePassword && <Tag color="orange">{t('须改密码')}</Tag>}
      {u.totpEnabled && <Tag color="blue">TOTP</Tag>}
    </Space>
  );
}

export function UsersPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const roles = useRoles();
  const byCode = new Map((roles.data?.items ?? []).map((r) => [r.code, r]));
  const [role, setRole] = useState<string | undefined>();
  const [disabled, setDisabled] = useState<string | undefined>();
  const [editing, setEditing] = useState<TUser | null | undefined>(undefined);
  const [rolesFor, setRolesFor] = useState<TUser | null>(null);

  // Fits 1440 px without scrolling (issue 11 point 12): fixed widths, long text cut with a tooltip,
  // the less used columns only on wide screens.
  const columns: DTColumn<TUser>[] = [
    {
      title: t('用户名'),
      dataIndex: 'username',
      fixed: 'left',
      width: 130,
      ellipsis: { showTitle: true },
      render: (v: string) => <span className="yw-mono">{v}</span>,
    },
    { title: t('姓名'), dataIndex: 'displayName', width: 100, ellipsis: true },
    {
      title: t('角色'),
      dataIndex: 'roles',
      width: 220,
      render: (codes: string[]) =>
        codes.length ? (
          <Space size={[4, 4]} wrap>
            {codes.map((c) => {
              const r = byCode.get(c);
              return (
                <Tag key={c} color={r?.adminKind ? ADMIN_COLOR[r.adminKind] : 'blue'} style={{ marginInlineEnd: 0 }}>
                  {r ? roleLabel(r, lang) : c}
                </Tag>
              );
            })}
          </Space>
        ) : (
          <Tag>{t('未分配')}</Tag>
        ),
    },
    {
      title: t('服务项目'),
      dataIndex: 'serviceLines',
      width: 170,
      responsive: ['lg'],
      render: (v: string[]) => <LineTags codes={v} />,
    },
    { title: t('状态'), key: 'status', width: 150, render: (_, u) => <StatusTags u={u} /> },
    {
      title: t('电子邮箱'),
      dataIndex: 'email',
      width: 180,
      responsive: ['xxl'],
      ellipsis: { showTitle: true },
      render: (v: string | null) => v ?? '—',
    },
    { title: t('手机'), dataIndex: 'phone', width: 120, responsive: ['xl'], render: (v: string | null) => v ?? '—' },
    { title: t('最近登录'), dataIndex: 'lastLoginAt', width: 140, responsive: ['xxl'], render: fmtTime },
    {
      title: t('操作'),
      key: 'op',
      fixed: 'right',
      width: 200,
      render: (_, u) => <UserActions user={u} onEdit={() => setEditing(u)} onRoles={() => setRolesFor(u)} />,
    },
  ];
  return (
    <div>
      <PageHeader title={t('用户管理')} subtitle={t('系统管理员维护账号，安全管理员分配角色（三员分立）')} />
      <Card>
        <DataTable
          queryKey="users"
          source={usersApi.list}
          exportSource={usersApi.export}
          rowKey="id"
          columns={columns}
          params={{ role, disabled }}
          searchPlaceholder={t('搜索用户名、姓名')}
          filters={
            <>
              <Select
                allowClear
                placeholder={t('全部角色')}
                style={{ width: 180 }}
                value={role}
                onChange={setRole}
                options={(roles.data?.items ?? []).map((r) => ({ value: r.code, label: roleLabel(r, lang) }))}
              />
              <Select
                allowClear
                placeholder={t('全部状态')}
                style={{ width: 130 }}
                value={disabled}
                onChange={setDisabled}
                options={[
                  { value: 'false', label: t('正常') },
                  { value: 'true', label: t('已停用') },
                ]}
              />
            </>
          }
          actions={
            can('user.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                {t('新建用户')}
              </Button>
            )
          }
        />
      </Card>
      <UserFormModal user={editing} onClose={() => setEditing(undefined)} />
      <UserRolesModal user={rolesFor} onClose={() => setRolesFor(null)} />
    </div>
  );
}
