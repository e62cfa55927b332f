// 用户管理: accounts (system admin) and their roles (security admin).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { TUser } from '../../../common/auth.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { fmtTime } from '../../components/format.ts';
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

  const columns: DTColumn<TUser>[] = [
    { title: t('用户名'), dataIndex: 'username', fixed: 'left', render: (v: string) => <span className="yw-mono">{v}</span> },
    { title: t('姓名'), dataIndex: 'displayName' },
    {
      title: t('角色'),
      dataIndex: 'roles',
      render: (codes: string[]) =>
        codes.length ? (
          <Space size={[4, 4]} wrap>
            {codes.map((c) => {
              const r = byCode.get(c);
              return (
                <Tag key={c} color={r?.adminKind ? ADMIN_COLOR[r.adminKind] : 'blue'}>
                  {r ? roleLabel(r, lang) : c}
                </Tag>
              );
            })}
          </Space>
        ) : (
          <Tag>{t('未分配')}</Tag>
        ),
      exportValue: (u) => u.roles.map((c) => (byCode.get(c) ? roleLabel(byCode.get(c)!, lang) : c)),
    },
    { title: t('服务项目'), dataIndex: 'serviceLines', render: (v: string[]) => (v.length ? v.join(' / ') : '—') },
    {
      title: t('状态'),
      key: 'status',
      render: (_, u) => <StatusTags u={u} />,
      exportValue: (u) =>
        [
          u.disabled ? t('已停用') : t('正常'),
          isLocked(u) ? t('已锁定') : '',
          u.mustChangePassword ? t('须改密码') : '',
          u.totpEnabled ? 'TOTP' : '',
        ].filter(Boolean),
    },
    { title: t('电子邮箱'), dataIndex: 'email', render: (v: string | null) => v ?? '—' },
    { title: t('手机'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: t('最近登录'), dataIndex: 'lastLoginAt', render: fmtTime, exportValue: (u) => fmtTime(u.lastLoginAt) },
    {
      title: t('操作'),
      key: 'op',
      fixed: 'right',
      noExport: true,
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
          rowKey="id"
          columns={columns}
          params={{ role, disabled }}
          searchPlaceholder={t('搜索用户名、姓名')}
          exportName={t('用户')}
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
