// 部门: departments of each party.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import type { TDepartment } from '../../../common/org.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { DeleteButton } from '../../components/DeleteButton.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { partyColumn } from './partyColumn.tsx';
import { useParties } from './queries.ts';
import { orgApi } from '../../../common/org.api.ts';

type V = Pick<TDepartment, 'partyId' | 'name' | 'sort'>;

export function DepartmentsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const parties = useParties();
  const partyOptions = (parties.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  const [dept, setDept] = useState<TDepartment | null | undefined>(undefined);
  const columns: DTColumn<TDepartment>[] = [
    { title: t('部门名称'), dataIndex: 'name' },
    partyColumn<TDepartment>(parties.data?.items, t('所属单位')),
    { title: t('排序'), dataIndex: 'sort', width: 80 },
    ...(can('org.write')
      ? [
          {
            title: t('操作'),
            key: 'op',
            render: (_: unknown, r: TDepartment) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setDept(r)}>
                  {t('编辑')}
                </Button>
                <DeleteButton
                  route={orgApi.departments.remove}
                  params={{ id: r.id }}
                  invalidate={['departments']}
                  confirm={t('删除部门“{name}”？', { name: r.name })}
                />
              </Space>
            ),
          } satisfies DTColumn<TDepartment>,
        ]
      : []),
  ];
  return (
    <div>
      <PageHeader title={t('部门')} subtitle={t('各单位的部门，用于人员归属')} />
      <Card>
        <DataTable
          queryKey="departments"
          source={orgApi.departments.list}
          exportSource={orgApi.departments.export}
          rowKey="id"
          columns={columns}
          searchPlaceholder={t('搜索部门名称')}
          actions={
            can('org.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDept(null)}>
                {t('新建部门')}
              </Button>
            )
          }
        />
      </Card>
      <FormModal<V>
        open={dept !== undefined}
        onClose={() => setDept(undefined)}
        title={dept ? t('编辑部门') : t('新建部门')}
        initialValues={dept ?? { sort: 0 }}
        invalidate={['departments']}
        submit={(v) =>
          dept ? call(orgApi.departments.update, { params: { id: dept.id }, body: v }) : call(orgApi.departments.create, { body: v })
        }
      >
        <Form.Item name="partyId" label={t('所属单位')} rules={[{ required: true, message: t('请选择单位') }]}>
          <Select options={partyOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="name" label={t('部门名称')} rules={[{ required: true, whitespace: true, message: t('请输入部门名称') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="sort" label={t('排序')}>
          <InputNumber min={0} max={9999} style={{ width: 160 }} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
