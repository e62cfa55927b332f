// Assign roles (security admin). The server refuses two of the three administrator roles (三员分立, 409).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TUser } from '../../../common/auth.ts';
import { isApiError, call } from '../../api/client.ts';
import { useFeedback } from '../../components/feedback.ts';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { ADMIN_COLOR, roleLabel, useRoles } from './roles.ts';
import { usersApi } from '../../../common/auth.api.ts';

export function UserRolesModal({ user, onClose }: { user: TUser | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const roles = useRoles(!!user);
  const [picked, setPicked] = useState<{ id: string; codes: string[] } | null>(null);
  const codes = picked && picked.id === user?.id ? picked.codes : (user?.roles ?? []);
  const m = useMutation({
    mutationFn: () => call(usersApi.setRoles, { params: { id: user!.id }, body: { roles: codes } }),
    onSuccess: async () => {
      fb.ok('角色已更新');
      await qc.invalidateQueries({ queryKey: ['users'] });
      setPicked(null);
      onClose();
    },
    onError: (e) => {
      if (!(isApiError(e) && e.code === 'role.admin_separation')) fb.fail(e);
    },
  });
  const separation = m.isError && isApiError(m.error) && m.error.code === 'role.admin_separation';
  const all = roles.data?.items ?? [];
  const admins = all.filter((r) => r.adminKind);
  const others = all.filter((r) => !r.adminKind);
  const set = (next: string[]) => {
    m.reset();
    setPicked({ id: user!.id, codes: next });
  };
  const group = (title: string, list: typeof all) => (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <Checkbox.Group
        value={codes}
        onChange={(v) => set(v.map(String))}
        style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}
      >
        {list.map((r) => (
          <Checkbox key={r.code} value={r.code}>
            <span>{roleLabel(r, lang)}</span>
            {r.adminKind && (
              <Tag color={ADMIN_COLOR[r.adminKind]} style={{ marginInlineStart: 8 }}>
                {t('三员')}
              </Tag>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
              {r.description}
            </Typography.Text>
          </Checkbox>
        ))}
      </Checkbox.Group>
    </div>
  );
  return (
    <Modal
      open={!!user}
      title={t('分配角色：{name}', { name: user ? `${user.displayName}（${user.username}）` : '' })}
      onCancel={() => {
        setPicked(null);
        m.reset();
        onClose();
      }}
      onOk={() => m.mutate()}
      okText={t('保存')}
      confirmLoading={m.isPending}
      width={620}
      destroyOnHidden
    >
      {separation && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('三员分立')}
          description={problemMessage(m.error, lang)}
          data-testid="separation-error"
        />
      )}
      {group(t('管理员角色（系统、安全、审计管理员不得由同一账号兼任）'), admins)}
      {group(t('业务角色'), others)}
    </Modal>
  );
}
