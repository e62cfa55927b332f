// 校验审计链: walks the hash chain on the server and reports the first changed or missing record.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import type { z } from 'zod';
import type { ZAuditVerify } from '../../../common/audit.ts';
import { call } from '../../api/client.ts';
import { useFeedback } from '../../components/feedback.ts';
import { useI18n } from '../../i18n/index.tsx';
import { auditApi } from '../../../common/audit.api.ts';

type Result = z.infer<typeof ZAuditVerify>;

const REASON: Record<string, string> = { changed: '记录内容被篡改', missing: '记录缺失', broken_link: '哈希链断开' };

export function useVerify() {
  const fb = useFeedback();
  return useMutation({ mutationFn: () => call(auditApi.verify), onError: (e) => fb.fail(e) });
}

export function VerifyButton({ verify }: { verify: ReturnType<typeof useVerify> }) {
  const { t } = useI18n();
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
      {t('校验审计链')}
    </Button>
  );
}

export function VerifyResult({ result, onClose }: { result: Result | undefined; onClose: () => void }) {
  const { t } = useI18n();
  if (!result) return null;
  return result.ok ? (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      title={t('审计链完整')}
      description={t('已校验 {n} 条记录（至第 {seq} 条），未发现篡改或缺失。', { n: result.checked, seq: result.lastSeq })}
      data-testid="verify-result"
    />
  ) : (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      title={t('审计链校验未通过')}
      description={t('第 {seq} 条：{reason}。已校验 {n} 条记录。', {
        seq: result.firstBad?.seq ?? '?',
        reason: t(REASON[result.firstBad?.reason ?? ''] ?? result.firstBad?.reason ?? ''),
        n: result.checked,
      })}
      data-testid="verify-result"
    />
  );
}
