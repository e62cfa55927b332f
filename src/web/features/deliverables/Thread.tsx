// The comments of both sides under a summary (the thread an objection opens), and the box to add one.
import { Button, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TComment } from '../../../common/deliverables.ts';
import { fmtTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';

export function Thread({ comments, onSend, busy }: { comments: TComment[]; onSend?: (body: string) => Promise<boolean>; busy: boolean }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <List
        size="small"
        locale={{ emptyText: t('暂无讨论') }}
        dataSource={comments}
        renderItem={(c) => (
          <List.Item>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap size={4}>
                <Tag color={c.side === 'agency' ? 'blue' : 'green'}>{c.side === 'agency' ? t('甲方') : t('乙方')}</Tag>
                <Typography.Text strong>{c.authorName}</Typography.Text>
                <Typography.Text type="secondary">{`${fmtTime(c.at)} · ${t('第 {n} 版', { n: c.version })}`}</Typography.Text>
              </Space>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.body}</Typography.Paragraph>
            </Space>
          </List.Item>
        )}
      />
      {onSend && (
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            rows={2}
            maxLength={2000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder={t('写下意见或答复')}
            data-testid="thread-input"
          />
          <Button loading={busy} disabled={!body.trim()} onClick={() => void onSend(body).then((ok) => ok && setBody(''))}>
            {t('发送')}
          </Button>
        </Space.Compact>
      )}
    </Space>
  );
}
