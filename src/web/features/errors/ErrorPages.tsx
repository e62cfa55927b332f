// 403, 404 and the last-resort page for a route that crashed.
import { Button, Result } from 'antd';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';

function Back() {
  const navigate = useNavigate();
  const { t } = useI18n();
  return (
    <Button type="primary" onClick={() => void navigate('/')}>
      {t('返回首页')}
    </Button>
  );
}

export function ForbiddenPage() {
  const { t } = useI18n();
  return <Result status="403" title="403" subTitle={t('您没有访问此页面的权限。如需开通，请联系安全管理员。')} extra={<Back />} />;
}

export function NotFoundPage() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('页面不存在，可能已被移动或地址有误。')} extra={<Back />} />;
}

export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useI18n();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Result
      status="500"
      title={t('页面出错了')}
      subTitle={error instanceof Error ? error.message : t('请刷新页面重试；如仍有问题，请联系系统管理员。')}
      extra={
        <Button type="primary" onClick={() => window.location.assign('/')}>
          {t('返回首页')}
        </Button>
      }
    />
  );
}
