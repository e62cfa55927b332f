// 合同各方: the agency, the contractor and vendors.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag } from 'antd';
import { useState } from 'react';
import type { TParty } from '../../../common/org.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { PartyDrawer } from './PartyDrawer.tsx';
import { PartyFormModal } from './PartyFormModal.tsx';
import { PARTY_KIND } from './queries.ts';
import { orgApi } from '../../../common/org.api.ts';

export function PartiesPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const [detail, setDetail] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ party: TParty | null } | null>(null);
  const columns: DTColumn<TParty>[] = [
    {
      title: t('类型'),
      dataIndex: 'kind',
      width: 90,
      render: (k: string) => (PARTY_KIND[k] ? <Tag color={PARTY_KIND[k].color}>{pick(lang, PARTY_KIND[k])}</Tag> : k),
    },
    { title: t('单位名称'), dataIndex: 'name', render: (v: string, r) => <a onClick={() => setDetail(r.id)}>{v}</a> },
    { title: t('简称'), dataIndex: 'shortName' },
    { title: t('联系人'), dataIndex: 'contactPerson' },
    { title: t('电话'), dataIndex: 'phone' },
    { title: t('电子邮箱'), dataIndex: 'email' },
    { title: t('地址'), dataIndex: 'address', ellipsis: true, width: 280 },
    {
      title: t('操作'),
      key: 'op',
      fixed: 'right',
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDetail(r.id)}>
            {t('详情')}
          </Button>
          {can('org.write') && (
            <Button type="link" size="small" onClick={() => setEditing({ party: r })}>
              {t('编辑')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <div>
      <PageHeader title={t('合同各方')} subtitle={t('合同甲方、乙方及厂商的名称、地址与联系方式，结算账户变更须 7 日内书面告知')} />
      <Card>
        <DataTable
          queryKey="parties"
          source={orgApi.listParties}
          exportSource={orgApi.exportParties}
          rowKey="id"
          columns={columns}
          searchPlaceholder={t('搜索名称或简称')}
          actions={
            can('org.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ party: null })}>
                {t('新建单位')}
              </Button>
            )
          }
        />
      </Card>
      <PartyDrawer id={detail} onClose={() => setDetail(null)} />
      <PartyFormModal open={!!editing} party={editing?.party ?? null} onClose={() => setEditing(null)} />
    </div>
  );
}
