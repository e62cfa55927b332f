// R-DUT-02: the duty rules and the emergency procedure. The project manager submits a version; the
// agency confirms or returns the latest one with a comment; every version stays listed.
import { Button, Card, Collapse, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DUTY_DOC_KINDS, DUTY_DOC_NAMES, type TDutyDoc } from '../../../common/duty.ts';
import { dutyApi as api } from '../../../common/duty.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';

const STATE = { submitted: ['待甲方确认', 'gold'], confirmed: ['甲方已确认', 'green'], returned: ['已退回', 'red'] } as const;

export function DocsPanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [writing, setWriting] = useState(false);
  const [comment, setComment] = useState('');
  const list = useCall(api.docs, { query: { page: 1, pageSize: 50 } });
  const latest = new Map<string, number>();
  for (const d of list.data?.items ?? []) latest.set(d.kind, Math.max(latest.get(d.kind) ?? 0, d.version));
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      fb.ok(ok);
      setComment('');
      await qc.invalidateQueries({ queryKey: ['duty'] });
      return true;
    } catch (e) {
      fb.fail(e, form);
      return false;
    }
  };
  const submit = async () => {
    const v = (await form.validateFields()) as { kind: TDutyDoc['kind']; title: string; body: string };
    if (await run(() => call(api.submitDoc, { body: v }), '已提交甲方确认')) setWriting(false);
  };
  const review = (d: TDutyDoc, confirm: boolean) =>
    run(() => call(api.reviewDoc, { params: { id: d.id }, body: { confirm, comment } }), confirm ? '已确认' : '已退回');
  return (
    <Card
      size="small"
      title={t('值班制度与应急预案')}
      extra={
        can('duty.write') && (
          <Button type="primary" onClick={() => setWriting(true)}>
            {t('提交新版本')}
          </Button>
        )
      }
    >
      <Collapse
        items={(list.data?.items ?? []).map((d) => ({
          key: d.id,
          label: (
            <Space wrap size={4}>
              <Tag>{t(DUTY_DOC_NAMES[d.kind])}</Tag>
              {d.title} · {t('第 {n} 版', { n: d.version })}
              <Tag color={STATE[d.state][1]}>{t(STATE[d.state][0])}</Tag>
            </Space>
          ),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.body}</Typography.Paragraph>
              <Typography.Text type="secondary">
                {d.submittedByName} {fmtTime(d.submittedAt)}
                {d.reviewedByName && ` · ${d.reviewedByName} ${fmtTime(d.reviewedAt)}`}
                {d.comment && ` · ${d.comment}`}
              </Typography.Text>
              {d.state === 'submitted' && latest.get(d.kind) === d.version && can('duty.confirm') && (
                <Space wrap>
                  <Input
                    placeholder={t('意见（可选）')}
                    value={comment}
                    onChange={(e) => setComment(e.target.value)}
                    style={{ width: 260 }}
                  />
                  <Button type="primary" onClick={() => void review(d, true)}>
                    {t('确认')}
                  </Button>
                  <Button danger onClick={() => void review(d, false)}>
                    {t('退回')}
                  </Button>
                </Space>
              )}
            </Space>
          ),
        }))}
      />
      {writing && (
        <Modal open title={t('提交新版本')} onOk={() => void submit()} onCancel={() => setWriting(false)} okText={t('提交')} width={720}>
          <Form form={form} layout="vertical" initialValues={{ kind: 'duty_rules' }}>
            <Form.Item name="kind" label={t('类别')} rules={[{ required: true }]}>
              <Select options={DUTY_DOC_KINDS.map((k) => ({ value: k, label: t(DUTY_DOC_NAMES[k]) }))} />
            </Form.Item>
            <Form.Item name="title" label={t('标题')} rules={[{ required: true, message: t('请填写标题') }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="body" label={t('正文')} rules={[{ required: true, message: t('请填写正文') }]}>
              <Input.TextArea rows={12} maxLength={50_000} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Card>
  );
}
