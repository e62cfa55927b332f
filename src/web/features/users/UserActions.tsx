// The row actions of a user: edit, roles, and the account operations (reset password, unlock,
// reset TOTP, disable/enable).
import { DownOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Form, Input, Space, type MenuProps } from 'antd';
import { useState } from 'react';
import type { TUser } from '../../../common/auth.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { newPasswordRules } from '../auth/PasswordChecklist.tsx';
import { usersApi } from '../../../common/auth.api.ts';

/** Locked now, by the server's clock. */
export function isLocked(u: TUser): boolean {
  return u.locked;
}

/** A random password that meets the rules: 4 classes, 14 characters. */
function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#$%^&*-_=+'];
  const all = sets.join('');
  const pick = (s: string) => s[crypto.getRandomValues(new Uint32Array(1))[0]! % s.length]!;
  const chars = [...sets.map(pick), ...Array.from({ length: 10 }, () => pick(all))];
  return chars.sort(() => (crypto.getRandomValues(new Uint8Array(1))[0]! < 128 ? -1 : 1)).join('');
}

function ResetPasswordModal({ user, onClose }: { user: TUser | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  return (
    <FormModal<{ password: string }>
      open={!!user}
      onClose={onClose}
      title={t('重置密码：{name}', { name: user?.displayName ?? '' })}
      invalidate={['users']}
      successText="密码已重置，用户下次登录须修改密码"
      submit={(v) => call(usersApi.resetPassword, { params: { id: user!.id }, body: v })}
    >
      {(form) => (
        <>
          <Form.Item
            name="password"
            label={t('新的初始密码')}
            extra={t('请通过安全渠道告知用户；用户下次登录须修改密码，其现有会话将被终止。')}
            rules={newPasswordRules(t('请输入新密码'), lang)}
          >
            <Input className="yw-mono" autoComplete="off" />
          </Form.Item>
          <Button size="small" onClick={() => form.setFieldValue('password', generatePassword())}>
            {t('生成随机密码')}
          </Button>
        </>
      )}
    </FormModal>
  );
}

export function UserActions({ user, onEdit, onRoles }: { user: TUser; onEdit: () => void; onRoles: () => void }) {
  const { t } = useI18n();
  const { can, me } = useAuth();
  const { modal } = App.useApp();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [resetting, setResetting] = useState(false);
  const op = useMutation({
    mutationFn: (a: { run: () => Promise<unknown>; done: string }) => a.run(),
    onSuccess: async (_r, a) => {
      fb.ok(a.done);
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => fb.fail(e),
  });
  const confirm = (title: string, content: string, run: () => void, danger = false) =>
    modal.confirm({ title, content, okText: t('确定'), cancelText: t('取消'), okButtonProps: { danger }, onOk: run });

  const items: MenuProps['items'] = can('user.write')
    ? [
        { key: 'reset', label: t('重置密码') },
        { key: 'unlock', label: t('解除锁定'), disabled: !isLocked(user) },
        { key: 'totp', label: t('重置动态口令'), disabled: !user.totpEnabled },
        { type: 'divider' },
        user.disabled
          ? { key: 'enable', label: t('启用账号') }
          : { key: 'disable', label: t('停用账号'), danger: true, disabled: user.id === me?.id },
      ]
    : [];
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    const u = { params: { id: user.id } };
    const setDisabled = (disabled: boolean) => () => call(usersApi.update, { ...u, body: { disabled } });
    if (key === 'reset') setResetting(true);
    if (key === 'unlock') op.mutate({ run: () => call(usersApi.unlock, u), done: '已解除锁定' });
    if (key === 'totp')
      confirm(t('重置动态口令？'), t('{name} 下次登录时须重新绑定身份验证器。', { name: user.displayName }), () =>
        op.mutate({ run: () => call(usersApi.resetTotp, u), done: '动态口令已重置' }),
      );
    if (key === 'disable')
      confirm(
        t('停用账号？'),
        t('{name} 将无法登录，其现有会话立即失效。', { name: user.displayName }),
        () => op.mutate({ run: setDisabled(true), done: '账号已停用' }),
        true,
      );
    if (key === 'enable') op.mutate({ run: setDisabled(false), done: '账号已启用' });
  };
  return (
    <Space size={0}>
      {can('user.write') && (
        <Button type="link" size="small" onClick={onEdit}>
          {t('编辑')}
        </Button>
      )}
      {can('user.roles') && (
        <Button type="link" size="small" onClick={onRoles}>
          {t('分配角色')}
        </Button>
      )}
      {!!items.length && (
        <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']}>
          <Button type="link" size="small" loading={op.isPending}>
            {t('更多')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
      <ResetPasswordModal user={resetting ? user : null} onClose={() => setResetting(false)} />
    </Space>
  );
}
