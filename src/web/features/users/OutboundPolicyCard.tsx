// 外发访问策略 (system admin): where chat robots and the SMTP server may be. Public addresses always;
// the intranet's private ranges only when allowed; single addresses or ranges listed one per line.
import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { notifyApi } from '../../../common/notify.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useFeedback } from '../../components/feedback.ts';
import { useI18n } from '../../i18n/index.tsx';

const KEY = ['notify-outbound'];
type Values = { allowPrivate: boolean; allow: string };

export function OutboundPolicyCard() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { ok, fail } = useFeedback();
  const [form] = Form.useForm<Values>();
  const q = useCall(notifyApi.outbound, {}, { queryKey: KEY });
  useEffect(() => {
    if (q.data) form.setFieldsValue({ allowPrivate: q.data.allowPrivate, allow: q.data.allow.join('\n') });
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      call(notifyApi.saveOutbound, {
        body: { allowPrivate: v.allowPrivate, allow: v.allow.split(/[\s,，]+/).filter(Boolean) },
      }),
    onSuccess: (d) => {
      qc.setQueryData(KEY, d);
      ok('外发访问策略已保存');
    },
    onError: (e) => fail(e, form),
  });
  return (
    <Card title={t('外发访问策略')} style={{ marginBottom: 16 }} loading={q.isPending}>
      <Typography.Paragraph type="secondary">
        {t('机器人和邮件服务器只能位于公网地址；本机、链路本地（含云平台元数据）、组播等地址始终禁止。内网服务器须在此放行。')}
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 640 }}>
        <Form.Item name="allowPrivate" label={t('允许访问内网地址（10.x、172.16–31.x、192.168.x 等）')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="allow" label={t('放行的地址或网段')} extra={t('每行一个，如 10.20.0.0/16 或 10.20.1.5')}>
          <Input.TextArea rows={4} className="yw-mono" placeholder="10.20.0.0/16" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
          {t('保存')}
        </Button>
      </Form>
    </Card>
  );
}
