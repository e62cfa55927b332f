// 第三方人员访问 (R-CHG-04): a vendor engineer's visit or remote session, requested with its purpose,
// devices and time box, approved by the project manager or the agency, its work logged while it
// lasts, closed at the end; an approved visit past its time box and not closed is marked 已超时.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Radio, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  ACCESS_MODES,
  ACCESS_MODE_NAMES,
  ACCESS_STATES,
  ACCESS_STATE_NAMES,
  type TAccess,
  type TAccessInput,
} from '../../../common/changes.ts';
import { changesApi as api } from '../../../common/changes.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRun } from '../../components/useRun.ts';

type State = TAccess['state'];
const STATE_COLOR: Record<State, string> = { requested: 'processing', approved: 'success', rejected: 'error', closed: 'default' };

function AccessState({ a }: { a: TAccess }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <Tag color={STATE_COLOR[a.state]}>{t(ACCESS_STATE_NAMES[a.state])}</Tag>
      {a.expired && <Tag color="red">{t('已超时')}</Tag>}
    </Space>
  );
}

type Values = Omit<TAccessInput, 'startAt' | 'endAt'> & { window: [Dayjs, Dayjs] };

function NewAccess({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<Values, TAccess>
      open={open}
      onClose={onClose}
      width={640}
      title={t('登记第三方人员访问')}
      okText={t('提交审批')}
      successText="访问申请已提交"
      invalidate={['third-party-access']}
      initialValues={{ mode: 'onsite' }}
      submit={({ window, ...v }) =>
        call(api.accessCreate, { body: { ...v, startAt: window[0].toISOString(), endAt: window[1].toISOString() } })
      }
    >
      <Space.Compact block>
        <Form.Item name="person" label={t('人员姓名')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="company" label={t('所属单位')} rules={[{ required: true }]} style={{ flex: 2, marginLeft: 8 }}>
          <Input maxLength={200} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="mode" label={t('访问方式')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={ACCESS_MODES.map((m) => ({ value: m, label: t(ACCESS_MODE_NAMES[m]) }))} />
      </Form.Item>
      <Form.Item name="devices" label={t('涉及设备/系统')} rules={[{ required: true }]}>
        <Input maxLength={1000} placeholder={t('如：核心交换机、出口防火墙')} />
      </Form.Item>
      <Form.Item name="purpose" label={t('工作内容与目的')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="window" label={t('访问时段')} rules={[{ required: true }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

function AccessDrawer({ a, onClose }: { a: TAccess | null; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [comment, setComment] = useState('');
  const [log, setLog] = useState('');
  const { busy, run } = useRun('third-party-access', () => {
    setComment('');
    setLog('');
    onClose();
  });
  const act = (action: 'approve' | 'reject' | 'close') =>
    run(() => call(api.accessAct, { params: { id: a!.id }, body: { action, comment } }), '已完成');
  return (
    <Drawer open={!!a} onClose={onClose} size={560} title={a ? `${a.number} ${a.person}` : ''} destroyOnHidden>
      {a && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <AccessState a={a} />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('所属单位')}>{a.company}</Descriptions.Item>
            <Descriptions.Item label={t('访问方式')}>{t(ACCESS_MODE_NAMES[a.mode])}</Descriptions.Item>
            <Descriptions.Item label={t('涉及设备/系统')}>{a.devices}</Descriptions.Item>
            <Descriptions.Item label={t('工作内容与目的')}>{a.purpose}</Descriptions.Item>
            <Descriptions.Item label={t('访问时段')}>{`${fmtTime(a.startAt)} — ${fmtTime(a.endAt)}`}</Descriptions.Item>
            <Descriptions.Item label={t('申请人')}>{a.requestedByName}</Descriptions.Item>
            {a.decidedByName && (
              <Descriptions.Item label={t('审批')}>
                {`${a.decidedByName} ${fmtTime(a.decidedAt)}${a.comment ? `：${a.comment}` : ''}`}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5}>{t('工作记录')}</Typography.Title>
          {a.logs.length ? (
            <Timeline items={a.logs.map((l) => ({ children: `${fmtTime(l.at)} ${l.byName}：${l.text}` }))} />
          ) : (
            <Typography.Text type="secondary">{t('尚无工作记录')}</Typography.Text>
          )}
          {a.state === 'approved' && can('changes.write') && (
            <Space.Compact block>
              <Input value={log} onChange={(e) => setLog(e.target.value)} maxLength={4000} placeholder={t('登记一条工作记录')} />
              <Button
                disabled={!log.trim()}
                loading={busy}
                onClick={() => void run(() => call(api.accessLog, { params: { id: a.id }, body: { text: log } }), '已登记')}
              >
                {t('登记')}
              </Button>
            </Space.Compact>
          )}
          {(a.state === 'requested' || a.state === 'approved') && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('意见（可选）')} />
              <Space wrap>
                {a.state === 'requested' && can('changes.approve') && (
                  <>
                    <Button type="primary" loading={busy} onClick={() => void act('approve')}>
                      {t('批准')}
                    </Button>
                    <Button danger loading={busy} onClick={() => void act('reject')}>
                      {t('驳回')}
                    </Button>
                  </>
                )}
                {a.state === 'approved' && can('changes.write') && (
                  <Button loading={busy} onClick={() => void act('close')}>
                    {t('结束访问')}
                  </Button>
                )}
              </Space>
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}

export function AccessPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [state, setState] = useState<State | undefined>();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useCall(api.accessList, { query: { page, pageSize: 20, ...(state ? { state } : {}) } });
  const open = list.data?.items.find((a) => a.id === openId) ?? null;
  return (
    <div>
      <PageHeader
        title={t('第三方人员访问')}
        subtitle={t('厂商或第三方人员现场、远程访问须事先审批，限定时段并登记工作记录')}
        extra={
          can('changes.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('登记访问申请')}
            </Button>
          )
        }
      />
      <Card>
        <Select
          allowClear
          placeholder={t('状态')}
          style={{ width: 130, marginBottom: 12 }}
          value={state}
          onChange={(v) => (setState(v), setPage(1))}
          options={ACCESS_STATES.map((s) => ({ value: s, label: t(ACCESS_STATE_NAMES[s]) }))}
        />
        <Table<TAccess>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'n', title: t('编号'), responsive: ['md'], render: (_, r) => <span className="yw-mono">{r.number}</span> },
            { key: 'p', title: t('人员'), render: (_, r) => `${r.person}（${r.company}）` },
            { key: 'm', title: t('方式'), responsive: ['md'], render: (_, r) => t(ACCESS_MODE_NAMES[r.mode]) },
            { key: 'd', title: t('涉及设备/系统'), responsive: ['lg'], render: (_, r) => r.devices },
            { key: 'w', title: t('访问时段'), responsive: ['md'], render: (_, r) => `${fmtTime(r.startAt)} — ${fmtTime(r.endAt)}` },
            { key: 's', title: t('状态'), render: (_, r) => <AccessState a={r} /> },
          ]}
        />
      </Card>
      <NewAccess open={adding} onClose={() => setAdding(false)} />
      <AccessDrawer a={open} onClose={() => setOpenId(null)} />
    </div>
  );
}
