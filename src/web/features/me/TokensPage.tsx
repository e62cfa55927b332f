// 我的 API 令牌: personal tokens for integrations, shown once at creation, stored hashed, revocable.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { ZToken, ZTokenCreated } from '../../../common/auth.ts';
import { call } from '../../api/client.ts';
import { DeleteButton } from '../../components/DeleteButton.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { authApi } from '../../../common/auth.api.ts';
import { useCall } from '../../api/query.ts';

type Token = z.infer<typeof ZToken>;
type Created = z.infer<typeof ZTokenCreated>;

function tokenState(tk: Token): 'revoked' | 'expired' | 'active' {
  if (tk.revokedAt) return 'revoked';
  if (tk.expiresAt && new Date(tk.expiresAt).getTime() < Date.now()) return 'expired';
  return 'active';
}

export function TokensPage() {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const q = useCall(authApi.listTokens, {}, { queryKey: ['tokens'] });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const STATE = { active: [t('有效'), 'green'], expired: [t('已过期'), 'default'], revoked: [t('已撤销'), 'red'] } as const;
  const refresh = useMutation({ mutationFn: () => qc.invalidateQueries({ queryKey: ['tokens'] }) });
  return (
    <div>
      <PageHeader
        title={t('我的 API 令牌')}
        subtitle={t('供集成系统以 Authorization: Bearer 调用接口，拥有与本人相同的权限，所有调用均记入审计日志')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('创建令牌')}
          </Button>
        }
      />
      {q.isError && <Alert type="error" showIcon title={problemMessage(q.error, lang)} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<Token>
          rowKey="id"
          loading={q.isPending || refresh.isPending}
          dataSource={q.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('还没有 API 令牌') }}
          columns={[
            { title: t('名称'), dataIndex: 'name' },
            { title: t('前缀'), dataIndex: 'prefix', render: (v: string) => <span className="yw-mono">{v}…</span> },
            { title: t('状态'), key: 'state', render: (_, tk) => <Tag color={STATE[tokenState(tk)][1]}>{STATE[tokenState(tk)][0]}</Tag> },
            { title: t('创建时间'), dataIndex: 'createdAt', render: fmtTime },
            { title: t('最近使用'), dataIndex: 'lastUsedAt', render: fmtTime },
            { title: t('到期时间'), dataIndex: 'expiresAt', render: (v: string | null) => (v ? fmtTime(v) : t('永不过期')) },
            {
              title: t('操作'),
              key: 'op',
              render: (_, tk) =>
                tokenState(tk) === 'active' && (
                  <DeleteButton
                    route={authApi.revokeToken}
                    params={{ id: tk.id }}
                    invalidate={['tokens']}
                    label={t('撤销')}
                    confirm={t('撤销令牌“{name}”？使用它的集成将立即无法访问。', { name: tk.name })}
                  />
                ),
            },
          ]}
        />
      </Card>
      <FormModal<{ name: string; expiresInDays: number | null }>
        open={creating}
        onClose={() => setCreating(false)}
        title={t('创建 API 令牌')}
        okText={t('创建')}
        successText="令牌已创建"
        invalidate={['tokens']}
        initialValues={{ expiresInDays: 90 }}
        onDone={(r) => setCreated(r as Created)}
        submit={(v) => call(authApi.createToken, { body: { name: v.name, expiresInDays: v.expiresInDays ?? null } })}
      >
        <Form.Item
          name="name"
          label={t('名称')}
          rules={[{ required: true, whitespace: true, message: t('请输入令牌名称') }]}
          extra={t('用于识别令牌的用途，如“监控平台对接”')}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('有效期（天）')} extra={t('留空表示永不过期；建议设置有效期并定期更换')}>
          <InputNumber min={1} max={3650} style={{ width: 200 }} />
        </Form.Item>
      </FormModal>
      <Modal
        open={!!created}
        title={t('令牌已创建')}
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            {t('我已妥善保存')}
          </Button>
        }
        mask={{ closable: false }}
      >
        <Alert
          type="warning"
          showIcon
          title={t('令牌只显示这一次，关闭后无法再次查看，请立即复制并妥善保存。')}
          style={{ marginBottom: 16 }}
        />
        <Typography.Paragraph
          copyable={{ text: created?.token }}
          className="yw-mono"
          style={{ background: '#f7f8fa', padding: '10px 12px', borderRadius: 6, wordBreak: 'break-all' }}
          data-testid="new-token"
        >
          {created?.token}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('调用示例：')}
          <code>curl -H "Authorization: Bearer …" {window.location.origin}/api/auth/me</code>
        </Typography.Text>
      </Modal>
    </div>
  );
}
