// 运维单详情: the ticket's SLA clocks counting down live, the events that move them (call-back,
// arrival, resolution, report to the agency, pause with a reason, resume), and the ticket's fields.
import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  CarOutlined,
  FileDoneOutlined,
  PauseCircleOutlined,
  PhoneOutlined,
  PlayCircleOutlined,
  PrinterOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Grid,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Radio,
  Row,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { TSla, TTicket, TTicketEvent } from '../../../common/desk.ts';
import { api } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { hoursShort, lineName } from '../contract/lines.ts';
import { useRooms, useSites } from '../org/queries.ts';
import { SlaCountdown, TONE_COLOR, fmtDuration, fmtSpan, isOpen, liveState, mostUrgent, useNow } from './clock.tsx';
import { LineLabel } from './DeskPage.tsx';
import { CATEGORY, CHANNEL, PAUSE_REASONS, SEVERITY, STATUS, TARGET, ticketKey, useTicket } from './meta.ts';
import { DocumentsPanel } from './flow/Documents.tsx';
import { FlowPanel } from './flow/FlowPanel.tsx';
import { useFlow } from './flow/queries.ts';
import { TimelinePanel } from './flow/Timeline.tsx';
import { WorkLogPanel } from './flow/WorkLog.tsx';
import { TicketAttachments } from './Attachments.tsx';
import { ASSET_NUMBER } from './AssetPicker.tsx';
import { TicketSpares } from './TicketSpares.tsx';

const STATE_TAG: Record<TSla['state'], { zh: string; en: string; color: string }> = {
  running: { zh: '计时中', en: 'Running', color: 'processing' },
  warning: { zh: '即将超时', en: 'Due soon', color: 'warning' },
  breached: { zh: '已超时', en: 'Breached', color: 'error' },
  paused: { zh: '已暂停', en: 'Paused', color: 'default' },
  met: { zh: '已达成', en: 'Met', color: 'success' },
  met_late: { zh: '超时达成', en: 'Met late', color: 'orange' },
};

/** One SLA clock: what it measures, where it stands, when it is due. */
function SlaCard({ sla, fetchedAt }: { sla: TSla; fetchedAt: number }) {
  const { t, lang } = useI18n();
  const nowMs = useNow();
  const tone = liveState(sla, nowMs);
  const open = isOpen(sla);
  // 7×24 clocks count wall time, so their percentage moves on between refreshes.
  let percent = sla.percent;
  if (open && sla.profile === '7x24' && !sla.paused && sla.state !== 'breached' && sla.durationMs > 0) {
    percent += ((nowMs - fetchedAt) / sla.durationMs) * 100;
  }
  const shown = tone === 'breached' ? Math.max(100, percent) : percent;
  const stateKey: TSla['state'] = tone === 'breached' ? 'breached' : tone === 'warning' ? 'warning' : sla.state;
  const st = STATE_TAG[stateKey];
  const barColor = tone === 'warning' || tone === 'late' ? '#fa8c16' : tone === 'paused' ? '#bfbfbf' : undefined;
  return (
    <Card
      size="small"
      style={{ height: '100%', borderTop: `3px solid ${tone === 'ok' ? '#1554ad' : TONE_COLOR[tone]}` }}
      styles={{ body: { padding: 16 } }}
      data-testid={`sla-card-${sla.target}`}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <span style={{ fontWeight: 600, fontSize: 15, color: '#1f2937' }}>{pick(lang, TARGET[sla.target].long)}</span>
        <Tag color={st.color} style={{ marginInlineEnd: 0 }}>
          {pick(lang, st)}
        </Tag>
      </div>
      <div style={{ margin: '12px 0 4px', minHeight: 32, display: 'flex', alignItems: 'baseline', flexWrap: 'wrap', columnGap: 10 }}>
        {open ? (
          <>
            <SlaCountdown sla={sla} withTarget={false} size={22} />
            {sla.paused && (
              <span style={{ fontSize: 12, color: '#6b7280', fontVariantNumeric: 'tabular-nums' }}>
                {t('恢复后剩余 {d}', { d: fmtSpan(sla.remainingMs, lang) })}
                {sla.pauseReason && ` · ${sla.pauseReason}`}
              </span>
            )}
          </>
        ) : (
          <span style={{ fontSize: 16, fontWeight: 600, color: TONE_COLOR[tone] }}>
            <CheckCircleOutlined /> {fmtTime(sla.metAt)}
          </span>
        )}
      </div>
      <Progress
        percent={Math.min(100, Math.round(shown))}
        showInfo={false}
        size="small"
        strokeColor={barColor}
        status={tone === 'met' ? 'success' : tone === 'breached' ? 'exception' : 'normal'}
      />
      <div
        style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 10, rowGap: 2, fontSize: 12, marginTop: 8, color: '#6b7280' }}
      >
        <span>{open ? (sla.state === 'paused' ? t('预计截止') : t('截止')) : t('截止')}</span>
        <span style={{ color: '#1f2937', fontVariantNumeric: 'tabular-nums' }}>{fmtTime(sla.dueAt)}</span>
        {!open && (
          <>
            <span>{t('达成于')}</span>
            <span style={{ color: '#1f2937', fontVariantNumeric: 'tabular-nums' }}>{fmtTime(sla.metAt)}</span>
          </>
        )}
        <span>{t('时段')}</span>
        <span>
          <Tag color={sla.profile === '7x24' ? 'volcano' : 'geekblue'} style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 6 }}>
            {hoursShort(sla.profile)}
          </Tag>
          {t('已用 {p}%', { p: Math.round(shown) })}
        </span>
        <span>{t('暂停')}</span>
        <span style={{ color: sla.pausedMs ? '#1f2937' : undefined }}>{fmtDuration(sla.pausedMs, lang)}</span>
      </div>
    </Card>
  );
}

type PauseValues = { choice: string; note?: string };

function PauseModal({
  open,
  onClose,
  onPause,
  busy,
}: {
  open: boolean;
  onClose: () => void;
  onPause: (reason: string) => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<PauseValues>();
  const choice = Form.useWatch('choice', form);
  return (
    <Modal
      open={open}
      title={t('暂停计时')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('暂停计时')}
      confirmLoading={busy}
      destroyOnHidden
      width={480}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('暂停期间 SLA 不计时；原因记入审计日志，恢复后继续计时。')}
      </Typography.Paragraph>
      <Form<PauseValues>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => {
          const note = v.note?.trim() ?? '';
          onPause(v.choice === 'other' ? note : note ? `${v.choice}：${note}` : v.choice);
        }}
      >
        <Form.Item name="choice" label={t('原因')} rules={[{ required: true, message: t('请选择暂停原因') }]}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {PAUSE_REASONS.map((r) => (
              <Radio key={r} value={r}>
                {t(r)}
                {r === '不可抗力' && <Typography.Text type="secondary"> {t('（顺延受影响的期限）')}</Typography.Text>}
              </Radio>
            ))}
            <Radio value="other">{t('其他')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label={choice === 'other' ? t('说明') : t('补充说明')}
          rules={choice === 'other' ? [{ required: true, whitespace: true, message: t('请说明暂停原因') }] : []}
        >
          <Input.TextArea rows={2} maxLength={400} placeholder={t('如：等待厂商寄送电源模块，预计明日到货')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface Action {
  kind: TTicketEvent['kind'];
  label: string;
  icon: ReactNode;
  enabled: boolean;
  why?: string;
  primary?: boolean;
}

function useActions(tk: TTicket): Action[] {
  const { t } = useI18n();
  const clock = (target: TSla['target']) => tk.slas.find((s) => s.target === target);
  const meet = (target: TSla['target'], fallback: boolean): boolean => {
    const c = clock(target);
    return c ? isOpen(c) : fallback;
  };
  const open = tk.slas.filter(isOpen);
  const canPause = open.some((s) => !s.paused);
  const canResume = open.some((s) => s.paused);
  const firstOpen = ['callback', 'onsite', 'resolve', 'report'].find((x) => open.some((s) => s.target === x));
  const acts: Action[] = [
    { kind: 'callback', label: t('已回电'), icon: <PhoneOutlined />, enabled: meet('callback', false) },
    { kind: 'arrive', label: t('已到场'), icon: <CarOutlined />, enabled: meet('onsite', tk.status === 'new') },
    { kind: 'resolve', label: t('已解决'), icon: <ToolOutlined />, enabled: meet('resolve', tk.status !== 'resolved') },
    { kind: 'report', label: t('已报告甲方'), icon: <FileDoneOutlined />, enabled: meet('report', false) },
    { kind: 'pause', label: t('暂停计时'), icon: <PauseCircleOutlined />, enabled: canPause },
    { kind: 'resume', label: t('恢复计时'), icon: <PlayCircleOutlined />, enabled: canResume },
  ];
  const target = { callback: 'callback', arrive: 'onsite', resolve: 'resolve', report: 'report' } as const;
  for (const a of acts) {
    if (a.kind in target && target[a.kind as keyof typeof target] === firstOpen) a.primary = true;
    if (!a.enabled)
      a.why = a.kind === 'pause' ? t('没有正在计时的 SLA') : a.kind === 'resume' ? t('没有已暂停的 SLA') : t('已记录或不适用');
  }
  return acts;
}

function Actions({ tk }: { tk: TTicket }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const phone = Grid.useBreakpoint().md === false;
  const [pausing, setPausing] = useState(false);
  const m = useMutation({
    mutationFn: (ev: TTicketEvent) => api.post<TTicket>(`/api/tickets/${tk.id}/events`, ev),
    onSuccess: async (next, ev) => {
      qc.setQueryData(ticketKey(tk.id), next);
      setPausing(false);
      fb.ok(DONE[ev.kind]);
      await qc.invalidateQueries({ queryKey: ['tickets'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
    onError: (e) => fb.fail(e),
  });
  const acts = useActions(tk);
  const button = (a: Action) => {
    const b = (
      <Button
        key={a.kind}
        icon={a.icon}
        type={a.primary && a.enabled ? 'primary' : 'default'}
        disabled={!a.enabled || m.isPending}
        loading={m.isPending && m.variables?.kind === a.kind}
        block={phone}
        size={phone ? 'large' : 'middle'}
        title={a.why}
        onClick={a.kind === 'pause' ? () => setPausing(true) : a.kind === 'resume' ? () => m.mutate({ kind: 'resume' }) : undefined}
      >
        {a.label}
      </Button>
    );
    if (a.kind === 'pause' || a.kind === 'resume' || !a.enabled) return b;
    return (
      <Popconfirm
        key={a.kind}
        title={t('记录“{x}”？', { x: a.label })}
        description={t('时间记为现在')}
        okText={t('确认')}
        onConfirm={() => m.mutate({ kind: a.kind })}
      >
        {b}
      </Popconfirm>
    );
  };
  const main = acts.filter((a) => a.kind !== 'pause' && a.kind !== 'resume');
  const clock = acts.filter((a) => a.kind === 'pause' || a.kind === 'resume');
  return (
    <>
      <div
        style={
          phone
            ? { display: 'flex', flexDirection: 'column', gap: 10 }
            : { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }
        }
        data-testid="ticket-actions"
      >
        {main.map(button)}
        {!phone && <div style={{ width: 1, height: 24, background: '#e5e7eb', margin: '0 4px' }} />}
        {phone ? <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}>{clock.map(button)}</div> : clock.map(button)}
      </div>
      <PauseModal
        open={pausing}
        onClose={() => setPausing(false)}
        busy={m.isPending}
        onPause={(reason) => m.mutate({ kind: 'pause', reason })}
      />
    </>
  );
}

const DONE: Record<TTicketEvent['kind'], string> = {
  callback: '已记录回电',
  arrive: '已记录到场',
  resolve: '已记录解决',
  report: '已记录报告甲方',
  pause: '计时已暂停',
  resume: '计时已恢复',
};

/** The ticket's assets text with every asset number linked to its page. */
function AssetsText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(ASSET_NUMBER)) {
    parts.push(text.slice(last, m.index));
    parts.push(
      <Link key={m.index} to={`/a/${m[0]}`} className="yw-mono">
        {m[0]}
      </Link>,
    );
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return <span style={{ whiteSpace: 'pre-wrap' }}>{parts}</span>;
}

function Details({ tk }: { tk: TTicket }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const sites = useSites(can('org.read') && !!tk.siteId);
  const rooms = useRooms(can('org.read') && !!tk.roomId);
  const site = sites.data?.items.find((s) => s.id === tk.siteId);
  const room = rooms.data?.items.find((r) => r.id === tk.roomId);
  const dash = (s: string | null | undefined) => (s ? s : <Typography.Text type="secondary">—</Typography.Text>);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 2, xl: 3 }}
      styles={{ label: { whiteSpace: 'nowrap', width: 100 } }}
      items={[
        { key: 'number', label: t('编号'), children: <span className="yw-mono">{tk.number}</span> },
        { key: 'line', label: t('服务项目'), children: lineName(tk.serviceLine, lang) },
        { key: 'category', label: t('类别'), children: pick(lang, CATEGORY[tk.category]) },
        { key: 'severity', label: t('级别'), children: <Tag color={SEVERITY[tk.severity].color}>{pick(lang, SEVERITY[tk.severity])}</Tag> },
        { key: 'status', label: t('状态'), children: <Tag color={STATUS[tk.status].color}>{pick(lang, STATUS[tk.status])}</Tag> },
        { key: 'channel', label: t('来源'), children: pick(lang, CHANNEL[tk.channel]) },
        { key: 'reportedAt', label: t('来电时间'), children: fmtTime(tk.reportedAt) },
        { key: 'createdAt', label: t('登记时间'), children: fmtTime(tk.createdAt) },
        { key: 'updatedAt', label: t('更新时间'), children: fmtTime(tk.updatedAt) },
        { key: 'requester', label: t('来电人'), children: dash(tk.requesterName) },
        {
          key: 'phone',
          label: t('来电号码'),
          children: tk.requesterPhone ? (
            <a href={`tel:${tk.requesterPhone.replace(/[^\d+]/g, '')}`} className="yw-mono">
              <PhoneOutlined /> {tk.requesterPhone}
            </a>
          ) : (
            dash('')
          ),
        },
        { key: 'dept', label: t('部门'), children: dash(tk.requesterDepartment) },
        { key: 'site', label: t('地点'), children: dash(tk.siteId ? (site?.name ?? '…') : '') },
        {
          key: 'room',
          label: t('机房/房间'),
          children: dash(tk.roomId ? (room ? [room.name, room.building, room.floor].filter(Boolean).join(' · ') : '…') : ''),
        },
        {
          key: 'assets',
          label: t('涉及设备'),
          span: { xs: 1, sm: 2, xl: 1 },
          children: tk.assetsText ? <AssetsText text={tk.assetsText} /> : dash(''),
        },
        {
          key: 'description',
          label: t('问题描述'),
          span: 'filled',
          children: <div style={{ whiteSpace: 'pre-wrap', minHeight: 22 }}>{dash(tk.description)}</div>,
        },
      ]}
    />
  );
}

export function TicketPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const q = useTicket(id);
  const flow = useFlow(id);
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
            <Button icon={<PrinterOutlined />} href={`/api/tickets/${tk.id}/word`} download data-testid="ticket-word">
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
          <Actions tk={tk} />
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
        <Details tk={tk} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" styles={{ body: { padding: '4px 16px 16px' } }}>
            <Tabs
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
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('时间线')} styles={{ body: { padding: 16, maxHeight: 560, overflowY: 'auto' } }}>
            <TimelinePanel ticketId={tk.id} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
