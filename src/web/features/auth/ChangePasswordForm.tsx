// Current + new + confirm, with the live rule checklist. Used at sign-in and from the user menu.
import { LockOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import type { TPendingStep } from '../../../common/auth.ts';
import { call } from '../../api/client.ts';
import { useFeedback } from '../../components/feedback.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PasswordChecklist, newPasswordRules } from './PasswordChecklist.tsx';
import { authApi } from '../../../common/auth.api.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordForm({ onDone, submitText }: { onDone: (next: TPendingStep | null) => void; submitText?: string }) {
  const { t, lang } = useI18n();
  const fb = useFeedback();
  const [form] = Form.useForm<Values>();
  const pw = Form.useWatch('newPassword', form) ?? '';
  const m = useMutation({
    mutationFn: (v: Values) => call(authApi.changePassword, { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }),
    onSuccess: (r) => {
      fb.ok('密码已修改');
      onDone(r.next);
    },
    onError: (e) => fb.fail(e, form),
  });
  return (
    <Form form={form} layout="vertical" requiredMark onFinish={(v) => m.mutate(v)} autoComplete="off">
      <Form.Item name="currentPassword" label={t('当前密码')} rules={[{ required: true, message: t('请输入当前密码') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('新密码')} rules={newPasswordRules(t('请输入新密码'), lang)}>
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <PasswordChecklist value={pw} />
      <Form.Item
        name="confirm"
        label={t('确认新密码')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('请再次输入新密码') },
          ({ getFieldValue }) => ({
            validator: async (_r, v: string | undefined) => {
              if (v && v !== getFieldValue('newPassword')) throw new Error(t('两次输入的密码不一致'));
            },
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={m.isPending}>
        {submitText ?? t('修改密码')}
      </Button>
    </Form>
  );
}
