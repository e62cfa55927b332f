// Override requests: an engineer asks for someone to take a span of a layer; the project manager
// approves or rejects. Overlapping requests come back as the server's problem, shown as it says.
import { Button, Card, DatePicker, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DUTY_LAYERS, type TOverride } from '../../../common/duty.ts';
import { dutyApi as api } from '../../../common/duty.api.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { ReportFilter, useUrlFilters } from '../../components/ReportFilter.tsx';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { useLineLabel } from '../../components/LineTags.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { LAYER_NAMES, LayerTag } from './meta.tsx';
import { useMembers } from './members.ts';

interface OverrideForm {
  line: (typeof SERVICE_LINE_CODES)[number];
  layer: TOverride['layer'];
  fromUserId?: string;
  toUserId: string;
  span: [Dayjs, Dayjs];
  reason: string;
}

const STATE = { pending: ['待审批', 'gold'], approved: ['已批准', 'green'], rejected: ['已驳回', 'default'] } as const;

function RequestForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const label = useLineLabel();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const line = (Form.useWatch('line', form) as string | undefined) ?? 'NET';
  const members = useMembers(line);
  const opts = members.map((m) => ({ value: m.id, label: m.displayName }));
  const submit = async () => {
    const v = (await form.validateFields()) as OverrideForm;
    try {
      const { span, ...rest } = v;
      await call(api.requestOverride, {
        body: { ...rest, fromUserId: rest.fromUserId ?? null, start: span[0].toISOString(), end: span[1].toISOString() },
      });
      fb.ok('已提交，等待项目经理审批');
      await qc.invalidateQueries({ queryKey: ['duty'] });
      onClose();
    } catch (e) {
      fb.fail(e, form);
    }
  };
  return (
    <Modal open title={t('申请调班')} onOk={() => void submit()} onCancel={onClose} okText={t('提交')}>
      <Form form={form} layout="vertical" initialValues={{ line: 'NET', layer: 'on-call' }}>
        <Form.Item name="line" label={t('服务项目')} rules={[{ required: true }]}>
          <Select options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: label(c) }))} />
        </Form.Item>
        <Form.Item name="layer" label={t('班次层')} rules={[{ required: true }]}>
          <Select options={DUTY_LAYERS.map((l) => ({ value: l, label: t(LAYER_NAMES[l]) }))} />
        </Form.Item>
        <Form.Item name="fromUserId" label={t('被替人（空为整个班次层）')}>
          <Select allowClear options={opts} />
        </Form.Item>
        <Form.Item name="toUserId" label={t('替班人')} rules={[{ required: true, message: t('请选择替班人') }]}>
          <Select options={opts} />
        </Form.Item>
        <Form.Item name="span" label={t('时间段')} rules={[{ required: true, message: t('请选择时间段') }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('原因')} rules={[{ required: true, message: t('请填写原因') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function OverridesPanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const label = useLineLabel();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [page, setPage] = useState(1);
  // A report's 调班申请 links here with the line and the report's period (issue 15).
  const [report, setReport] = useUrlFilters(['line', 'from', 'to'] as const);
  const list = useCall(api.overrides, {
    query: { page, pageSize: 20, ...report, line: report.line as (typeof SERVICE_LINE_CODES)[number] | undefined },
  });
  const decide = async (o: TOverride, approve: boolean) => {
    try {
      await call(api.decideOverride, { params: { id: o.id }, body: { approve, comment: '' } });
      fb.ok(approve ? '已批准' : '已驳回');
      await qc.invalidateQueries({ queryKey: ['duty'] });
    } catch (e) {
      fb.fail(e);
    }
  };
  return (
    <Card
      size="small"
      title={t('调班申请')}
      extra={
        can('duty.request') && (
          <Button type="primary" onClick={() => setAsking(true)}>
            {t('申请调班')}
          </Button>
        )
      }
    >
      <ReportFilter
        from={report.from && fmtTime(report.from)}
        to={report.to && fmtTime(new Date(Date.parse(report.to) - 1).toISOString())}
        detail={report.line ? label(report.line) : undefined}
        onClear={() => (setReport({ line: undefined, from: undefined, to: undefined }), setPage(1))}
      />
      {asking && <RequestForm onClose={() => setAsking(false)} />}
      <List
        loading={!list.data}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage, size: 'small' }}
        renderItem={(o) => (
          <List.Item
            actions={
              o.state === 'pending' && can('duty.approve')
                ? [
                    <Button key="a" type="primary" size="small" onClick={() => void decide(o, true)}>
                      {t('批准')}
                    </Button>,
                    <Button key="r" size="small" danger onClick={() => void decide(o, false)}>
                      {t('驳回')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Tag color={STATE[o.state][1]}>{t(STATE[o.state][0])}</Tag>
                  {label(o.line)}
                  <LayerTag layer={o.layer} />
                  {o.toName} {t('代')} {o.fromName ?? t('整个班次层')}
                </Space>
              }
              description={
                <Typography.Text type="secondary">
                  {fmtTime(o.start)} – {fmtTime(o.end)} · {o.requestedByName}：{o.reason}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
