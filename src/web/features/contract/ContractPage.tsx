// 合同: the contract's terms, one tab per service line with its staffing; switch between years.
import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Select, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth.tsx';
import { fmtMoney } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { ContractEditModal } from './ContractEditModal.tsx';
import { LINE_COLOR, lineShort } from './lines.ts';
import { useContract, useContracts, useOverview } from './queries.ts';
import { ServiceLinePane } from './ServiceLinePane.tsx';

export function ContractPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const overview = useOverview();
  const list = useContracts();
  const [chosen, setChosen] = useState<string | null>(null);
  const id = chosen ?? overview.data?.contract?.id ?? null;
  const q = useContract(id);
  const [editing, setEditing] = useState(false);
  const c = q.data;

  const switcher = (
    <Select
      style={{ minWidth: 260, maxWidth: '100%' }}
      value={id}
      loading={list.isPending}
      onChange={setChosen}
      options={(list.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.number} · ${x.title}` }))}
      popupMatchSelectWidth={false}
    />
  );

  return (
    <div>
      <PageHeader
        title={t('合同')}
        subtitle={t('合同条款、四个服务项目的服务期、费用、服务时间与人员配置')}
        extra={
          <>
            {switcher}
            {c && can('contract.write') && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('编辑合同')}
              </Button>
            )}
          </>
        }
      />
      {overview.isError || q.isError ? (
        <Alert type="error" showIcon title={problemMessage(overview.error ?? q.error, lang)} />
      ) : !c ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          <Card title={c.title}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, xl: 3 }}
              items={[
                { key: 'number', label: t('合同编号'), children: c.number },
                { key: 'proc', label: t('采购编号'), children: c.procurementNumber || '—' },
                { key: 'total', label: t('合同总价'), children: <b>{fmtMoney(c.totalFee)}</b> },
                { key: 'agency', label: t('甲方'), children: c.agencyName },
                { key: 'contractor', label: t('乙方'), children: c.contractorName },
                { key: 'signed', label: t('签订'), children: [c.signedAt, c.signedPlace].filter(Boolean).join(' · ') || '—' },
                {
                  key: 'bond',
                  label: t('履约保证金'),
                  children: t('合同总价的 {p}%，签订后 {n} 个工作日内缴纳，有效期至 {d}', {
                    p: c.bondPercent,
                    n: c.bondDueWorkingDays,
                    d: c.bondValidUntil ?? '—',
                  }),
                  span: 2,
                },
                { key: 'notes', label: t('备注'), children: c.notes || '—', span: 'filled' },
              ]}
            />
          </Card>
          <Card styles={{ body: { paddingTop: 4 } }}>
            <Tabs
              items={(c.serviceLines ?? []).map((l) => ({
                key: l.id,
                label: (
                  <span>
                    <span
                      style={{
                        display: 'inline-block',
                        width: 8,
                        height: 8,
                        borderRadius: 4,
                        background: LINE_COLOR[l.code],
                        marginInlineEnd: 8,
                      }}
                    />
                    {lineShort(l.code, lang)}
                  </span>
                ),
                children: <ServiceLinePane line={l} />,
              }))}
            />
          </Card>
          <ContractEditModal contract={c} open={editing} onClose={() => setEditing(false)} />
        </div>
      )}
    </div>
  );
}
