// The ticket's way into the knowledge base (R-SD-08): articles filed from it, the line's articles to
// look through while working it, and — once it is resolved — filing its solution as an article.
import { BookOutlined, FileAddOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { TTicket } from '../../../../common/desk.ts';
import { kbApi } from '../../../../common/desk.api.ts';
import { useCall } from '../../../api/query.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useI18n } from '../../../i18n/index.tsx';

export function TicketKb({ tk }: { tk: TTicket }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const filed = useCall(kbApi.search, { query: { sourceTicketId: tk.id, page: 1, pageSize: 5 } });
  const line = useCall(kbApi.search, { query: { serviceLine: tk.serviceLine, page: 1, pageSize: 3 } });
  const done = tk.status === 'resolved' || tk.status === 'closed';
  const own = filed.data?.items ?? [];
  const others = (line.data?.items ?? []).filter((a) => !own.some((o) => o.id === a.id));
  const links = (xs: typeof own) => (
    <ul style={{ margin: '4px 0 8px', paddingInlineStart: 18 }}>
      {xs.map((a) => (
        <li key={a.id}>
          <Link to={`/kb/${a.id}`}>{a.title}</Link>
        </li>
      ))}
    </ul>
  );
  return (
    <div data-testid="ticket-kb">
      {own.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('由此单整理的文章')}</Typography.Text>
          {links(own)}
        </>
      )}
      {others.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('本服务项目的最新文章')}</Typography.Text>
          {links(others)}
        </>
      )}
      <Space wrap>
        <Button size="small" icon={<BookOutlined />} onClick={() => void navigate(`/kb?line=${tk.serviceLine}`)}>
          {t('在知识库中查找')}
        </Button>
        {can('kb.write') && done && !own.length && (
          <Button
            size="small"
            icon={<FileAddOutlined />}
            onClick={() => void navigate(`/kb/new?fromTicket=${tk.id}`)}
            data-testid="kb-from-ticket"
          >
            {t('整理为知识库文章')}
          </Button>
        )}
      </Space>
    </div>
  );
}
