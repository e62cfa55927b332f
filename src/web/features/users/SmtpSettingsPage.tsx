// 邮件服务器 (system admin, permission notify.admin): the SMTP server notifications are sent with.
// The password is stored encrypted and never shown again; leaving it empty keeps the stored one.
import { MailOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TSmtpInput } from '../../../common/notify.ts';
import { call } from '../../api/client.ts';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { notifyApi } from '../../../common/notify.api.ts';
import { useCall } from '../../api/query.ts';
import { OutboundPolicyCard } from './OutboundPolicyCard.tsx';

const KEY = ['notify-smtp'];
type Values = { host: string; port: number; secure: boolean; user: string; password: string; clearPassword: boolean; from: string };

export function SmtpSettingsPage() {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const { ok, fail } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [to, setTo] = useState('');
  const [result, setResult] = useState<{ ok: boolean; to: string; error?: string } | null>(null);
  const q = useCall(notifyApi.smtp, {}, { queryKey: KEY });

  useEffect(() => {
    if (q.data) form.setFieldsValue({ ...q.data, port: q.data.port || 25, password: '', clearPassword: false });
  }, [q.data, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: TSmtpInput = { host: v.host, port: v.port, secure: v.secure, user: v.user ?? '', from: v.from };
      if (v.password) body.password = v.password;
      else if (v.clearPassword) body.password = null;
      return call(notifyApi.saveSmtp, { body });
    },
    onSuccess: (d) => {
      qc.setQueryData(KEY, d);
      ok('邮件服务器设置已保存');
    },
    onError: (e) => fail(e, form),
  });
  const test = useMutation({
    mutationFn: () => call(notifyApi.testSmtp, { body: to.trim() ? { to: to.trim() } : {} }),
    onSuccess: setResult,
    onError: (e) => fail(e),
  });
  const d = q.data;

  return (
    <div>
      <PageHeader title={t('邮件服务器')} subtitle={t('通知邮件（SLA 超时、升级等）经此 SMTP 服务器发送；密码加密保存，不会再次显示')} />
      {q.isError && <Alert type="error" showIcon title={problemMessage(q.error, lang)} style={{ marginBottom: 16 }} />}
      <Card style={{ marginBottom: 16 }} loading={q.isPending}>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v)}
          style={{ maxWidth: 640 }}
          initialValues={{ port: 25, secure: false }}
        >
          <Row gutter={12}>
            <Col xs={24} sm={16}>
              <Form.Item
                name="host"
                label={t('服务器地址')}
                rules={[{ required: true, whitespace: true, message: t('请输入 SMTP 服务器地址') }]}
              >
                <Input placeholder="smtp.example.gov.cn" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="port" label={t('端口')} rules={[{ required: true, message: t('请输入端口') }]}>
                <InputNumber min={1} max={65535} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="secure" valuePropName="checked" extra={t('端口 465 通常使用 SSL/TLS；587 或 25 使用 STARTTLS（自动）')}>
            <Checkbox>{t('使用 SSL/TLS 连接')}</Checkbox>
          </Form.Item>
          <Form.Item name="from" label={t('发件人')} rules={[{ required: true, whitespace: true, message: t('请输入发件人地址') }]}>
            <Input placeholder='"运维平台" <noreply@example.gov.cn>' autoComplete="off" />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="user" label={t('用户名')} extra={t('服务器不要求登录时留空')}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="password" label={t('密码')} extra={d?.passwordSet ? t('已设置；留空则保持不变') : t('未设置')}>
                <Input.Password autoComplete="new-password" placeholder={d?.passwordSet ? '••••••••' : ''} />
              </Form.Item>
            </Col>
          </Row>
          {d?.passwordSet && (
            <Form.Item name="clearPassword" valuePropName="checked">
              <Checkbox>{t('清除已保存的密码')}</Checkbox>
            </Form.Item>
          )}
          <Space wrap>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
              {t('保存')}
            </Button>
            {d?.updatedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('最近保存')} {fmtTime(d.updatedAt)}
              </Typography.Text>
            )}
          </Space>
        </Form>
      </Card>
      <OutboundPolicyCard />
      <Card title={t('发送测试邮件')}>
        <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
          <Input value={to} onChange={(e) => setTo(e.target.value)} placeholder={t('收件人（留空发给本人邮箱）')} autoComplete="off" />
          <Button icon={<MailOutlined />} loading={test.isPending} disabled={!d?.configured} onClick={() => test.mutate()}>
            {t('发送')}
          </Button>
        </Space.Compact>
        {!d?.configured && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('请先保存服务器设置')}
          </Typography.Paragraph>
        )}
        {result && (
          <Alert
            style={{ marginTop: 12 }}
            showIcon
            type={result.ok ? 'success' : 'error'}
            title={result.ok ? t('测试邮件已发送至 {to}', { to: result.to }) : t('发送失败：{error}', { error: result.error ?? '' })}
          />
        )}
      </Card>
    </div>
  );
}
