// Delete with a confirmation; refreshes the given lists afterwards.
import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm } from 'antd';
import { call, type CallInput, type Callable } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import { useFeedback } from './feedback.ts';

type Delete = Callable & { method: 'DELETE' };
const remove = call as (e: Delete, input: { params: unknown }) => Promise<unknown>;

export function DeleteButton<E extends Delete>({
  route,
  params,
  invalidate,
  confirm,
  label,
  icon,
}: {
  /** The delete route's contract and the record's path parameters. */
  route: E;
  params: CallInput<E>['params'];
  invalidate: string[];
  confirm: string;
  label?: string;
  icon?: boolean;
}) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => remove(route, { params }),
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
