// The steps a session may owe after the password: change it, enrol TOTP, or enter a TOTP code.
import { Button, Steps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { authApi } from '../../../common/auth.api.ts';
import { useAuth } from '../../app/auth.tsx';
import { FullSpin } from '../../app/guards.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { LoginShell } from './LoginShell.tsx';
import { TotpCodeForm, TotpEnrollPanel } from './TotpForms.tsx';
import { useContinue } from './useContinue.ts';

function StepFrame({ title, hint, current, children }: { title: string; hint: string; current: number; children: ReactNode }) {
  const { t } = useI18n();
  const { me, loading, logout } = useAuth();
  if (loading) return <FullSpin />;
  if (!me) return <Navigate to="/login" replace />;
  return (
    <LoginShell title={title}>
      <Steps
        size="small"
        current={current}
        style={{ marginBottom: 20 }}
        items={[{ title: t('密码') }, { title: t('安全验证') }, { title: t('进入系统') }]}
      />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 20px' }}>
        {hint}
      </Typography.Paragraph>
      {children}
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        <Button type="link" size="small" onClick={() => void logout()}>
          {t('退出，换个账号登录')}
        </Button>
      </div>
    </LoginShell>
  );
}

export function ChangePasswordStep() {
  const { t } = useI18n();
  const { me } = useAuth();
  const proceed = useContinue();
  return (
    <StepFrame
      title={t('修改初始密码')}
      hint={t('{name}，为保障账号安全，首次登录或密码被重置后须设置新密码。', { name: me?.displayName ?? '' })}
      current={0}
    >
      <ChangePasswordForm onDone={(n) => void proceed(n)} submitText={t('保存并继续')} />
    </StepFrame>
  );
}

export function TotpEnrollStep() {
  const { t } = useI18n();
  const proceed = useContinue();
  return (
    <StepFrame title={t('绑定动态口令')} hint={t('管理员账号须使用动态口令（TOTP）进行双因素认证。')} current={1}>
      <TotpEnrollPanel onDone={(n) => void proceed(n)} />
    </StepFrame>
  );
}

export function TotpVerifyStep() {
  const { t } = useI18n();
  const proceed = useContinue();
  return (
    <StepFrame title={t('输入动态口令')} hint={t('请打开身份验证器，输入当前显示的 6 位数字。')} current={1}>
      <TotpCodeForm route={authApi.totpVerify} onDone={(n) => void proceed(n)} submitText={t('验证并登录')} />
    </StepFrame>
  );
}
