// Saved filters of a list: pick one to apply it, save the current filters under a name, delete.
// Stored per user on the server (GET/POST/DELETE /api/views).
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Input, Popover, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { VIEW_SCOPES } from '../../common/views.ts';
import { viewsApi } from '../../common/views.api.ts';
import { call } from '../api/client.ts';
import { useCall, callKey } from '../api/query.ts';
import { useI18n } from '../i18n/index.tsx';
import { useFeedback } from './feedback.ts';

type Plain = Record<string, string | number | boolean>;

export function SavedViews({
  scope,
  current,
  onApply,
}: {
  scope: (typeof VIEW_SCOPES)[number];
  current: Record<string, unknown>;
  onApply: (q: Plain) => void;
}) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const listKey = callKey(viewsApi.list, { query: { scope } });
  const views = useCall(viewsApi.list, { query: { scope } });
  const plain: Plain = Object.fromEntries(
    Object.entries(current).filter(
      (e): e is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof e[1]) && e[1] !== '',
    ),
  );
  const save = useMutation({
    mutationFn: () => call(viewsApi.create, { body: { scope, name: name.trim(), query: plain } }),
    onSuccess: async (v) => {
      fb.ok('筛选已保存');
      setOpen(false);
      setName('');
      setChosen(v.id);
      await qc.invalidateQueries({ queryKey: listKey });
    },
    onError: (e) => fb.fail(e),
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(viewsApi.remove, { params: { id } }),
    onSuccess: async () => {
      fb.ok('筛选已删除');
      setChosen(null);
      await qc.invalidateQueries({ queryKey: listKey });
    },
    onError: (e) => fb.fail(e),
  });
  return (
    <Space.Compact>
      <Select
        allowClear
        placeholder={t('我的筛选')}
        style={{ width: 150 }}
        value={chosen}
        loading={views.isPending}
        onChange={(id: string | undefined) => {
          setChosen(id ?? null);
          const v = views.data?.find((x) => x.id === id);
          onApply(v ? (v.query as Plain) : {});
        }}
        options={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
        notFoundContent={t('还没有保存的筛选')}
      />
      {chosen && (
        <Tooltip title={t('删除此筛选')}>
          <Button icon={<DeleteOutlined />} aria-label={t('删除此筛选')} loading={remove.isPending} onClick={() => remove.mutate(chosen)} />
        </Tooltip>
      )}
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        title={t('保存当前筛选')}
        content={
          <Space.Compact style={{ width: 260 }}>
            <Input
              autoFocus
              maxLength={40}
              placeholder={t('名称，如：我的网络故障')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={() => name.trim() && save.mutate()}
            />
            <Button type="primary" disabled={!name.trim()} loading={save.isPending} onClick={() => save.mutate()}>
              {t('保存')}
            </Button>
          </Space.Compact>
        }
      >
        <Tooltip title={t('保存当前筛选')}>
          <Button icon={<SaveOutlined />} aria-label={t('保存当前筛选')} />
        </Tooltip>
      </Popover>
    </Space.Compact>
  );
}
