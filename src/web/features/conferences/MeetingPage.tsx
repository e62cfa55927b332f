// One meeting: its joint test as a card per endpoint and one for the room (each item 正常 / 异常 /
// 不适用, the latest counting; 异常 asks what is wrong), the problems during the meeting as VC tickets,
// and the support record that ends it. Made to be used on a phone in the conference room.
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, List, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  CHECK_ITEM_NAMES,
  CHECK_RESULTS,
  CHECK_RESULT_NAMES,
  CONF_SYSTEM_NAMES,
  type CheckResult,
  type TCheck,
  type TMeeting,
} from '../../../common/conferences.ts';
import { conferencesApi as api } from '../../../common/conferences.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { SEVERITY_NAMES } from '../../../common/desk.ts';
import { SEVERITIES } from '../../../common/sla.ts';
import { useRun } from '../../components/useRun.ts';
import { MeetingState, TestProgress } from './meta.tsx';

type Pending = { check: TCheck; note: string } | null;

function Checks({ m, editable }: { m: TMeeting; editable: boolean }) {
  const { t } = useI18n();
  const [pending, setPending] = useState<Pending>(null);
  const { busy, run } = useRun('conferences', () => setPending(null));
  const send = (c: TCheck, result: CheckResult, note = '') =>
    run(() => call(api.check, { params: { id: m.id }, body: { target: c.target, item: c.item, result, note } }), '已登记');
  const groups = new Map<string, TCheck[]>();
  for (const c of m.checks) groups.set(c.targetName, [...(groups.get(c.targetName) ?? []), c]);
  return (
    <>
      <List
        grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 4 }}
        dataSource={[...groups.entries()]}
        renderItem={([name, checks]) => (
          <List.Item>
            <Card size="small" title={name} data-testid="check-card">
              <Space direction="vertical" style={{ width: '100%' }}>
                {checks.map((c) => (
                  <div key={c.item} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
                    <span>
                      {t(CHECK_ITEM_NAMES[c.item])}
                      {c.result === 'fail' && c.note && (
                        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                          {c.note}
                        </Typography.Text>
                      )}
                    </span>
                    {!editable ? (
                      <Tag color={c.result === 'ok' ? 'success' : c.result === 'fail' ? 'error' : 'default'}>
                        {c.result ? t(CHECK_RESULT_NAMES[c.result]) : t('未检查')}
                      </Tag>
                    ) : (
                      <Radio.Group
                        size="small"
                        optionType="button"
                        buttonStyle="solid"
                        disabled={busy}
                        value={c.result}
                        onChange={(e) => {
                          const r = e.target.value as CheckResult;
                          if (r === 'fail') setPending({ check: c, note: '' });
                          else void send(c, r);
                        }}
                        options={CHECK_RESULTS.map((r) => ({ value: r, label: t(CHECK_RESULT_NAMES[r]) }))}
                      />
                    )}
                  </div>
                ))}
              </Space>
            </Card>
          </List.Item>
        )}
      />
      <Modal
        open={!!pending}
        title={pending ? `${pending.check.targetName} · ${t(CHECK_ITEM_NAMES[pending.check.item])} ${t('异常')}` : ''}
        onCancel={() => setPending(null)}
        okText={t('登记异常')}
        okButtonProps={{ danger: true, loading: busy }}
        onOk={() => pending && void send(pending.check, 'fail', pending.note)}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('异常现象与处理（如：对端无图像，已请区里更换线缆）')}
          value={pending?.note}
          onChange={(e) => pending && setPending({ ...pending, note: e.target.value })}
        />
      </Modal>
    </>
  );
}

function Problems({ m, editable }: { m: TMeeting; editable: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Card
      title={t('会中问题')}
      extra={
        editable && (
          <Button danger icon={<ExclamationCircleOutlined />} onClick={() => setOpen(true)}>
            {t('登记问题并生成工单')}
          </Button>
        )
      }
    >
      <List
        locale={{ emptyText: t('暂无问题') }}
        dataSource={m.problems}
        renderItem={(p) => (
          <List.Item>
            <Space wrap>
              <Link to={`/desk/${p.ticketId}`}>{p.number}</Link>
              {p.title}
              <Typography.Text type="secondary">{fmtTime(p.at)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <FormModal<{ title: string; description: string; severity: 'critical' | 'high' | 'medium' | 'low' }, TMeeting>
        open={open}
        onClose={() => setOpen(false)}
        title={t('登记会中问题')}
        okText={t('生成工单')}
        successText="已生成视频会议故障工单"
        invalidate={['conferences']}
        initialValues={{ severity: 'high' }}
        submit={(body) => call(api.problem, { params: { id: m.id }, body })}
      >
        <Form.Item name="title" label={t('问题')} rules={[{ required: true }]}>
          <Input maxLength={200} placeholder={t('如：房山区会场无声音')} />
        </Form.Item>
        <Form.Item name="description" label={t('现象与处理')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="severity" label={t('紧急程度')}>
          <Select options={SEVERITIES.map((v) => ({ value: v, label: t(SEVERITY_NAMES[v]) }))} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function Record({ m }: { m: TMeeting }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [text, setText] = useState('');
  const { busy, run } = useRun('conferences', () => setText(''));
  if (m.record) return <Card title={t('会议保障记录')}>{m.record}</Card>;
  if (m.state === 'cancelled' || !can('conferences.write') || !m.begun) return null;
  return (
    <Card title={t('会议保障记录')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          rows={4}
          maxLength={8000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('会前联调、会中情况、问题处置、录像归档等')}
        />
        <Button
          type="primary"
          loading={busy}
          disabled={!text.trim()}
          onClick={() => void run(() => call(api.close, { params: { id: m.id }, body: { record: text } }), '会议已结束')}
        >
          {t('提交保障记录并结束会议')}
        </Button>
      </Space>
    </Card>
  );
}

export function MeetingPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const q = useCall(api.get, { params: { id } });
  const { busy, run } = useRun('conferences', () => undefined);
  const m = q.data;
  if (!m) return <Card loading />;
  const live = m.state === 'planned' || m.state === 'tested';
  return (
    <div>
      <PageHeader
        title={`${m.number} ${m.title}`}
        subtitle={t(CONF_SYSTEM_NAMES[m.system])}
        extra={
          live &&
          can('conferences.schedule') && (
            <Button loading={busy} onClick={() => void run(() => call(api.cancel, { params: { id } }), '会议已取消')}>
              {t('取消会议')}
            </Button>
          )
        }
      />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card>
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={t('时间')}>{`${fmtTime(m.startAt)} — ${fmtTime(m.endAt).slice(11)}`}</Descriptions.Item>
            <Descriptions.Item label={t('会议室')}>{m.room}</Descriptions.Item>
            <Descriptions.Item label={t('状态')}>
              <MeetingState m={m} />
            </Descriptions.Item>
            <Descriptions.Item label={t('会前联调')}>
              <TestProgress m={m} width={160} />
            </Descriptions.Item>
            <Descriptions.Item label={t('登记人')}>{m.createdByName}</Descriptions.Item>
          </Descriptions>
          {m.failed > 0 && live && (
            <Alert type="error" showIcon style={{ marginTop: 12 }} message={t('{n} 项联调异常，处理后请复测', { n: m.failed })} />
          )}
        </Card>
        <Checks m={m} editable={live && can('conferences.write')} />
        <Problems m={m} editable={m.state !== 'cancelled' && can('conferences.write')} />
        <Record m={m} />
      </Space>
    </div>
  );
}
