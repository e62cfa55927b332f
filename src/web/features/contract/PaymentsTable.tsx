// The payments of a contract with their invoices, the reports they rest on and the late-payment
// penalty each has earned (to the paid date, or to today while unpaid).
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popover, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { moneyApi } from '../../../common/money.api.ts';
import type { TPayment } from '../../../common/money.ts';
import { useAuth } from '../../app/auth.tsx';
import { DeleteButton } from '../../components/DeleteButton.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { fmtYuan } from './money.ts';
import { InvoiceCell } from './InvoiceCell.tsx';
import { PaymentModal } from './PaymentModal.tsx';
import { basisLabel } from './ReportBasisSelect.tsx';

export function PaymentsTable({ contractId, payments }: { contractId: string; payments: TPayment[] }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const canWrite = can('money.write');
  const [editing, setEditing] = useState<TPayment | 'new' | null>(null);
  return (
    <>
      {canWrite && (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('登记付款')}
          </Button>
        </div>
      )}
      <Table<TPayment>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={payments}
        columns={[
          { key: 'title', title: t('款项'), dataIndex: 'title', width: 160 },
          { key: 'due', title: t('应付日期'), dataIndex: 'dueDate', width: 110 },
          { key: 'amount', title: t('金额'), align: 'right', render: (_, p) => fmtYuan(p.amount) },
          {
            key: 'paid',
            title: t('实际支付日期'),
            width: 120,
            render: (_, p) => p.paidOn ?? <Tag color={p.late ? 'red' : 'default'}>{t('未支付')}</Tag>,
          },
          { key: 'invoice', title: t('发票号'), dataIndex: 'invoiceNumber', render: (v: string) => v || '—' },
          { key: 'invoiceFile', title: t('发票文件'), width: 150, render: (_, p) => <InvoiceCell p={p} canWrite={canWrite} /> },
          {
            key: 'reports',
            title: t('付款依据的运维报告'),
            width: 220,
            render: (_, p) =>
              p.reports.length || p.reportBasis ? (
                <>
                  {p.reports.map((r) => (
                    <div key={`${r.reportId}/${r.version}`}>
                      <Link to={`/reports/${r.reportId}?version=${r.version}`}>{basisLabel(r, t)}</Link>
                    </div>
                  ))}
                  {p.reportBasis && (
                    <Typography.Text type="secondary" ellipsis={{ tooltip: p.reportBasis }}>
                      {p.reportBasis}
                    </Typography.Text>
                  )}
                </>
              ) : (
                '—'
              ),
          },
          {
            key: 'late',
            title: t('逾期违约金'),
            align: 'right',
            render: (_, p) =>
              !p.late ? (
                '—'
              ) : (
                <Popover content={<div style={{ maxWidth: 360 }}>{p.late.basis.explanation}</div>} title={p.late.basis.clause}>
                  <span style={{ cursor: 'help', borderBottom: '1px dotted' }}>
                    {fmtYuan(p.late.amount)}
                    {p.fiscalDelay && <Tag style={{ marginInlineStart: 6 }}>{t('财政资金未到位')}</Tag>}
                  </span>
                </Popover>
              ),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: '',
                  width: 96,
                  render: (_: unknown, p: TPayment) => (
                    <span style={{ whiteSpace: 'nowrap' }}>
                      <Button type="text" icon={<EditOutlined />} aria-label={t('编辑')} onClick={() => setEditing(p)} />
                      <DeleteButton
                        route={moneyApi.removePayment}
                        params={{ id: p.id }}
                        invalidate={['contract']}
                        confirm={t('删除付款记录“{t}”？', { t: p.title })}
                        icon
                      />
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PaymentModal
        contractId={contractId}
        payment={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
