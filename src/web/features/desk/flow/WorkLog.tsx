// The work log (R-SD-06): each visit or remote session once, with who, when and what was done.
// On a phone the engineer logs the visit just finished with one tap of "记录工作".
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, DatePicker, Empty, Form, Input, List, Modal, Popconfirm, Radio, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useFeedback } from '../../../components/feedback.ts';
import { fmtTime } from '../../../components/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtDuration } from '../clock.tsx';
import { useRefresh, useWorkLogs } from './queries.ts';
import { deskFlowApi } from '../../../../common/desk-flow.api.ts';

type V = { mode: 'onsite' | 'remote'; range: [Dayjs, Dayjs]; summary: string };

export function WorkLogPanel({ ticketId, reportedAt, canWrite }: { ticketId: string; reportedAt: string; canWrite: boolean }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const fb = useFeedback();
  const refresh = useRefresh(ticketId);
  const logs = useWorkLogs(ticketId);
  const [adding, setAdding] = useState(false);
  const [initial, setInitial] = useState<Partial<V>>({ mode: 'onsite' });
  // The last hour, but not before the call came in (work cannot start before the ticket).
  const startAdding = () => {
    const now = Date.now();
    setInitial({ mode: 'onsite', range: [dayjs(Math.max(now - 3_600_000, Date.parse(reportedAt))), dayjs(now)] });
    setAdding(true);
  };
  const [form] = Form.useForm<V>();
  const add = useMutation({
    mutationFn: (v: V) =>
      call(deskFlowApi.addWorklog, {
        params: { id: ticketId },
        body: {
          mode: v.mode,
          startAt: v.range[0].toISOString(),
          endAt: v.range[1].toISOString(),
          summary: v.summary,
        },
      }),
    onSuccess: async () => {
      fb.ok('工作记录已保存');
      setAdding(false);
      form.resetFields();
      await refresh();
    },
    onError: (e) => fb.fail(e, form),
  });
  const remove = useMutation({
    mutationFn: (logId: string) => call(deskFlowApi.deleteWorklog, { params: { id: ticketId, logId } }),
    onSuccess: async () => {
      fb.ok('工作记录已删除');
      await refresh();
    },
    onError: (e) => fb.fail(e),
  });
  const items = logs.data ?? [];
  // Own entries may be deleted within 24 h of logging them (the server checks too).
  const [openedAt] = useState(() => Date.now());
  return (
    <div>
      {canWrite && (
        <Button icon={<PlusOutlined />} onClick={startAdding} style={{ marginBottom: 12 }} data-testid="worklog-add">
          {t('记录工作')}
        </Button>
      )}
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          rowKey="id"
          renderItem={(w) => (
            <List.Item
              actions={
                canWrite && w.createdBy === me?.id && openedAt - Date.parse(w.createdAt) < 86_400_000
                  ? [
                      <Popconfirm key="del" title={t('删除这条工作记录？')} onConfirm={() => remove.mutate(w.id)}>
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('删除')} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <span>
                    <Tag color={w.mode === 'onsite' ? 'blue' : 'purple'}>{w.mode === 'onsite' ? t('现场') : t('远程')}</Tag>
                    {w.engineerName}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                      {fmtTime(w.startAt)} – {fmtTime(w.endAt).slice(11)} · {fmtDuration(Date.parse(w.endAt) - Date.parse(w.startAt), lang)}
                    </Typography.Text>
                  </span>
                }
                description={<span style={{ whiteSpace: 'pre-wrap', color: '#374151' }}>{w.summary}</span>}
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('还没有工作记录')} />
      )}
      <Modal
        open={adding}
        title={t('记录工作')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okText={t('保存')}
        confirmLoading={add.isPending}
        destroyOnHidden
      >
        <Form<V> form={form} layout="vertical" initialValues={initial} onFinish={(v) => add.mutate(v)}>
          <Form.Item name="mode" label={t('方式')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'onsite', label: t('现场') },
                { value: 'remote', label: t('远程') },
              ]}
            />
          </Form.Item>
          <Form.Item name="range" label={t('起止时间')} rules={[{ required: true, message: t('必填') }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="summary" label={t('工作内容')} rules={[{ required: true, whitespace: true, message: t('必填') }]}>
            <Input.TextArea rows={3} maxLength={4000} placeholder={t('如：更换 3 号交换机电源模块，端口恢复正常')} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
