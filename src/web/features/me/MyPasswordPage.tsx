// 修改密码 from the user menu.
import { Card } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ChangePasswordForm } from '../auth/ChangePasswordForm.tsx';

export function MyPasswordPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div>
      <PageHeader title={t('修改密码')} subtitle={t('密码至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类')} />
      <Card style={{ maxWidth: 520 }}>
        <ChangePasswordForm onDone={() => void navigate('/')} />
      </Card>
    </div>
  );
}
