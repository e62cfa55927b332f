// 巡检计划: the quarterly NET inspection plan and report and the annual plan for core devices and
// critical systems; the contractor submits (a report drafted from the quarter's sheets), the agency
// approves or returns with its objection, a returned plan comes back as its next version.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PLAN_KINDS, PLAN_KIND_NAMES, type PlanKind, type TPlan } from '../../../common/inspections.ts';
import { inspectionsApi as api } from '../../../common/inspections.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { PlanStateTag } from './meta.tsx';

interface NewPlan {
  kind: PlanKind;
  year: number;
  quarter: number | null;
  title: string;
  body: string;
}

function PlanCard({ p, onDone }: { p: TPlan; onDone: () => Promise<unknown> }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const [text, setText] = useState('');
  const last = p.versions[p.versions.length - 1]!;
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      fb.ok(ok);
      setText('');
      await onDone();
    } catch (e) {
      fb.fail(e);
    }
  };
  const decide = (decision: 'approved' | 'returned') =>
    act(
      () => call(api.decidePlan, { params: { id: p.id }, body: { decision, comment: text } }),
      decision === 'approved' ? '已批准' : '已退回',
    );
  return (
    <Card size="small" title={p.title} extra={<PlanStateTag state={p.state} />} data-testid={`plan-${p.id}`}>
      <Typography.Text type="secondary">
        {t(PLAN_KIND_NAMES[p.kind])} · {t('第 {v} 版', { v: p.version })} · {last.submittedByName} {fmtTime(last.submittedAt)}
      </Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{last.body}</Typography.Paragraph>
      {p.versions.length > 1 && (
        <Collapse
          size="small"
          items={p.versions.slice(0, -1).map((v) => ({
            key: v.version,
            label: `${t('第 {v} 版', { v: v.version })} · ${v.decidedByName ?? ''} ${t('已退回')}：${v.comment ?? ''}`,
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{v.body}</div>,
          }))}
        />
      )}
      {p.state === 'submitted' && can('inspections.approve') && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea
            aria-label={t('审批意见')}
            placeholder={t('审批意见（退回时必填）')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <Space>
            <Button type="primary" onClick={() => void decide('approved')}>
              {t('批准')}
            </Button>
            <Button danger onClick={() => void decide('returned')}>
              {t('退回修改')}
            </Button>
          </Space>
        </Space>
      )}
      {p.state === 'returned' && can('inspections.plan') && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Typography.Text type="danger">
            {t('甲方意见')}：{last.comment}
          </Typography.Text>
          <Input.TextArea aria-label={t('修改后的内容')} rows={4} defaultValue={last.body} onChange={(e) => setText(e.target.value)} />
          <Button
            onClick={() =>
              void act(() => call(api.resubmitPlan, { params: { id: p.id }, body: { body: text || last.body } }), '已提交新版本')
            }
          >
            {t('提交新版本')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

export function PlansPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [page] = useState(1);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<NewPlan>();
  const list = useCall(api.plans, { query: { page, pageSize: 50 } });
  const refresh = () => qc.invalidateQueries({ queryKey: ['inspections'] });
  const kind = Form.useWatch('kind', form);
  const draft = async () => {
    const { year, quarter } = form.getFieldsValue();
    try {
      const r = await call(api.reportDraft, { query: { year, quarter: quarter ?? 1 } });
      form.setFieldValue('body', r.body);
    } catch (e) {
      fb.fail(e);
    }
  };
  const submit = async (v: NewPlan) => {
    try {
      await call(api.createPlan, { body: { ...v, quarter: v.kind === 'annual_plan' ? null : v.quarter } });
      fb.ok('已提交甲方审批');
      setAdding(false);
      form.resetFields();
      await refresh();
    } catch (e) {
      fb.fail(e, form);
    }
  };
  const now = new Date();
  return (
    <div>
      <PageHeader
        title={t('巡检计划')}
        subtitle={t('季度网络巡检计划与报告、核心设备与关键系统年度巡检计划，报甲方审批')}
        extra={
          can('inspections.plan') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('提交计划或报告')}
            </Button>
          )
        }
      />
      <Space direction="vertical" style={{ width: '100%' }}>
        {(list.data?.items ?? []).map((p) => (
          <PlanCard key={`${p.id}:${p.version}:${p.state}`} p={p} onDone={refresh} />
        ))}
        {list.data?.items.length === 0 && <Card>{t('还没有巡检计划')}</Card>}
      </Space>
      <Modal
        open={adding}
        title={t('提交计划或报告')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okText={t('提交')}
        width={640}
      >
        <Form<NewPlan>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'quarterly_plan', year: now.getFullYear(), quarter: Math.floor(now.getMonth() / 3) + 1 }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="kind" label={t('类型')}>
            <Select options={PLAN_KINDS.map((k) => ({ value: k, label: t(PLAN_KIND_NAMES[k]) }))} />
          </Form.Item>
          <Space>
            <Form.Item name="year" label={t('年度')}>
              <InputNumber min={2000} max={2199} />
            </Form.Item>
            {kind !== 'annual_plan' && (
              <Form.Item name="quarter" label={t('季度')}>
                <InputNumber min={1} max={4} />
              </Form.Item>
            )}
          </Space>
          <Form.Item name="title" label={t('标题')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          {kind === 'quarterly_report' && (
            <Button style={{ marginBottom: 8 }} onClick={() => void draft()}>
              {t('由本季度巡检单生成草稿')}
            </Button>
          )}
          <Form.Item name="body" label={t('内容')} rules={[{ required: true }]}>
            <Input.TextArea rows={8} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
