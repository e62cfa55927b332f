// The handover log: the outgoing writes what the next shift must know, the incoming acknowledges;
// and on-post attendance (check-in and check-out).
import { Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { dutyApi as api } from '../../../common/duty.api.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { useLineLabel } from '../../components/LineTags.tsx';
import { fmtTime } from '../../components/format.ts';
import { useFeedback } from '../../components/feedback.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useMembers } from './members.ts';

export function HandoverPanel() {
  const { t } = useI18n();
  const { can, me } = useAuth();
  const label = useLineLabel();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [line, setLine] = useState<(typeof SERVICE_LINE_CODES)[number]>('NET');
  const members = useMembers(line).filter((m) => m.id !== me?.id);
  const list = useCall(api.handovers, { query: { line, page: 1, pageSize: 20 } });
  const done = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      fb.ok(ok);
      await qc.invalidateQueries({ queryKey: ['duty'] });
    } catch (e) {
      fb.fail(e, form);
    }
  };
  const write = async () => {
    const v = (await form.validateFields()) as { toUserId: string; notes: string };
    await done(() => call(api.writeHandover, { body: { line, ...v } }), '已交班');
    form.resetFields();
  };
  return (
    <Card
      size="small"
      title={t('交接班')}
      extra={
        <Select
          value={line}
          onChange={setLine}
          style={{ width: 130 }}
          options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: label(c) }))}
        />
      }
    >
      {can('duty.request') && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button onClick={() => void done(() => call(api.checkInOut, { body: { line, action: 'in' } }), '已签到')}>{t('到岗签到')}</Button>
          <Button onClick={() => void done(() => call(api.checkInOut, { body: { line, action: 'out' } }), '已签退')}>{t('签退')}</Button>
        </Space>
      )}
      {can('duty.request') && (
        <Form form={form} layout="vertical">
          <Form.Item name="toUserId" label={t('接班人')} rules={[{ required: true, message: t('请选择接班人') }]}>
            <Select options={members.map((m) => ({ value: m.id, label: m.displayName }))} />
          </Form.Item>
          <Form.Item name="notes" label={t('交班内容')} rules={[{ required: true, message: t('请填写交班内容') }]}>
            <Input.TextArea rows={3} maxLength={4000} placeholder={t('未完成的工作、设备异常、需关注事项')} />
          </Form.Item>
          <Button type="primary" onClick={() => void write()}>
            {t('交班')}
          </Button>
        </Form>
      )}
      <List
        style={{ marginTop: 12 }}
        loading={!list.data}
        dataSource={list.data?.items ?? []}
        renderItem={(h) => (
          <List.Item
            actions={
              !h.ackAt && h.toUserId === me?.id
                ? [
                    <Button
                      key="ack"
                      size="small"
                      type="primary"
                      onClick={() => void done(() => call(api.ackHandover, { params: { id: h.id } }), '已确认接班')}
                    >
                      {t('确认接班')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  {h.fromName} → {h.toName}
                  {h.ackAt ? <Tag color="green">{t('已接班')}</Tag> : <Tag color="gold">{t('待接班')}</Tag>}
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{h.notes}</Typography.Paragraph>
                  <Typography.Text type="secondary">{fmtTime(h.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
