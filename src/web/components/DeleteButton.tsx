// Delete with a confirmation; refreshes the given lists afterwards.
import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm } from 'antd';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import { useFeedback } from './feedback.ts';

export function DeleteButton({
  url,
  invalidate,
  confirm,
  label,
  icon,
}: {
  url: string;
  invalidate: string[];
  confirm: string;
  label?: string;
  icon?: boolean;
}) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => api.delete(url),
    onSuccess: async () => {
      fb.ok('已删除');
      await Promise.all(invalidate.map((k) => qc.invalidateQueries({ queryKey: [k] })));
    },
    onError: (e) => fb.fail(e),
  });
  return (
    <Popconfirm
      title={confirm}
      okText={t('删除')}
      okButtonProps={{ danger: true, loading: m.isPending }}
      cancelText={t('取消')}
      onConfirm={() => m.mutateAsync().catch(() => undefined)}
    >
      <Button type="link" size="small" danger icon={icon ? <DeleteOutlined /> : undefined} loading={m.isPending}>
        {label ?? t('删除')}
      </Button>
    </Popconfirm>
  );
}
