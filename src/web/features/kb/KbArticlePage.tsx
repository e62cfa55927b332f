// One knowledge base article: the problem, its cause and the solution, as plain text with its line
// breaks kept (React escapes it: nothing a writer types is ever read as HTML), and the ticket it
// was filed from.
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton, Space, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { kbApi } from '../../../common/desk.api.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { ArticleTags, LineChip } from './meta.tsx';

function Section({ title, text, testId }: { title: string; text: string; testId: string }) {
  return (
    <section style={{ marginBottom: 20 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <div data-testid={testId} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.8, color: '#1f2937' }}>
        {text}
      </div>
    </section>
  );
}

export function KbArticlePage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const q = useCall(kbApi.get, { params: { id } });
  const back = (
    // Back to the list as it was (search and filters), or to the knowledge base when opened directly.
    <Button icon={<ArrowLeftOutlined />} onClick={() => void (window.history.length > 1 ? navigate(-1) : navigate('/kb'))}>
      {t('返回知识库')}
    </Button>
  );
  if (!q.data)
    return q.isError ? (
      <Alert type="error" showIcon title={problemMessage(q.error, lang)} action={back} />
    ) : (
      <Skeleton active paragraph={{ rows: 8 }} style={{ padding: 24 }} />
    );
  const a = q.data;
  return (
    <div>
      <PageHeader
        title={a.title}
        subtitle={
          <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 6, marginTop: 2 }}>
            <LineChip code={a.serviceLine} />
            <ArticleTags a={a} onPick={(tag) => void navigate(`/kb?tag=${encodeURIComponent(tag)}`)} />
            <span>
              {t('更新于')} {fmtTime(a.updatedAt)}
            </span>
          </span>
        }
        extra={
          <Space wrap>
            {can('kb.write') && (
              <Button icon={<EditOutlined />} onClick={() => void navigate(`/kb/${a.id}/edit`)} data-testid="kb-edit">
                {t('编辑')}
              </Button>
            )}
            {back}
          </Space>
        }
      />
      <Card styles={{ body: { maxWidth: 880 } }}>
        <Section title={t('问题现象')} text={a.problem} testId="kb-problem" />
        {a.cause && <Section title={t('原因分析')} text={a.cause} testId="kb-cause" />}
        <Section title={t('解决方法')} text={a.solution} testId="kb-solution" />
        {a.sourceTicketId && (
          <Typography.Text type="secondary">
            {t('整理自运维单')}{' '}
            {can('desk.read') || can('desk.self') ? <Link to={`/desk/${a.sourceTicketId}`}>{t('查看运维单')}</Link> : null}
          </Typography.Text>
        )}
      </Card>
    </div>
  );
}
