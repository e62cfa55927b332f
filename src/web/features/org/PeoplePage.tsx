// 人员: people of every party, found by name or by any part of a phone number.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { TPerson } from '../../../common/org.ts';
import { PHONE } from '../../../common/patterns.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { DeleteButton } from '../../components/DeleteButton.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { partyColumn } from './partyColumn.tsx';
import { useDepartments, useParties } from './queries.ts';
import { EmailField } from '../../components/fields.tsx';
import { orgApi } from '../../../common/org.api.ts';

type V = Omit<TPerson, 'id' | 'createdAt' | 'updatedAt'>;

function PersonModal({ person, onClose }: { person: TPerson | null | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const parties = useParties();
  const depts = useDepartments();
  return (
    <FormModal<V>
      open={person !== undefined}
      onClose={onClose}
      width={720}
      title={person ? t('编辑人员') : t('新建人员')}
      initialValues={person ?? { qualifications: [] }}
      invalidate={['people']}
      submit={(v) => {
        const body = { ...v, departmentId: v.departmentId ?? null, username: v.username?.trim() ? v.username.trim() : null };
        return person ? call(orgApi.people.update, { params: { id: person.id }, body }) : call(orgApi.people.create, { body });
      }}
    >
      {(form) => (
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('姓名')} rules={[{ required: true, whitespace: true, message: t('请输入姓名') }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="title" label={t('职务/岗位')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="partyId" label={t('所属单位')} rules={[{ required: true, message: t('请选择单位') }]}>
              <Select
                options={(parties.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={() => form.setFieldValue('departmentId', null)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item noStyle dependencies={['partyId']}>
              {() => (
                <Form.Item name="departmentId" label={t('部门')}>
                  <Select
                    allowClear
                    options={(depts.data?.items ?? [])
                      .filter((d) => d.partyId === form.getFieldValue('partyId'))
                      .map((d) => ({ value: d.id, label: d.name }))}
                  />
                </Form.Item>
              )}
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="mobile" label={t('手机')} rules={[{ pattern: PHONE.re, message: t(PHONE.message) }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('办公电话')} rules={[{ pattern: PHONE.re, message: t(PHONE.message) }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <EmailField />
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="username" label={t('关联账号')} extra={t('此人登录系统所用的用户名（可选）')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="qualifications" label={t('资质证书')} extra={t('输入后回车，可添加多项')}>
              <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </FormModal>
  );
}

export function PeoplePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const parties = useParties();
  const depts = useDepartments();
  const deptName = new Map((depts.data?.items ?? []).map((d) => [d.id, d.name]));
  const [phone, setPhone] = useState('');
  const [person, setPerson] = useState<TPerson | null | undefined>(undefined);
  // Fits 1440 px without scrolling (issue 11 point 12): fixed widths, long text cut with a tooltip,
  // the office phone, account and e-mail only on wide screens.
  const cut = (v: string | null | undefined) => v || '—';
  const columns: DTColumn<TPerson>[] = [
    { title: t('姓名'), dataIndex: 'name', fixed: 'left', width: 96, ellipsis: true },
    { ...partyColumn<TPerson>(parties.data?.items, t('所属单位')), width: 120, ellipsis: true },
    {
      title: t('部门'),
      dataIndex: 'departmentId',
      width: 130,
      ellipsis: true,
      responsive: ['md'],
      render: (v: string | null) => (v ? (deptName.get(v) ?? '—') : '—'),
    },
    { title: t('职务/岗位'), dataIndex: 'title', width: 150, ellipsis: true, render: cut },
    { title: t('手机'), dataIndex: 'mobile', width: 124, render: cut },
    { title: t('办公电话'), dataIndex: 'phone', width: 124, responsive: ['xl'], render: cut },
    { title: t('电子邮箱'), dataIndex: 'email', width: 190, ellipsis: true, responsive: ['xxl'], render: cut },
    { title: t('关联账号'), dataIndex: 'username', width: 110, ellipsis: true, responsive: ['xxl'], render: cut },
    {
      title: t('资质证书'),
      dataIndex: 'qualifications',
      width: 160,
      ellipsis: true,
      responsive: ['lg'],
      render: (v: string[]) =>
        v.length ? (
          <Tooltip title={v.join('、')}>
            {v.map((q) => (
              <Tag key={q}>{q}</Tag>
            ))}
          </Tooltip>
        ) : (
          '—'
        ),
    },
    ...(can('org.write')
      ? [
          {
            title: t('操作'),
            key: 'op',
            fixed: 'right',
            width: 120,
            render: (_: unknown, r: TPerson) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setPerson(r)}>
                  {t('编辑')}
                </Button>
                <DeleteButton
                  route={orgApi.people.remove}
                  params={{ id: r.id }}
                  invalidate={['people']}
                  confirm={t('删除人员“{name}”？', { name: r.name })}
                />
              </Space>
            ),
          } satisfies DTColumn<TPerson>,
        ]
      : []),
  ];
  return (
    <div>
      <PageHeader title={t('人员')} subtitle={t('甲乙双方及厂商人员；值班员可按电话号码的任意部分查找来电人')} />
      <Card>
        <DataTable
          queryKey="people"
          source={orgApi.people.list}
          exportSource={orgApi.people.export}
          rowKey="id"
          columns={columns}
          params={{ phone: phone || undefined }}
          searchPlaceholder={t('搜索姓名、职务、邮箱')}
          filters={<Input.Search allowClear placeholder={t('按电话查找')} onSearch={(v) => setPhone(v.trim())} style={{ width: 200 }} />}
          actions={
            can('org.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setPerson(null)}>
                {t('新建人员')}
              </Button>
            )
          }
        />
      </Card>
      <PersonModal person={person} onClose={() => setPerson(undefined)} />
    </div>
  );
}
