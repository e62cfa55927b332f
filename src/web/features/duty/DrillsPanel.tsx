// 应急演练与应急响应 (R-DUT-03): drills planned (scenario, date, participants) and held (timeline,
// findings, follow-ups); real emergencies measured from the alert to the first response and to
// recovery against the contract's targets (2 hours, 24 hours), month by month, with the dispatch
// median and whether the times were measured from desk tickets or typed by hand.
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DRILL_STATE_NAMES, type TDrill, type TEmergency, type TMonthMeasure } from '../../../common/duty-drills.ts';
import { drillsApi as api } from '../../../common/duty-drills.api.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { useLineLabel } from '../../components/LineTags.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { HoldForm } from './DrillHoldForm.tsx';

const STATE_COLOR = { planned: 'processing', held: 'success', cancelled: 'default' } as const;
type T = ReturnType<typeof useI18n>['t'];
const dur = (t: T, min: number | null) =>
  min === null ? '—' : min < 120 ? t('{n} 分钟', { n: min }) : t('{n} 小时', { n: (min / 60).toFixed(1) });

function PlanForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const label = useLineLabel();
  return (
    <FormModal<{ line: 'NET'; title: string; scenario: string; when: Dayjs; participants: string[] }, TDrill>
      open={open}
      onClose={onClose}
      title={t('制定演练计划')}
      successText="演练计划已登记"
      invalidate={['duty']}
      initialValues={{ line: 'NET', participants: [] }}
      submit={({ when, ...v }) => call(api.plan, { body: { ...v, plannedAt: when.toISOString() } })}
    >
      <Form.Item name="line" label={t('服务项目')} rules={[{ required: true }]}>
        <Select options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: label(c) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('演练名称')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="scenario" label={t('演练场景')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="when" label={t('计划时间')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="participants" label={t('参演人员')} rules={[{ required: true, message: t('请至少填写一名参演人员') }]}>
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} />
      </Form.Item>
    </FormModal>
  );
}

function DrillCard({ d, onHold }: { d: TDrill; onHold: (d: TDrill) => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const label = useLineLabel();
  return (
    <Card
      size="small"
      data-testid="drill-card"
      title={
        <Space wrap>
          {d.title}
          <Tag color={STATE_COLOR[d.state]}>{t(DRILL_STATE_NAMES[d.state])}</Tag>
        </Space>
      }
      extra={
        can('duty.write') &&
        d.state === 'planned' && (
          <Button size="small" onClick={() => onHold(d)}>
            {t('登记演练实施')}
          </Button>
        )
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('服务项目')}>{label(d.line)}</Descriptions.Item>
        <Descriptions.Item label={t('演练场景')}>{d.scenario}</Descriptions.Item>
        <Descriptions.Item label={d.heldStart ? t('演练时间') : t('计划时间')}>
          {d.heldStart && d.heldEnd ? `${fmtTime(d.heldStart)} – ${fmtTime(d.heldEnd)}` : fmtTime(d.plannedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('参演人员')}>{d.participants.join('、')}</Descriptions.Item>
      </Descriptions>
      {d.state === 'held' && (
        <Row gutter={16} style={{ marginTop: 8 }}>
          <Col xs={24} md={12}>
            <Typography.Title level={5}>{t('演练过程')}</Typography.Title>
            <Timeline items={d.timeline.map((e) => ({ children: `${fmtTime(e.at)} ${e.text}` }))} />
          </Col>
          <Col xs={24} md={12}>
            <Typography.Title level={5}>{t('发现问题')}</Typography.Title>
            <Typography.Paragraph>{d.findings}</Typography.Paragraph>
            <Typography.Title level={5}>{t('整改事项')}</Typography.Title>
            <List
              size="small"
              dataSource={d.followUps}
              locale={{ emptyText: t('无') }}
              renderItem={(f) => (
                <List.Item>
                  <div>
                    {f.text}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {[f.owner, f.due].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}

function Months({ months }: { months: TMonthMeasure[] }) {
  const { t } = useI18n();
  return (
    <Table<TMonthMeasure>
      rowKey="month"
      size="small"
      pagination={false}
      dataSource={[...months].reverse()}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'm', title: t('月份'), render: (_, m) => m.month },
        { key: 'c', title: t('应急事件'), render: (_, m) => m.count },
        {
          key: 's',
          title: t('计时来源'),
          render: (_, m) => (
            <Space size={4} wrap data-testid="month-sources">
              {m.count - m.manual > 0 && <Tag color="blue">{t('运维单实测 {n}', { n: m.count - m.manual })}</Tag>}
              {m.manual > 0 && <Tag color="warning">{t('手工填写 {n}', { n: m.manual })}</Tag>}
            </Space>
          ),
        },
        { key: 'r', title: t('响应达标'), render: (_, m) => `${m.responseMet}/${m.count}` },
        { key: 'v', title: t('恢复达标'), render: (_, m) => `${m.recoveryMet}/${m.count}` },
        { key: 'rm', title: t('响应用时（中位）'), render: (_, m) => dur(t, m.responseMedianMin) },
        { key: 'dm', title: t('派单用时（中位）'), render: (_, m) => dur(t, m.dispatchMedianMin) },
        { key: 'vm', title: t('恢复用时（中位）'), render: (_, m) => dur(t, m.recoveryMedianMin) },
      ]}
    />
  );
}

function Emergencies() {
  const { t } = useI18n();
  const label = useLineLabel();
  const [page, setPage] = useState(1);
  const list = useCall(api.emergencies, { query: { page, pageSize: 10 } });
  const met = (ok: boolean | null) =>
    ok === null ? <Tag>{t('处理中')}</Tag> : ok ? <Tag color="success">{t('达标')}</Tag> : <Tag color="error">{t('超时')}</Tag>;
  return (
    <Card title={t('应急响应考核')}>
      <Typography.Paragraph type="secondary">
        {t('目标：2 小时内响应到场，24 小时内恢复')}
        <br />
        {t('关联运维单的事件，各时间取自运维单记录（创建、首次回访、派单、到场、解决）；未关联的为手工填写，仅作参考。')}
      </Typography.Paragraph>
      <Months months={list.data?.months ?? []} />
      <Table<TEmergency>
        style={{ marginTop: 16 }}
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 't',
            title: t('事件'),
            // The source under the title, so a phone sees it without scrolling the table sideways.
            render: (_, e) => (
              <Space direction="vertical" size={2}>
                {`${e.title}${e.ticketNumber ? `（${e.ticketNumber}）` : ''}`}
                <Tag color={e.source === 'ticket' ? 'blue' : 'warning'} data-testid="emergency-source">
                  {e.source === 'ticket' ? t('运维单实测') : t('手工填写')}
                </Tag>
              </Space>
            ),
          },
          { key: 'l', title: t('服务项目'), responsive: ['md'], render: (_, e) => label(e.line) },
          { key: 'a', title: t('告警时间'), render: (_, e) => fmtTime(e.alertAt) },
          {
            key: 'r',
            title: t('响应用时'),
            render: (_, e) => (
              <Space size={4}>
                {dur(t, e.responseMin)}
                {met(e.responseMet)}
              </Space>
            ),
          },
          { key: 'dp', title: t('派单用时'), render: (_, e) => dur(t, e.dispatchMin) },
          {
            key: 'v',
            title: t('恢复用时'),
            render: (_, e) => (
              <Space size={4}>
                {dur(t, e.recoveryMin)}
                {met(e.recoveryMet)}
              </Space>
            ),
          },
          {
            key: 'd',
            title: t('处置与预防措施'),
            responsive: ['lg'],
            render: (_, e) => [e.dispatch, e.measures].filter(Boolean).join('；'),
          },
        ]}
      />
    </Card>
  );
}

export function DrillsPanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [params] = useSearchParams();
  const [page, setPage] = useState(1);
  const [planning, setPlanning] = useState(false);
  const [holding, setHolding] = useState<TDrill | null>(null);
  const list = useCall(api.list, { query: { page, pageSize: 10 } });
  const focus = params.get('drill');
  const items = (list.data?.items ?? []).filter((d) => !focus || d.id === focus);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message={t('按合同对紧急情况的反应速度、处理经验与预防措施进行考核（附件一 7.3）')}
        action={
          can('duty.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
              {t('制定演练计划')}
            </Button>
          )
        }
      />
      <List
        grid={{ gutter: 16, xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }}
        loading={list.isFetching}
        dataSource={items}
        locale={{ emptyText: t('暂无演练') }}
        pagination={(list.data?.total ?? 0) > 10 ? { current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage } : false}
        renderItem={(d) => (
          <List.Item>
            <DrillCard d={d} onHold={setHolding} />
          </List.Item>
        )}
      />
      <Emergencies />
      <PlanForm open={planning} onClose={() => setPlanning(false)} />
      {holding && <HoldForm drill={holding} onClose={() => setHolding(null)} />}
    </Space>
  );
}
