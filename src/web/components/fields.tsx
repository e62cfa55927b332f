// Form fields several forms share, with the same checks and limits everywhere.
import { Form, Input } from 'antd';
import { useI18n } from '../i18n/index.tsx';

/** 电子邮箱: optional, checked as an address, at most 200 characters. */
export function EmailField({ name = 'email' }: { name?: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={t('电子邮箱')} rules={[{ type: 'email', message: t('邮箱格式不正确') }]}>
      <Input maxLength={200} />
    </Form.Item>
  );
}
