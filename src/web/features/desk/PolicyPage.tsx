// SLA 策略与严重程度 (R-SD-02..04): the contract's service-level targets per service line and
// severity, as the agency keeps them, and the definitions of the four severities. Holders of
// desk.policy (the agency manager) edit both; a change applies to tickets logged afterwards.
import { EditOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Grid,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import type { TableColumnType } from 'antd';
import {
  POLICY_MAX_MS,
  POLICY_MIN_MS,
  SEVERITY_TEXT_MAX,
  durationWords,
  type TSeverityDefinition,
  type TSeverityList,
  type TSeverityUpdate,
  type TSlaPolicyList,
  type TSlaPolicyRow,
} from '../../../common/desk-policy.ts';
import { SERVICE_LINE_CODES, type ServiceLineCode } from '../../../common/service-lines.ts';
import { HOTLINE_PROFILE, SEVERITIES, SLA_TARGETS, defaultPolicies, type SlaTarget } from '../../../common/sla.ts';
import { api } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n, type Lang } from '../../i18n/index.tsx';
import { LINE_COLOR, hoursShort, lineName, lineShort } from '../contract/lines.ts';
import { CATEGORY, SEVERITY, TARGET, severitiesKey, severityHint, useSeverities } from './meta.ts';

type Target = TSlaPolicyRow['targets'][number];
type Profile = Target['profile'];

const POLICIES_KEY = 'sla-policies';
const MIN = 60_000;
const HOUR = 60 * MIN;
const UNITS = {
  minute: { ms: MIN, zh: '分钟', en: 'minutes' },
  hour: { ms: HOUR, zh: '小时', en: 'hours' },
  workday: { ms: 9 * HOUR, zh: '个工作日', en: 'working days' },
  day: { ms: 24 * HOUR, zh: '天', en: 'days' },
} as const;
type Unit = keyof typeof UNITS;
/** 工作日 (9 business hours) only makes sense under 5×9, 天 (24 h) only under 7×24. */
const UNITS_OF: Record<Profile, Unit[]> = { '5x9': ['minute', 'hour', 'workday'], '7x24': ['minute', 'hour', 'day'] };
/** Target names on this page (TARGET's long callback name has the 5 minutes in it). */
const TARGET_NAME: Record<SlaTarget, { zh: string; en: string }> = {
  callback: TARGET.callback,
  onsite: TARGET.onsite,
  resolve: TARGET.resolve,
  report: TARGET.report.long,
};

const contractOf = (p: TSlaPolicyRow) =>
  defaultPolicies.find((d) => d.serviceLine === p.serviceLine && d.severity === p.severity && (d.category ?? null) === p.category);

const sameTargets = (a: readonly Target[], b: readonly Target[]) =>
  a.length === b.length && a.every((x) => b.some((y) => y.target === x.target && y.durationMs === x.durationMs && y.profile === x.profile));

function scopeName(p: TSlaPolicyRow, lang: Lang): string {
  if (p.category === null) return lang === 'en-US' ? 'All tickets' : '全部运维单';
  return pick(lang, CATEGORY[p.category]);
}

function TargetText({ x }: { x: Target }) {
  const { lang } = useI18n();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span data-testid="policy-duration">{durationWords(x.durationMs, x.profile, lang)}</span>
      <Tag style={{ marginInlineStart: 6, marginInlineEnd: 0, fontSize: 11 }} color={x.profile === '7x24' ? 'geekblue' : undefined}>
        {hoursShort(x.profile)}
      </Tag>
    </span>
  );
}

// ---------------------------------------------------------------------------------------------
// Edit one policy

type TargetForm = { on: boolean; n: number | null; unit: Unit; profile: Profile };
type PolicyForm = Record<SlaTarget, TargetForm>;

const FALLBACK: Record<SlaTarget, Target> = {
  callback: { target: 'callback', durationMs: 5 * MIN, profile: '7x24' },
  onsite: { target: 'onsite', durationMs: 9 * HOUR, profile: '5x9' },
  resolve: { target: 'resolve', durationMs: 24 * HOUR, profile: '7x24' },
  report: { target: 'report', durationMs: 24 * HOUR, profile: '7x24' },
};

function toForm(x: Target, on: boolean): TargetForm {
  const units = [...UNITS_OF[x.profile]].reverse();
  const unit = units.find((u) => x.durationMs % UNITS[u].ms === 0 && (u !== 'day' || x.durationMs > UNITS.day.ms)) ?? 'minute';
  return { on, n: x.durationMs / UNITS[unit].ms, unit, profile: x.profile };
}

function TargetRow({ target, contract }: { target: SlaTarget; contract: Target | undefined }) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance<PolicyForm>();
  const on = Form.useWatch([target, 'on'], form) ?? false;
  const profile: Profile = Form.useWatch([target, 'profile'], form) ?? '7x24';
  return (
    <div style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid={`policy-target-${target}`}>
      <Row gutter={[8, 4]} align="middle" wrap>
        <Col xs={24} sm={6}>
          <Form.Item name={[target, 'on']} valuePropName="checked" noStyle>
            <Checkbox>
              <b>{pick(lang, TARGET_NAME[target])}</b>
            </Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} sm={18}>
          <Form.Item style={{ marginBottom: 0 }}>
            <Space.Compact>
              <Form.Item
                name={[target, 'n']}
                noStyle
                rules={[
                  { required: on, message: t('请输入时限') },
                  ({ getFieldValue }) => ({
                    validator: (_, n: number | null) => {
                      if (!getFieldValue([target, 'on']) || n === null || n === undefined) return Promise.resolve();
                      const ms = Math.round(n * UNITS[getFieldValue([target, 'unit']) as Unit].ms);
                      return ms >= POLICY_MIN_MS && ms <= POLICY_MAX_MS
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('时限须在 1 分钟到 30 天之间')));
                    },
                  }),
                ]}
              >
                <InputNumber disabled={!on} min={1} precision={0} style={{ width: 90 }} aria-label={t('时限')} />
              </Form.Item>
              <Form.Item name={[target, 'unit']} noStyle>
                <Select
                  disabled={!on}
                  style={{ width: 110 }}
                  options={UNITS_OF[profile].map((u) => ({ value: u, label: pick(lang, UNITS[u]) }))}
                />
              </Form.Item>
              <Form.Item name={[target, 'profile']} noStyle>
                <Select
                  disabled={!on}
                  style={{ width: 92 }}
                  options={(['5x9', '7x24'] as const).map((p) => ({ value: p, label: hoursShort(p) }))}
                  onChange={(p: Profile) => {
                    const unit = form.getFieldValue([target, 'unit']) as Unit;
                    if (!UNITS_OF[p].includes(unit)) form.setFieldValue([target, 'unit'], 'hour');
                  }}
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col xs={24} sm={{ span: 18, offset: 6 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('合同约定')}：
            {contract ? `${durationWords(contract.durationMs, contract.profile, lang)} · ${hoursShort(contract.profile)}` : t('无此目标')}
          </Typography.Text>
        </Col>
      </Row>
    </div>
  );
}

function PolicyModal({ policy, onClose }: { policy: TSlaPolicyRow | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const contract = policy ? contractOf(policy) : undefined;
  const initial = useMemo(() => {
    if (!policy) return {};
    const out = {} as PolicyForm;
    for (const k of SLA_TARGETS) {
      const own = policy.targets.find((x) => x.target === k);
      const base = own ??
        contract?.targets.find((x) => x.target === k) ?? {
          ...FALLBACK[k],
          profile: k === 'callback' ? HOTLINE_PROFILE[policy.serviceLine] : FALLBACK[k].profile,
        };
      out[k] = toForm(base, !!own);
    }
    return out;
  }, [policy, contract]);
  if (!policy) return null;
  return (
    <FormModal<PolicyForm, TSlaPolicyRow>
      open
      title={t('修改 SLA 策略')}
      onClose={onClose}
      width={620}
      initialValues={initial}
      invalidate={[POLICIES_KEY]}
      successText="SLA 策略已保存"
      submit={(v) =>
        api.put<TSlaPolicyRow>(`/api/sla-policies/${policy.id}`, {
          targets: SLA_TARGETS.filter((k) => v[k].on).map((k) => ({
            target: k,
            durationMs: Math.round((v[k].n ?? 0) * UNITS[v[k].unit].ms),
            profile: v[k].profile,
          })),
        })
      }
    >
      <Space size={6} wrap style={{ marginBottom: 8 }}>
        <Tag color={LINE_COLOR[policy.serviceLine]}>{lineName(policy.serviceLine, lang)}</Tag>
        <Tag color={SEVERITY[policy.severity].color}>{pick(lang, SEVERITY[policy.severity])}</Tag>
        <Tag>{scopeName(policy, lang)}</Tag>
      </Space>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 8 }}
        title={t('只对此后登记的运维单生效；已登记的运维单保留原有时限和计时。')}
      />
      {SLA_TARGETS.map((k) => (
        <TargetRow key={k} target={k} contract={contract?.targets.find((x) => x.target === k)} />
      ))}
      <Form.Item
        name="_any"
        style={{ marginTop: 8, marginBottom: 0 }}
        dependencies={SLA_TARGETS.map((k) => [k, 'on'])}
        rules={[
          ({ getFieldValue }) => ({
            validator: () =>
              SLA_TARGETS.some((k) => getFieldValue([k, 'on'])) ? Promise.resolve() : Promise.reject(new Error(t('至少保留一项时限目标'))),
          }),
        ]}
        extra={
          <>
            {t('上次修改')}：{fmtTime(policy.updatedAt)}
          </>
        }
      >
        <span />
      </Form.Item>
    </FormModal>
  );
}

// ---------------------------------------------------------------------------------------------
// The policies of one service line

function LinePolicies({
  line,
  items,
  phone,
  canEdit,
  onEdit,
}: {
  line: ServiceLineCode;
  items: TSlaPolicyRow[];
  phone: boolean;
  canEdit: boolean;
  onEdit: (p: TSlaPolicyRow) => void;
}) {
  const { t, lang } = useI18n();
  const rows = useMemo(
    () =>
      [...items].sort(
        (a, b) =>
          SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.category === null ? 0 : 1) - (b.category === null ? 0 : 1),
      ),
    [items],
  );
  const span = (r: TSlaPolicyRow, i: number) =>
    i > 0 && rows[i - 1]!.severity === r.severity ? 0 : rows.filter((x) => x.severity === r.severity).length;
  const adjusted = (p: TSlaPolicyRow) => {
    const c = contractOf(p);
    return !c || !sameTargets(c.targets, p.targets);
  };
  const scope = (p: TSlaPolicyRow) => (
    <Space size={4} wrap>
      <span>{scopeName(p, lang)}</span>
      {adjusted(p) && (
        <Tooltip title={t('与合同约定的时限不同')}>
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>
            {t('已调整')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );

  const header = (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, margin: '4px 0 10px', flexWrap: 'wrap' }}>
      <span style={{ width: 4, alignSelf: 'stretch', minHeight: 20, borderRadius: 2, background: LINE_COLOR[line] }} />
      <Typography.Text strong style={{ fontSize: 15 }}>
        {phone ? lineShort(line, lang) : lineName(line, lang)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('热线')} {hoursShort(HOTLINE_PROFILE[line])}
      </Typography.Text>
    </div>
  );

  if (phone) {
    return (
      <div style={{ marginBottom: 20 }} data-testid={`policy-line-${line}`}>
        {header}
        <List
          size="small"
          bordered
          dataSource={rows}
          rowKey="id"
          renderItem={(p) => (
            <List.Item data-testid="policy-row" style={{ display: 'block' }}>
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
                <Space size={6} wrap>
                  <Tag color={SEVERITY[p.severity].color} style={{ marginInlineEnd: 0 }}>
                    {pick(lang, SEVERITY[p.severity])}
                  </Tag>
                  {scope(p)}
                </Space>
                {canEdit && <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onEdit(p)} aria-label={t('修改')} />}
              </div>
              <div style={{ marginTop: 6, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 4, fontSize: 13 }}>
                {p.targets.map((x) => (
                  <div key={x.target} style={{ display: 'contents' }}>
                    <Typography.Text type="secondary">{pick(lang, TARGET_NAME[x.target])}</Typography.Text>
                    <TargetText x={x} />
                  </div>
                ))}
              </div>
            </List.Item>
          )}
        />
      </div>
    );
  }

  const targetCol = (k: SlaTarget): TableColumnType<TSlaPolicyRow> => ({
    key: k,
    title: pick(lang, TARGET_NAME[k]),
    width: 150,
    render: (_, p) => {
      const x = p.targets.find((y) => y.target === k);
      return x ? <TargetText x={x} /> : <Typography.Text type="secondary">—</Typography.Text>;
    },
  });
  const columns: TableColumnType<TSlaPolicyRow>[] = [
    {
      key: 'severity',
      title: t('级别'),
      width: 80,
      onCell: (p, i) => ({ rowSpan: span(p, i ?? 0) }),
      render: (_, p) => <Tag color={SEVERITY[p.severity].color}>{pick(lang, SEVERITY[p.severity])}</Tag>,
    },
    { key: 'scope', title: t('适用'), width: 140, render: (_, p) => scope(p) },
    ...SLA_TARGETS.map(targetCol),
    ...(canEdit
      ? [
          {
            key: 'op',
            title: t('操作'),
            width: 80,
            render: (_: unknown, p: TSlaPolicyRow) => (
              <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onEdit(p)} style={{ paddingInline: 0 }}>
                {t('修改')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <div style={{ marginBottom: 20 }} data-testid={`policy-line-${line}`}>
      {header}
      <Table<TSlaPolicyRow>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Severity definitions

type SeverityForm = Record<TSeverityDefinition['code'], { definition: string; examples?: string }>;

function SeverityModal({ open, list, onClose }: { open: boolean; list: TSeverityList | undefined; onClose: () => void }) {
  const { t, lang } = useI18n();
  if (!open || !list) return null;
  const initial = Object.fromEntries(
    list.items.map((d) => [d.code, { definition: d.definition, examples: d.examples ?? '' }]),
  ) as SeverityForm;
  return (
    <FormModal<SeverityForm, TSeverityList>
      open
      title={t('修改严重程度定义')}
      onClose={onClose}
      width={640}
      initialValues={initial}
      invalidate={[severitiesKey[0]]}
      successText="严重程度定义已保存"
      submit={(v) =>
        api.put<TSeverityList>('/api/desk/severities', {
          items: SEVERITIES.map((code) => ({
            code,
            definition: v[code].definition,
            ...(v[code].examples?.trim() ? { examples: v[code].examples } : {}),
          })),
        } satisfies TSeverityUpdate)
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('级别名称（紧急/高/中/低）固定不变；这里修改的是登记运维单时看到的定义。')}
      </Typography.Paragraph>
      {SEVERITIES.map((code) => (
        <div key={code} style={{ marginBottom: 8 }}>
          <Tag color={SEVERITY[code].color} style={{ marginBottom: 6 }}>
            {pick(lang, SEVERITY[code])}
          </Tag>
          <Form.Item
            name={[code, 'definition']}
            rules={[{ required: true, whitespace: true, message: t('请输入定义') }]}
            style={{ marginBottom: 24 }}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={SEVERITY_TEXT_MAX} showCount placeholder={t('定义')} />
          </Form.Item>
          <Form.Item name={[code, 'examples']} style={{ marginBottom: 12 }}>
            <Input
              prefix={<Typography.Text type="secondary">{t('例如')}：</Typography.Text>}
              placeholder={t('可选，如：核心交换机宕机；互联网出口中断')}
              maxLength={SEVERITY_TEXT_MAX}
            />
          </Form.Item>
        </div>
      ))}
    </FormModal>
  );
}

function SeverityCard({ canEdit }: { canEdit: boolean }) {
  const { t, lang } = useI18n();
  const q = useSeverities();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={t('严重程度定义')}
      extra={
        canEdit && (
          <Button icon={<EditOutlined />} disabled={!q.data} onClick={() => setEditing(true)}>
            {t('修改')}
          </Button>
        )
      }
      data-testid="severity-card"
    >
      <List
        loading={q.isPending}
        dataSource={[...SEVERITIES]}
        rowKey={(c) => c}
        renderItem={(code) => {
          const d = q.data?.items.find((x) => x.code === code);
          return (
            <List.Item style={{ alignItems: 'flex-start', gap: 12, justifyContent: 'flex-start' }}>
              <Tag color={SEVERITY[code].color} style={{ minWidth: 44, textAlign: 'center', marginInlineEnd: 0 }}>
                {pick(lang, SEVERITY[code])}
              </Tag>
              <div style={{ minWidth: 0 }}>
                <div data-testid={`severity-${code}`}>{severityHint(code, lang, q.data)}</div>
                {d?.examples && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('例如')}：{d.examples}
                  </Typography.Text>
                )}
              </div>
            </List.Item>
          );
        }}
      />
      {q.data?.updatedAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('上次修改')}：{fmtTime(q.data.updatedAt)}
        </Typography.Text>
      )}
      <SeverityModal open={editing} list={q.data} onClose={() => setEditing(false)} />
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------

export function PolicyPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const canEdit = can('desk.policy');
  const phone = Grid.useBreakpoint().md === false;
  const q = useQuery({
    queryKey: [POLICIES_KEY],
    queryFn: ({ signal }) => api.get<TSlaPolicyList>('/api/sla-policies', undefined, signal),
  });
  const [editing, setEditing] = useState<TSlaPolicyRow | null>(null);
  const byLine = useMemo(() => {
    const m = new Map<ServiceLineCode, TSlaPolicyRow[]>();
    for (const p of q.data?.items ?? []) m.set(p.serviceLine, [...(m.get(p.serviceLine) ?? []), p]);
    return m;
  }, [q.data]);

  return (
    <div style={{ maxWidth: 1280 }}>
      <PageHeader
        title={t('SLA 策略')}
        subtitle={t('合同约定的服务时限：每个服务项目和级别一条通用策略，故障另有专门策略（回电、到场、解决、报告甲方）')}
      />
      <Alert
        type="info"
        showIcon
        icon={<InfoCircleOutlined />}
        style={{ marginBottom: 16 }}
        title={t('修改只对此后登记的运维单生效：已登记的运维单保留登记时的时限和计时方式。')}
        description={t('5×9：工作日 9:00–18:00，法定节假日除外；7×24：全天候。1 个工作日 = 5×9 下的 9 小时。')}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title={t('时限目标')} loading={q.isPending} styles={{ body: phone ? { padding: 12 } : undefined }}>
            {q.data && !q.data.items.length ? (
              <Empty />
            ) : (
              SERVICE_LINE_CODES.map((line) => (
                <LinePolicies key={line} line={line} items={byLine.get(line) ?? []} phone={phone} canEdit={canEdit} onEdit={setEditing} />
              ))
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <SeverityCard canEdit={canEdit} />
        </Col>
      </Row>
      <PolicyModal policy={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
