// A modal holding a form: submits through a mutation, shows its loading state, maps the problem's
// field errors onto the fields, and closes on success.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { useFeedback } from './feedback.ts';

export interface FormModalProps<V, R> {
  open: boolean;
  title: string;
  onClose: () => void;
  initialValues?: Partial<V>;
  submit: (values: V) => Promise<R>;
  /** Query keys (first element) to refresh after success. */
  invalidate?: string[];
  successText?: string;
  onDone?: (r: R) => void;
  width?: number;
  okText?: string;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

export function FormModal<V extends object, R = unknown>(p: FormModalProps<V, R>) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [form] = Form.useForm<V>();
  const m = useMutation({
    mutationFn: p.submit,
    onSuccess: async (r) => {
      fb.ok(p.successText ?? '已保存');
      await Promise.all((p.invalidate ?? []).map((k) => qc.invalidateQueries({ queryKey: [k] })));
      p.onDone?.(r);
      p.onClose();
    },
    onError: (e) => fb.fail(e, form),
  });
  return (
    <Modal
      open={p.open}
      title={p.title}
      onCancel={p.onClose}
      onOk={() => form.submit()}
      okText={p.okText ?? t('保存')}
      confirmLoading={m.isPending}
      destroyOnHidden
      width={p.width ?? 560}
      mask={{ closable: false }}
    >
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={p.initialValues}
        onFinish={(v) => m.mutate(v)}
        preserve={false}
        style={{ marginTop: 12 }}
      >
        {typeof p.children === 'function' ? p.children(form) : p.children}
      </Form>
    </Modal>
  );
}
