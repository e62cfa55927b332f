// TOTP: enrolment (QR code + secret, then a first code) and the 6-digit code form.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Skeleton, Typography } from 'antd';
import type { TPendingStep } from '../../../common/auth.ts';
import { TOTP_CODE } from '../../../common/patterns.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useFeedback } from '../../components/feedback.ts';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { authApi } from '../../../common/auth.api.ts';

export function TotpCodeForm({
  route,
  onDone,
  submitText,
}: {
  /** Confirm an enrolment, or verify the code at sign-in. */
  route: typeof authApi.totpConfirm | typeof authApi.totpVerify;
  onDone: (next: TPendingStep | null) => void;
  submitText: string;
}) {
  const { t } = useI18n();
  const fb = useFeedback();
  const [form] = Form.useForm<{ code: string }>();
  const m = useMutation({
    mutationFn: (code: string) => call(route, { body: { code } }),
    onSuccess: (r) => onDone(r.next),
    onError: (e) => {
      fb.fail(e, form);
      form.setFieldValue('code', '');
    },
  });
  return (
    <Form form={form} layout="vertical" requiredMark onFinish={(v) => m.mutate(v.code)}>
      <Form.Item
        name="code"
        label={t('动态口令')}
        rules={[
          { required: true, message: t('请输入 6 位动态口令') },
          { pattern: TOTP_CODE.re, message: t(TOTP_CODE.message) },
        ]}
      >
        <Input.OTP
          length={6}
          size="large"
          formatter={(s) => s.replace(/\D/g, '')}
          onChange={(v) => TOTP_CODE.re.test(v) && form.submit()}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={m.isPending}>
        {submitText}
      </Button>
    </Form>
  );
}

export function TotpEnrollPanel({ onDone }: { onDone: (next: TPendingStep | null) => void }) {
  const { t, lang } = useI18n();
  // A POST read as a query: each visit starts a new enrolment, never a cached one.
  const q = useCall(authApi.totpEnroll, {}, { staleTime: Infinity, gcTime: 0, retry: false });
  if (q.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (q.isError) return <Alert type="error" showIcon title={problemMessage(q.error, lang)} />;
  const secret = q.data.secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <div>
      <ol style={{ paddingLeft: 18, margin: '0 0 12px', color: '#4b5563', lineHeight: 1.8 }}>
        <li>{t('在手机上打开身份验证器（如 Microsoft Authenticator、Google Authenticator、腾讯身份验证器）')}</li>
        <li>{t('扫描下方二维码，或手动输入密钥')}</li>
        <li>{t('输入验证器显示的 6 位动态口令完成绑定')}</li>
      </ol>
      <div style={{ textAlign: 'center' }}>
        <img
          src={q.data.qr}
          alt={t('动态口令二维码')}
          width={180}
          height={180}
          style={{ border: '1px solid #e5e7eb', borderRadius: 8, padding: 4 }}
        />
      </div>
      <div style={{ textAlign: 'center', margin: '8px 0 16px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('密钥')}
        </Typography.Text>
        <Typography.Paragraph copyable={{ text: q.data.secret }} className="yw-mono" style={{ margin: 0, fontSize: 15, letterSpacing: 1 }}>
          {secret}
        </Typography.Paragraph>
      </div>
      <TotpCodeForm route={authApi.totpConfirm} onDone={onDone} submitText={t('完成绑定')} />
    </div>
  );
}
