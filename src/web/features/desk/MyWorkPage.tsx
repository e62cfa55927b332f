// 我的工作 / 我的报修: an engineer's open tickets (assigned to them, and new ones on their lines);
// agency staff's own tickets with the button to file a new one (self-service).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { TTicket } from '../../../common/desk.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { lineShort } from '../contract/lines.ts';
import { SlaCountdown, mostUrgent } from './clock.tsx';
import { SEVERITY, STATUS } from './meta.ts';
import { deskApi } from '../../../common/desk.api.ts';

function useColumns(): DTColumn<TTicket>[] {
  const { t, lang } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  return [
    {
      title: t('编号'),
      dataIndex: 'number',
      render: (v: string, r) => (
        <Link to={`/desk/${r.id}`} className="yw-mono" style={{ whiteSpace: 'nowrap' }}>
          {v}
        </Link>
      ),
    },
    {
      title: t('标题'),
      dataIndex: 'title',
      render: (v: string, r) => {
        const s = mostUrgent(r.slas);
        return (
          <div style={{ maxWidth: phone ? 200 : 380, minWidth: 150 }}>
            <Typography.Text ellipsis={{ tooltip: v }} style={{ display: 'block' }}>
              <Link to={`/desk/${r.id}`} style={{ color: 'inherit' }}>
                {v}
              </Link>
            </Typography.Text>
            <span style={{ fontSize: 12, color: '#6b7280' }}>
              {lineShort(r.serviceLine, lang)} · {fmtTime(r.reportedAt)}
            </span>
            {phone && s && (
              <div>
                <SlaCountdown sla={s} size={12} />
              </div>
            )}
          </div>
        );
      },
    },
    {
      title: t('级别'),
      dataIndex: 'severity',
      render: (v: TTicket['severity']) => <Tag color={SEVERITY[v].color}>{pick(lang, SEVERITY[v])}</Tag>,
    },
    {
      title: t('状态'),
      dataIndex: 'status',
      render: (v: TTicket['status']) => <Tag color={STATUS[v].color}>{pick(lang, STATUS[v])}</Tag>,
    },
    {
      title: t('SLA 计时'),
      key: 'sla',
      responsive: ['md'],
      render: (_: unknown, r) => {
        const s = mostUrgent(r.slas);
        return s ? <SlaCountdown sla={s} /> : <Typography.Text type="secondary">—</Typography.Text>;
      },
    },
  ];
}

export function MyWorkPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const columns = useColumns();
  const engineer = can('desk.read');
  const fileButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/desk/new')}>
      {engineer ? t('登记运维单') : t('我要报修')}
    </Button>
  );

  if (!engineer)
    return (
      <div>
        <PageHeader title={t('我的报修')} subtitle={t('本人提交的报修及处理进度；维修完成后由信息中心测试确认')} extra={fileButton} />
        <Card>
          <DataTable queryKey="tickets" source={deskApi.listTickets} rowKey="id" columns={columns} params={{ mine: true }} />
        </Card>
      </div>
    );

  return (
    <div>
      <PageHeader
        title={t('我的工作')}
        subtitle={t('分派给我的未关闭运维单，以及我负责的服务项目中尚未处理的新单')}
        extra={can('desk.create') && fileButton}
      />
      <Card>
        <Tabs
          items={[
            {
              key: 'assigned',
              label: t('分派给我'),
              children: (
                <DataTable
                  queryKey="tickets"
                  source={deskApi.listTickets}
                  rowKey="id"
                  columns={columns}
                  params={{ assignee: 'me', open: true }}
                  exportSource={deskApi.exportTickets}
                />
              ),
            },
            {
              key: 'new',
              label: t('待处理新单'),
              children: (
                <DataTable
                  queryKey="tickets"
                  source={deskApi.listTickets}
                  rowKey="id"
                  columns={columns}
                  params={{ status: 'new' }}
                  exportSource={deskApi.exportTickets}
                />
              ),
            },
            {
              key: 'risk',
              label: t('预警或超时'),
              children: (
                <DataTable
                  queryKey="tickets"
                  source={deskApi.listTickets}
                  rowKey="id"
                  columns={columns}
                  params={{ sla: 'at_risk', open: true }}
                  exportSource={deskApi.exportTickets}
                />
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
