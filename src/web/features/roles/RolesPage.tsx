// 角色权限: roles and their permissions (security admin). The three administrator roles are fixed.
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TRole } from '../../../common/auth.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { DeleteButton } from '../../components/DeleteButton.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { ADMIN_COLOR, roleLabel, useRoles } from '../users/roles.ts';
import { PermissionPicker } from './PermissionPicker.tsx';
import { rolesApi } from '../../../common/auth.api.ts';

const ADMIN_NAME: Record<string, string> = { system: '系统管理员', security: '安全管理员', audit: '审计管理员' };

function RoleDetail({ role }: { role: TRole }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const editable = can('role.write') && !role.adminKind;
  const [draft, setDraft] = useState<{ code: string; perms: string[] } | null>(null);
  const perms = draft?.code === role.code ? draft.perms : role.permissions;
  const dirty = draft?.code === role.code && [...draft.perms].sort().join() !== [...role.permissions].sort().join();
  const m = useMutation({
    mutationFn: () => call(rolesApi.update, { params: { code: role.code }, body: { permissions: perms } }),
    onSuccess: async () => {
      fb.ok('权限已保存');
      setDraft(null);
      await qc.invalidateQueries({ queryKey: ['roles'] });
    },
    onError: (e) => fb.fail(e),
  });
  return (
    <Card
      title={
        <Space>
          {roleLabel(role, lang)}
          {role.adminKind && <Tag color={ADMIN_COLOR[role.adminKind]}>{t(ADMIN_NAME[role.adminKind]!)}</Tag>}
          {role.builtin && <Tag>{t('内置')}</Tag>}
        </Space>
      }
      extra={
        editable && (
          <Space>
            {!role.builtin && (
              <DeleteButton
                route={rolesApi.remove}
                params={{ code: role.code }}
                invalidate={['roles']}
                confirm={t('删除角色“{name}”？', { name: roleLabel(role, lang) })}
              />
            )}
            <Button onClick={() => setDraft(null)} disabled={!dirty}>
              {t('撤销')}
            </Button>
            <Button type="primary" onClick={() => m.mutate()} loading={m.isPending} disabled={!dirty}>
              {t('保存')}
            </Button>
          </Space>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'code', label: t('角色代码'), children: <span className="yw-mono">{role.code}</span> },
          { key: 'users', label: t('用户数'), children: role.userCount },
          { key: 'en', label: t('英文名称'), children: role.nameEn },
          { key: 'desc', label: t('说明'), children: role.description || '—' },
        ]}
      />
      {role.adminKind && (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined />}
          style={{ marginBottom: 16 }}
          title={t('三员角色的权限固定，不能修改；一个账号不得兼任其中两个。')}
        />
      )}
      <PermissionPicker value={perms} disabled={!editable} onChange={(v) => setDraft({ code: role.code, perms: v })} />
    </Card>
  );
}

interface NewRole {
  code: string;
  nameZh: string;
  nameEn: string;
  description: string;
  permissions: string[];
}

export function RolesPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const q = useRoles();
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const roles = q.data?.items ?? [];
  const current = roles.find((r) => r.code === selected) ?? roles[0];
  return (
    <div>
      <PageHeader
        title={t('角色权限')}
        subtitle={t('角色及其权限；系统管理员、安全管理员、审计管理员三员分立')}
        extra={
          can('role.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('新建角色')}
            </Button>
          )
        }
      />
      {q.isError && <Alert type="error" showIcon title={problemMessage(q.error, lang)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card styles={{ body: { padding: 0 } }}>
            <Table<TRole>
              rowKey="code"
              size="middle"
              loading={q.isPending}
              dataSource={roles}
              pagination={false}
              scroll={{ x: 'max-content' }}
              onRow={(r) => ({ onClick: () => setSelected(r.code), style: { cursor: 'pointer' } })}
              rowClassName={(r) => (r.code === current?.code ? 'ant-table-row-selected' : '')}
              columns={[
                {
                  title: t('角色'),
                  key: 'name',
                  render: (_, r) => (
                    <div>
                      <div style={{ fontWeight: 500 }}>
                        {roleLabel(r, lang)} {r.adminKind && <Tag color={ADMIN_COLOR[r.adminKind]}>{t('三员')}</Tag>}
                      </div>
                      <Typography.Text type="secondary" className="yw-mono" style={{ fontSize: 12 }}>
                        {r.code}
                      </Typography.Text>
                    </div>
                  ),
                },
                { title: t('权限数'), key: 'n', align: 'center', render: (_, r) => r.permissions.length },
                { title: t('用户数'), dataIndex: 'userCount', align: 'center' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          {current ? (
            <RoleDetail key={current.code} role={current} />
          ) : (
            <Card>
              <Empty />
            </Card>
          )}
        </Col>
      </Row>
      <FormModal<NewRole>
        open={creating}
        onClose={() => setCreating(false)}
        title={t('新建角色')}
        width={760}
        invalidate={['roles']}
        initialValues={{ permissions: [], description: '' }}
        onDone={(r) => setSelected((r as TRole).code)}
        submit={(v) => call(rolesApi.create, { body: v })}
      >
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="code"
              label={t('角色代码')}
              rules={[
                { required: true, message: t('请输入角色代码') },
                { pattern: /^[a-z][a-z0-9_]{1,40}$/, message: t('角色代码以小写字母开头，只含小写字母、数字和下划线') },
              ]}
            >
              <Input className="yw-mono" placeholder="inspector" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="nameZh" label={t('中文名称')} rules={[{ required: true, whitespace: true, message: t('请输入中文名称') }]}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="nameEn" label={t('英文名称')} rules={[{ required: true, whitespace: true, message: t('请输入英文名称') }]}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('说明')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="permissions" label={t('权限')}>
          <PermissionPicker />
        </Form.Item>
      </FormModal>
    </div>
  );
}
