// A party's settlement accounts (R-CON-02): a change must be notified in writing within 7 days.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Popover, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { ZBankAccount } from '../../../common/org.ts';
import { calendarDaysBetween } from '../../../common/dates.ts';
import { BANK_ACCOUNT } from '../../../common/patterns.ts';
import { call } from '../../api/client.ts';
import { dayjs } from '../../app/dayjs.ts';
import { useFeedback } from '../../components/feedback.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { todayShanghai } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { orgApi } from '../../../common/org.api.ts';

type Account = z.infer<typeof ZBankAccount>;

function NoticeState({ a, today }: { a: Account; today: string }) {
  const { t } = useI18n();
  if (a.notifiedOn) return <Tag color="green">{t('已于 {d} 书面告知', { d: a.notifiedOn })}</Tag>;
  if (!a.notifyBy) return <Typography.Text type="secondary">—</Typography.Text>;
  const left = calendarDaysBetween(today, a.notifyBy);
  if (left < 0) return <Tag color="red">{t('逾期 {n} 天未告知（期限 {d}）', { n: -left, d: a.notifyBy })}</Tag>;
  return <Tag color="orange">{t('须于 {d} 前书面告知（剩 {n} 天）', { d: a.notifyBy, n: left })}</Tag>;
}

function NotifiedButton({ partyId, a }: { partyId: string; a: Account }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(dayjs());
  const m = useMutation({
    mutationFn: () =>
      call(orgApi.bankAccountNotified, { params: { id: partyId, accountId: a.id }, body: { notifiedOn: date.format('YYYY-MM-DD') } }),
    onSuccess: async () => {
      fb.ok('已记录');
      setOpen(false);
      await qc.invalidateQueries({ queryKey: ['parties'] });
    },
    onError: (e) => fb.fail(e),
  });
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('书面告知日期')}
      content={
        <div style={{ display: 'flex', gap: 8 }}>
          <DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} />
          <Button type="primary" loading={m.isPending} onClick={() => m.mutate()}>
            {t('确定')}
          </Button>
        </div>
      }
    >
      <Button size="small" type="link">
        {t('记录已告知')}
      </Button>
    </Popover>
  );
}

interface NewAccount {
  bankName: string;
  accountName: string;
  accountNumber: string;
  changedOn?: dayjs.Dayjs;
}

export function BankAccounts({ partyId, accounts, canWrite }: { partyId: string; accounts: Account[]; canWrite: boolean }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const today = todayShanghai();
  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', margin: '24px 0 8px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('结算账户')}
        </Typography.Title>
        {canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('登记账户变更')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('合同约定：结算账户变更后须在 7 日内书面通知对方。')}
      </Typography.Paragraph>
      <Table<Account>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={[...accounts].reverse()}
        columns={[
          { title: t('开户行'), dataIndex: 'bankName' },
          { title: t('户名'), dataIndex: 'accountName' },
          { title: t('账号'), dataIndex: 'accountNumber', render: (v: string) => <span className="yw-mono">{v}</span> },
          { title: t('变更日期'), dataIndex: 'changedOn', render: (v: string | null) => v ?? '—' },
          {
            title: t('状态'),
            dataIndex: 'active',
            render: (v: boolean) => (v ? <Tag color="blue">{t('当前')}</Tag> : <Tag>{t('已停用')}</Tag>),
          },
          { title: t('书面告知'), key: 'notice', render: (_, a) => <NoticeState a={a} today={today} /> },
          ...(canWrite
            ? [
                {
                  title: t('操作'),
                  key: 'op',
                  render: (_: unknown, a: Account) => (a.notifyBy && !a.notifiedOn ? <NotifiedButton partyId={partyId} a={a} /> : null),
                },
              ]
            : []),
        ]}
      />
      <FormModal<NewAccount>
        open={adding}
        onClose={() => setAdding(false)}
        title={t('登记账户变更')}
        invalidate={['parties']}
        successText="账户变更已登记"
        initialValues={{ changedOn: dayjs() }}
        submit={(v) =>
          call(orgApi.addBankAccount, {
            params: { id: partyId },
            body: {
              bankName: v.bankName,
              accountName: v.accountName,
              accountNumber: v.accountNumber,
              changedOn: v.changedOn ? v.changedOn.format('YYYY-MM-DD') : null,
            },
          })
        }
      >
        <Form.Item name="bankName" label={t('开户行')} rules={[{ required: true, whitespace: true, message: t('请输入开户行') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="accountName" label={t('户名')} rules={[{ required: true, whitespace: true, message: t('请输入户名') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="accountNumber"
          label={t('账号')}
          rules={[
            { required: true, message: t('请输入账号') },
            { pattern: BANK_ACCOUNT.re, message: t(BANK_ACCOUNT.message) },
          ]}
        >
          <Input maxLength={40} className="yw-mono" />
        </Form.Item>
        <Form.Item name="changedOn" label={t('变更日期')} extra={t('登记后将计算 7 日书面告知期限')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
