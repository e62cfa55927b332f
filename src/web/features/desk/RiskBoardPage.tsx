// SLA 风险看板: every clock still counting on an open ticket, the nearest breach first, with live
// countdowns; a chart of how many are running, in warning or breached per service line.
import { keepPreviousData } from '@tanstack/react-query';
import { Card, Col, Empty, Grid, List, Pagination, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { ZRiskQuery } from '../../../common/desk.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { lineShort } from '../contract/lines.ts';
import { SlaCountdown, TONE_COLOR, liveState, useNow } from './clock.tsx';
import { LineLabel } from './DeskPage.tsx';
import { SEVERITY, TARGET } from './meta.ts';
import { deskApi } from '../../../common/desk.api.ts';
import { useCall } from '../../api/query.ts';

type RiskQuery = z.input<typeof ZRiskQuery>;

const STATES = [
  { key: 'breached', zh: '已超时', en: 'Breached', color: TONE_COLOR.breached },
  { key: 'warning', zh: '预警（≥80%）', en: 'Warning (≥80%)', color: TONE_COLOR.warning },
  { key: 'running', zh: '计时中', en: 'Running', color: '#1554ad' },
] as const;

export function RiskBoardPage() {
  const { t, lang } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const [line, setLine] = useState<RiskQuery['serviceLine']>();
  const [target, setTarget] = useState<RiskQuery['target']>();
  const [page, setPage] = useState(1);
  const q = useCall(
    deskApi.risk,
    { query: { serviceLine: line, target, page, pageSize: 30 } },
    { placeholderData: keepPreviousData, refetchInterval: 30_000 },
  );
  const nowMs = useNow();
  const counts = useMemo(() => q.data?.counts ?? [], [q.data]);
  const sum = (state: string) => counts.filter((c) => c.state === state).reduce((a, c) => a + c.n, 0);

  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: SERVICE_LINE_CODES.map((c) => lineShort(c, lang)), inverse: true },
      series: STATES.map((s) => ({
        name: pick(lang, s),
        type: 'bar',
        stack: 'n',
        itemStyle: { color: s.color },
        barMaxWidth: 26,
        data: SERVICE_LINE_CODES.map((c) => counts.find((x) => x.serviceLine === c && x.state === s.key)?.n ?? 0),
      })),
    }),
    [counts, lang],
  );

  const filters = (
    <Space wrap>
      <Select
        allowClear
        placeholder={t('服务项目')}
        style={{ width: 120 }}
        value={line}
        onChange={(v: RiskQuery['serviceLine']) => (setLine(v), setPage(1))}
        options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineShort(c, lang) }))}
      />
      <Select
        allowClear
        placeholder={t('计时目标')}
        style={{ width: 110 }}
        value={target}
        onChange={(v: RiskQuery['target']) => (setTarget(v), setPage(1))}
        options={(Object.keys(TARGET) as (keyof typeof TARGET)[]).map((k) => ({ value: k, label: pick(lang, TARGET[k]) }))}
      />
    </Space>
  );

  return (
    <div>
      <PageHeader title={t('SLA 风险看板')} subtitle={t('未达成的 SLA 计时，按距离超时的时间排序；每 30 秒刷新，倒计时实时走动')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card>
            <Row gutter={8}>
              {STATES.map((s) => (
                <Col span={8} key={s.key}>
                  <Statistic title={pick(lang, s)} value={sum(s.key)} valueStyle={{ color: s.color, fontWeight: 600 }} />
                </Col>
              ))}
            </Row>
            <EChart option={option} height={phone ? 200 : 240} />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title={t('即将或已经超时')} extra={phone ? undefined : filters} styles={{ body: { paddingTop: 8 } }}>
            {phone && <div style={{ marginBottom: 8 }}>{filters}</div>}
            {q.data && !q.data.items.length ? (
              <Empty description={t('没有未达成的 SLA 计时')} />
            ) : (
              <List
                loading={q.isPending}
                dataSource={q.data?.items ?? []}
                rowKey={(r) => `${r.ticketId}-${r.sla.target}`}
                renderItem={(r) => {
                  const tone = liveState(r.sla, nowMs);
                  return (
                    <List.Item
                      style={{
                        borderInlineStart: `4px solid ${tone === 'ok' ? '#1554ad' : TONE_COLOR[tone]}`,
                        paddingInlineStart: 12,
                        marginBottom: 6,
                      }}
                      data-testid="risk-item"
                      extra={phone ? undefined : <SlaCountdown sla={r.sla} size={15} />}
                    >
                      <List.Item.Meta
                        title={
                          <Space size={6} wrap>
                            <Link to={`/desk/${r.ticketId}`} className="yw-mono">
                              {r.number}
                            </Link>
                            <Tag color={SEVERITY[r.severity].color} style={{ marginInlineEnd: 0 }}>
                              {pick(lang, SEVERITY[r.severity])}
                            </Tag>
                            <Typography.Text ellipsis style={{ maxWidth: phone ? 300 : 360 }}>
                              {r.title}
                            </Typography.Text>
                          </Space>
                        }
                        description={
                          <Space size={12} wrap style={{ fontSize: 12 }}>
                            {phone && <SlaCountdown sla={r.sla} size={13} />}
                            <LineLabel code={r.serviceLine} />
                            <span>{r.assigneeName ? `${t('处理人')}：${r.assigneeName}` : t('未分派')}</span>
                          </Space>
                        }
                      />
                    </List.Item>
                  );
                }}
              />
            )}
            {(q.data?.total ?? 0) > 30 && (
              <Pagination
                style={{ marginTop: 12, textAlign: 'end' }}
                current={page}
                pageSize={30}
                total={q.data?.total ?? 0}
                onChange={setPage}
                showSizeChanger={false}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
