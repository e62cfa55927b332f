// 合同款项: every deadline and sum of the contract with its clause, the payments with their invoices
// and late-payment penalties, and the calculator (issue 15 point 5).
import { Alert, Card, Grid, List, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TDeadline } from '../../../common/money.ts';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { CalcForm } from './CalcForm.tsx';
import { fmtYuan, useMoney } from './money.ts';
import { PaymentsTable } from './PaymentsTable.tsx';
import { RecordsPanel } from './RecordsPanel.tsx';
import { useContracts } from './queries.ts';

const STATUS: Record<TDeadline['status'], { color: string; label: string }> = {
  past: { color: 'default', label: '已过' },
  upcoming: { color: 'blue', label: '未到' },
  rule: { color: 'purple', label: '条款' },
};

export function MoneyPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const list = useContracts();
  const [chosen, setChosen] = useState<string | null>(null);
  const q = useMoney(chosen);
  const d = q.data;
  const id = chosen ?? d?.contract?.id ?? null;
  const phone = Grid.useBreakpoint().md === false;
  const status = (x: TDeadline) => <Tag color={STATUS[x.status].color}>{t(STATUS[x.status].label)}</Tag>;
  // A deadline moved by force majeure (第九条1): the new date, the days and the reason.
  const date = (x: TDeadline) =>
    x.extended ? (
      <span>
        <s>{x.date}</s> <b>{x.extended.date}</b>
        <Tag color="gold" style={{ marginInlineStart: 4 }}>
          {t('顺延 {n} 天', { n: x.extended.days })}
        </Tag>
      </span>
    ) : (
      (x.date ?? '—')
    );
  const note = (x: TDeadline) => [x.note, x.extended?.reason].filter(Boolean).join('；');

  return (
    <div>
      <PageHeader
        title={t('合同款项')}
        subtitle={t('履约保函、付款与发票、违约金与退费：每个期限和金额都注明合同条款')}
        extra={
          <Select
            style={{ minWidth: 260, maxWidth: '100%' }}
            aria-label={t('合同')}
            value={id}
            loading={list.isPending}
            onChange={setChosen}
            options={(list.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.number} · ${x.title}` }))}
            popupMatchSelectWidth={false}
          />
        }
      />
      {q.isError ? (
        <Alert type="error" showIcon title={problemMessage(q.error, lang)} />
      ) : !d ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : !d.contract ? (
        <Alert type="info" showIcon title={t('尚无合同')} />
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          <Card
            title={t('期限与金额')}
            extra={
              <Typography.Text type="secondary">
                {t('合同总价')} <b>{fmtYuan(d.contract.totalFee)}</b>
              </Typography.Text>
            }
          >
            {phone ? (
              <List
                size="small"
                dataSource={d.deadlines}
                renderItem={(x) => (
                  <List.Item key={x.key} style={{ display: 'block' }}>
                    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                      <b>{t(x.label)}</b>
                      {status(x)}
                    </div>
                    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginTop: 4 }}>
                      <span>{date(x)}</span>
                      <b style={{ whiteSpace: 'nowrap' }}>{fmtYuan(x.amount)}</b>
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 2 }}>
                      {x.clause}
                      {note(x) ? ` · ${note(x)}` : ''}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            ) : (
              <Table<TDeadline>
                rowKey="key"
                size="small"
                pagination={false}
                scroll={{ x: 760 }}
                dataSource={d.deadlines}
                columns={[
                  { key: 'label', title: t('事项'), render: (_, x) => t(x.label) },
                  { key: 'date', title: t('期限'), width: 130, render: (_, x) => date(x) },
                  {
                    key: 'amount',
                    title: t('金额'),
                    align: 'right',
                    width: 150,
                    render: (_, x) => <span style={{ whiteSpace: 'nowrap' }}>{fmtYuan(x.amount)}</span>,
                  },
                  { key: 'clause', title: t('条款'), width: 170, dataIndex: 'clause' },
                  {
                    key: 'status',
                    title: t('状态'),
                    width: 72,
                    render: (_, x) => status(x),
                  },
                  {
                    key: 'note',
                    title: t('说明'),
                    render: (_, x) => (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {note(x)}
                      </Typography.Text>
                    ),
                  },
                ]}
              />
            )}
          </Card>
          <Card title={t('付款与发票')}>
            <PaymentsTable contractId={d.contract.id} payments={d.payments} />
          </Card>
          {d.records && <RecordsPanel records={d.records} />}
          {can('money.calc') && (
            <Card title={t('违约金与费用计算')}>
              <CalcForm key={d.contract.id} defaultFee={d.contract.totalFee} />
            </Card>
          )}
        </div>
      )}
    </div>
  );
}
