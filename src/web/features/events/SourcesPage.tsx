// 日志源: what the receiver counted (received, dropped, cut, filtered, noise) on each collector node,
// the registered sources with their vendor and character set, the senders not registered (one click
// registers them), and the filter rules (issue 13 points 1–2, R-MON-03).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Form, Input, Popconfirm, Row, Select, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { eventsApi as api } from '../../../common/events.api.ts';
import { CHARSETS, EVENT_VENDORS, type TEventSource, type TEventSourceInput, type TUnknownSource } from '../../../common/events.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { FiltersCard } from './FiltersCard.tsx';
import { VENDOR_TEXT } from './labels.tsx';
import { useRemove } from './useRemove.ts';

const COUNTERS: [string, string][] = [
  ['received', '已接收'],
  ['filtered', '已过滤'],
  ['udp_dropped', 'UDP 丢弃'],
  ['udp_kernel_dropped', '内核丢弃'],
  ['truncated', '超长截断'],
  ['bad_octet_count', '帧长错误'],
  ['noise', '非 syslog 数据'],
];

function ReceiverCard() {
  const { t } = useI18n();
  const q = useCall(api.receiver, {}, { refetchInterval: 10_000 });
  const nodes = q.data?.nodes ?? [];
  return (
    <Card size="small" title={t('接收器')} style={{ marginBottom: 16 }}>
      {nodes.length === 0 && <Empty description={t('没有运行中的接收器')} />}
      {nodes.map((n) => (
        <div key={n.node}>
          <div style={{ marginBottom: 8 }}>
            {t('节点')} <span className="yw-mono">{n.node}</span>{' '}
            <Tag color={n.state === 'running' ? 'success' : 'warning'}>{n.state === 'running' ? t('运行中') : n.state}</Tag>
          </div>
          <Row gutter={[16, 8]}>
            {COUNTERS.map(([key, label]) => (
              <Col key={key} xs={12} sm={8} md={6} lg={3}>
                <Statistic title={t(label)} value={n.counters[key] ?? 0} valueStyle={{ fontSize: 20 }} />
              </Col>
            ))}
          </Row>
        </div>
      ))}
    </Card>
  );
}

export function SourcesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [adding, setAdding] = useState<Partial<TEventSourceInput> | null>(null);
  const sources = useCall(api.sources, {});
  const unknown = useCall(api.unknown, {}, { refetchInterval: 10_000 });
  const remove = useRemove(api.removeSource);
  const admin = can('events.admin');
  return (
    <div>
      <PageHeader title={t('日志源')} subtitle={t('按发送地址登记设备的厂商与字符集；未登记的发送方单独列出')} />
      <ReceiverCard />
      <Card
        size="small"
        title={t('已登记的日志源')}
        style={{ marginBottom: 16 }}
        extra={
          admin && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding({ vendor: 'generic' })}>
              {t('登记日志源')}
            </Button>
          )
        }
      >
        <Table<TEventSource>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          loading={sources.isFetching}
          dataSource={sources.data?.items ?? []}
          columns={[
            { title: t('名称'), dataIndex: 'name' },
            { title: t('地址'), dataIndex: 'address', render: (v: string) => <span className="yw-mono">{v}</span> },
            { title: t('厂商'), dataIndex: 'vendor', render: (v: string) => t(VENDOR_TEXT[v] ?? v) },
            { title: t('字符集'), dataIndex: 'charset', render: (v: string | null) => (v ? v.toUpperCase() : t('自动')) },
            ...(admin
              ? [
                  {
                    title: '',
                    width: 48,
                    render: (_: unknown, r: TEventSource) => (
                      <Popconfirm title={t('删除此日志源？')} onConfirm={() => remove.mutate(r.id)}>
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('删除')} />
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('未登记的发送方')} style={{ marginBottom: 16 }}>
        <Table<TUnknownSource>
          rowKey="address"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={unknown.data?.items ?? []}
          locale={{ emptyText: t('所有发送方都已登记') }}
          columns={[
            { title: t('地址'), dataIndex: 'address', render: (v: string) => <span className="yw-mono">{v}</span> },
            { title: t('设备名'), dataIndex: 'lastHost' },
            { title: t('次数'), dataIndex: 'count', align: 'right' },
            { title: t('最近'), dataIndex: 'lastSeen', render: (v: string) => fmtTime(v) },
            ...(admin
              ? [
                  {
                    title: '',
                    render: (_: unknown, r: TUnknownSource) => (
                      <Button
                        size="small"
                        onClick={() => setAdding({ address: r.address, name: r.lastHost ?? r.address, vendor: 'generic' })}
                      >
                        {t('登记为日志源')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <FiltersCard />
      <FormModal<TEventSourceInput, TEventSource>
        open={adding !== null}
        title={t('登记日志源')}
        onClose={() => setAdding(null)}
        initialValues={adding ?? undefined}
        submit={(body) => call(api.addSource, { body: { ...body, charset: body.charset ?? null } })}
        invalidate={['events']}
      >
        <Form.Item name="name" label={t('名称')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label={t('发送地址')} rules={[{ required: true, max: 45 }]}>
          <Input className="yw-mono" placeholder="10.1.1.1" />
        </Form.Item>
        <Form.Item name="vendor" label={t('厂商')} rules={[{ required: true }]}>
          <Select options={EVENT_VENDORS.map((v) => ({ value: v, label: t(VENDOR_TEXT[v]!) }))} />
        </Form.Item>
        <Form.Item name="charset" label={t('字符集')} extra={t('不选：合法 UTF-8 按 UTF-8，否则按 GB18030（华为 USG 默认 GBK）')}>
          <Select allowClear options={CHARSETS.map((c) => ({ value: c, label: c.toUpperCase() }))} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
