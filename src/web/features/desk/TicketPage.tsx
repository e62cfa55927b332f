// 运维单详情: the ticket's SLA clocks counting down live (ticket/SlaCard), the events that move them
// (ticket/TicketActions), the flow documents, work log, spares, attachments, timeline and fields.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Tabs, Tag } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { SlaCountdown, mostUrgent } from './clock.tsx';
import { LineLabel } from './DeskPage.tsx';
import { CATEGORY, SEVERITY, STATUS, useTicket } from './meta.ts';
import { DocumentsPanel } from './flow/Documents.tsx';
import { FlowPanel } from './flow/FlowPanel.tsx';
import { useFlow } from './flow/queries.ts';
import { TimelinePanel } from './flow/Timeline.tsx';
import { WorkLogPanel } from './flow/WorkLog.tsx';
import { TicketAttachments } from './Attachments.tsx';
import { TicketSpares } from './TicketSpares.tsx';
import { SlaCard } from './ticket/SlaCard.tsx';
import { TicketActions } from './ticket/TicketActions.tsx';
import { TicketDetails } from './ticket/TicketDetails.tsx';
import { CommentsPanel, useComments } from './ticket/Comments.tsx';
import { TicketKb } from './ticket/TicketKb.tsx';
import { deskFlowApi } from '../../../common/desk-flow.api.ts';
import { urlOf } from '../../api/client.ts';

export function TicketPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const q = useTicket(id);
  const flow = useFlow(id);
  const comments = useComments(id);
  // A mention's notification opens the thread (?tab=comments).
  const [sp] = useSearchParams();
  const tab = sp.get('tab') ?? undefined;
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/desk')}>
      {t('返回列表')}
    </Button>
  );
  if (q.isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (q.isError)
    return (
      <div>
        <PageHeader title={t('运维单')} extra={back} />
        <Alert type="error" showIcon title={problemMessage(q.error, lang)} action={<Link to="/desk">{t('返回列表')}</Link>} />
      </div>
    );
  const tk = q.data;
  const breached = tk.slas.some((s) => s.state === 'breached');
  const urgent = mostUrgent(tk.slas);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <PageHeader
        title={tk.title}
        subtitle={
          <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 6, marginTop: 2 }}>
            <span className="yw-mono" style={{ color: '#1f2937', marginInlineEnd: 4 }}>
              {tk.number}
            </span>
            <Tag style={{ marginInlineEnd: 0 }}>
              <LineLabel code={tk.serviceLine} />
            </Tag>
            <Tag style={{ marginInlineEnd: 0 }}>{pick(lang, CATEGORY[tk.category])}</Tag>
            <Tag color={SEVERITY[tk.severity].color} style={{ marginInlineEnd: 0 }}>
              {pick(lang, SEVERITY[tk.severity])}
            </Tag>
            <Tag color={STATUS[tk.status].color} style={{ marginInlineEnd: 0 }}>
              {pick(lang, STATUS[tk.status])}
            </Tag>
            {urgent && (
              <span style={{ marginInlineStart: 6 }}>
                <SlaCountdown sla={urgent} />
              </span>
            )}
          </span>
        }
        extra={
          <Space wrap>
            <Button
              icon={<PrinterOutlined />}
              href={urlOf(deskFlowApi.ticketWord, { params: { id: tk.id } })}
              download
              data-testid="ticket-word"
            >
              {t('导出运维单（Word）')}
            </Button>
            {back}
          </Space>
        }
      />
      {tk.status === 'merged' && tk.mergedIntoId && (
        <Alert
          type="info"
          showIcon
          title={t('此单已合并到另一张运维单')}
          action={<Link to={`/desk/${tk.mergedIntoId}`}>{t('查看')}</Link>}
        />
      )}
      {breached && <Alert type="error" showIcon title={t('有 SLA 已超时，请尽快处理并说明原因')} />}
      {can('desk.work') && tk.status !== 'closed' && tk.status !== 'merged' && (
        <Card size="small" title={t('处理')} styles={{ body: { padding: 16 } }}>
          <TicketActions tk={tk} />
        </Card>
      )}
      {flow.data && (
        <Card size="small" title={t('处理流程')} styles={{ body: { padding: 16 } }} data-testid="flow-card">
          <FlowPanel flow={flow.data} />
        </Card>
      )}
      {tk.slas.length ? (
        <Row gutter={[16, 16]}>
          {tk.slas.map((s) => (
            <Col key={s.target} xs={24} sm={12} xl={6}>
              <SlaCard sla={s} fetchedAt={q.dataUpdatedAt} />
            </Col>
          ))}
        </Row>
      ) : (
        <Alert type="info" showIcon title={t('此运维单没有适用的 SLA')} />
      )}
      <Card title={t('运维单信息')} size="small" styles={{ body: { padding: 16 } }}>
        <TicketDetails tk={tk} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" styles={{ body: { padding: '4px 16px 16px' } }}>
            <Tabs
              defaultActiveKey={tab}
              items={[
                ...(flow.data
                  ? [{ key: 'docs', label: t('处理文档'), children: <DocumentsPanel flow={flow.data} canWrite={can('desk.work')} /> }]
                  : []),
                {
                  key: 'work',
                  label: t('工作记录'),
                  children: (
                    <WorkLogPanel
                      ticketId={tk.id}
                      reportedAt={tk.reportedAt}
                      canWrite={can('desk.work') && tk.status !== 'closed' && tk.status !== 'merged'}
                    />
                  ),
                },
                ...(can('asset.read') || can('spare.write')
                  ? [{ key: 'spares', label: t('备件'), children: <TicketSpares ticketId={tk.id} /> }]
                  : []),
                {
                  key: 'files',
                  label: t('附件与照片'),
                  children: (
                    <TicketAttachments
                      ticketId={tk.id}
                      canUpload={
                        (can('desk.work') || can('desk.create') || can('desk.self')) && tk.status !== 'closed' && tk.status !== 'merged'
                      }
                    />
                  ),
                },
                {
                  key: 'comments',
                  label: comments.data?.total ? `${t('评论')} ${comments.data.total}` : t('评论'),
                  children: <CommentsPanel ticketId={tk.id} focus={tab === 'comments'} />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          {can('kb.read') && (
            <Card size="small" title={t('知识库')} styles={{ body: { padding: 16 } }}>
              <TicketKb tk={tk} />
            </Card>
          )}
          <Card size="small" title={t('时间线')} styles={{ body: { padding: 16, maxHeight: 560, overflowY: 'auto' } }}>
            <TimelinePanel ticketId={tk.id} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
