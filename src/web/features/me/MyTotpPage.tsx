// 绑定动态口令 (TOTP) from the user menu.
import { Alert, Button, Card, Result } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { TotpEnrollPanel } from '../auth/TotpForms.tsx';

export function MyTotpPage() {
  const { t } = useI18n();
  const { me, refresh } = useAuth();
  const navigate = useNavigate();
  const [started, setStarted] = useState(false);
  return (
    <div>
      <PageHeader title={t('绑定动态口令')} subtitle={t('启用后，每次登录除密码外还须输入身份验证器上的 6 位动态口令')} />
      <Card style={{ maxWidth: 520 }}>
        {me?.totpEnabled ? (
          <Result
            status="success"
            title={t('动态口令已启用')}
            subTitle={t('如需更换手机或重新绑定，请联系系统管理员重置动态口令。')}
            extra={<Button onClick={() => void navigate('/')}>{t('返回首页')}</Button>}
          />
        ) : (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('建议所有账号启用动态口令；三员账号必须启用。')} />
            {started ? (
              <TotpEnrollPanel
                onDone={() => {
                  void refresh().then(() => navigate('/'));
                }}
              />
            ) : (
              <Button type="primary" size="large" block onClick={() => setStarted(true)}>
                {t('生成密钥并开始绑定')}
              </Button>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
