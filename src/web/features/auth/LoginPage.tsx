// Sign-in: username and password, then whatever step the server says is owed.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { authApi } from '../../../common/auth.api.ts';
import { takeExpiredFlag, useAuth, type LoginState } from '../../app/auth.tsx';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { LoginShell } from './LoginShell.tsx';
import { STEP_PATH } from './steps.ts';
import { useContinue } from './useContinue.ts';

interface Values {
  username: string;
  password: string;
}

const REASONS: Record<string, { type: 'warning' | 'success' | 'info'; text: string }> = {
  'auth.session_expired': { type: 'warning', text: '长时间未操作，会话已超时，请重新登录' },
  'auth.required': { type: 'info', text: '请先登录' },
  logged_out: { type: 'success', text: '您已安全退出' },
};

export function LoginPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const location = useLocation();
  const proceed = useContinue();
  const [form] = Form.useForm<Values>();
  const state = (location.state as LoginState | null) ?? {};
  const [expired] = useState(takeExpiredFlag);
  const m = useMutation({
    mutationFn: (v: Values) => call(authApi.login, { body: v }, { quiet401: true }),
    onSuccess: (r) => proceed(r.next),
    onError: () => form.setFieldValue('password', ''),
  });

  if (me && !m.isPending && !m.isSuccess) return <Navigate to={me.pending ? STEP_PATH[me.pending] : '/'} replace />;
  const reasonCode = state.reason ?? (expired ? 'auth.session_expired' : undefined);
  const reason = reasonCode ? REASONS[reasonCode] : undefined;

  return (
    <LoginShell title={t('登录')}>
      <Typography.Title level={3} style={{ margin: 0, letterSpacing: 1 }}>
        {t('欢迎登录')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 24px' }}>
        {t('运维 · 运维服务合同管理平台')}
      </Typography.Paragraph>
      {m.isError ? (
        <Alert type="error" showIcon title={problemMessage(m.error, lang)} style={{ marginBottom: 20 }} data-testid="login-error" />
      ) : (
        reason && <Alert type={reason.type} showIcon title={t(reason.text)} style={{ marginBottom: 20 }} />
      )}
      <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={(v) => m.mutate(v)} autoComplete="on">
        <Form.Item name="username" label={t('用户名')} rules={[{ required: true, whitespace: true, message: t('请输入用户名') }]}>
          <Input prefix={<UserOutlined style={{ color: '#9ca3af' }} />} placeholder={t('用户名')} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('密码')} rules={[{ required: true, message: t('请输入密码') }]}>
          <Input.Password prefix={<LockOutlined style={{ color: '#9ca3af' }} />} placeholder={t('密码')} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={m.isPending} style={{ marginTop: 8 }}>
          {t('登录')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '20px 0 0', lineHeight: 1.7 }}>
        {t('连续 5 次密码错误将锁定账号 15 分钟；30 分钟无操作自动退出。忘记密码请联系系统管理员重置。')}
      </Typography.Paragraph>
    </LoginShell>
  );
}
