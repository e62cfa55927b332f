// The filter rules (issue 13 point 2): checked in order on every received event; the first that
// matches drops or keeps it; an event no rule matches is kept.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { eventsApi as api } from '../../../common/events.api.ts';
import { FILTER_FIELDS, type TEventFilter, type TEventFilterInput } from '../../../common/events.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRemove } from './useRemove.ts';

export const FIELD_TEXT: Record<(typeof FILTER_FIELDS)[number], string> = {
  host: '设备名',
  source: '发送地址',
  vendor: '厂商',
  category: '事件类别',
  severity: '严重级别',
  srcIp: '源地址',
  dstIp: '目的地址',
  user: '用户名',
  action: '动作',
  rule: '策略',
  message: '事件内容',
};

export function FiltersCard() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [adding, setAdding] = useState(false);
  const q = useCall(api.filters, {});
  const remove = useRemove(api.removeFilter);
  return (
    <Card
      size="small"
      title={t('过滤规则')}
      extra={
        can('events.admin') && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('新增规则')}
          </Button>
        )
      }
    >
      <Table<TEventFilter>
        rowKey="id"
        size="small"
        pagination={false}
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('没有过滤规则：所有事件都会保存') }}
        columns={[
          { title: '#', width: 40, render: (_: unknown, __, i) => i + 1 },
          {
            title: t('动作'),
            dataIndex: 'action',
            width: 70,
            render: (v: string) => <Tag color={v === 'drop' ? 'red' : 'green'}>{v === 'drop' ? t('丢弃') : t('保留')}</Tag>,
          },
          {
            title: t('条件'),
            render: (_: unknown, r) => `${t(FIELD_TEXT[r.field])} ${r.op === 'eq' ? t('等于') : t('包含')} “${r.value}”`,
          },
          { title: t('说明'), dataIndex: 'note', responsive: ['md'] },
          ...(can('events.admin')
            ? [
                {
                  title: '',
                  width: 48,
                  render: (_: unknown, r: TEventFilter) => (
                    <Popconfirm title={t('删除此规则？')} onConfirm={() => remove.mutate(r.id)}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('删除')} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<TEventFilterInput, TEventFilter>
        open={adding}
        title={t('新增过滤规则')}
        onClose={() => setAdding(false)}
        initialValues={{ action: 'drop', field: 'message', op: 'contains' }}
        submit={(v) => call(api.addFilter, { body: { ...v, note: v.note?.trim() || null } })}
        invalidate={['events']}
      >
        <Form.Item name="action" label={t('动作')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'drop', label: t('丢弃') },
              { value: 'keep', label: t('保留') },
            ]}
          />
        </Form.Item>
        <Form.Item name="field" label={t('字段')} rules={[{ required: true }]}>
          <Select options={FILTER_FIELDS.map((f) => ({ value: f, label: t(FIELD_TEXT[f]) }))} />
        </Form.Item>
        <Form.Item name="op" label={t('匹配')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'contains', label: t('包含') },
              { value: 'eq', label: t('等于') },
            ]}
          />
        </Form.Item>
        <Form.Item name="value" label={t('值')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('说明')}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
