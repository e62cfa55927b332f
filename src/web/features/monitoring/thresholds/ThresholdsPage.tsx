// 告警阈值 (issue 12 point 3, "thresholds as data"): every rule's default and the overrides of
// devices, interfaces and probe pairs, with their values and units, duration, severity and switch;
// filtered by rule and by what they are for (or one device or pair, linked from its page). Writers
// add an override, edit any threshold (defaults too) and delete an override; others only read.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Popconfirm, Select, Space, Switch, Table, Tag, type TableColumnType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { monitoringApi as api } from '../../../../common/monitoring.api.ts';
import { ALERT_RULE_ZH, ALERT_RULES, type TThreshold, type TThresholdInput } from '../../../../common/monitoring.ts';
import { call } from '../../../api/client.ts';
import { useCall } from '../../../api/query.ts';
import { useAuth } from '../../../app/auth.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useFeedback } from '../../../components/feedback.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { AddFields, ValueFields, type AddForm, type ValueForm } from './ThresholdFields.tsx';
import { SEVERITY_COLOR, SEVERITY_TEXT, TARGET_TEXT, fmtDuration, fmtValue } from './labels.ts';

const KEY = ['monitoring-thresholds'];

/** The form's values without the empty ones (the server's defaults apply), as the add contract takes them. */
function addBody({ kind, deviceId, ifIndex, pairId, rule, ...v }: AddForm): TThresholdInput {
  const values = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined)) as Partial<TThresholdInput>;
  const target = kind === 'pair' ? { pairId } : { deviceId, ...(ifIndex == null ? {} : { ifIndex }) };
  return { ...values, ...target, rule: rule! };
}

/** Only the fields a change may carry (the form starts from the whole row). */
const patchBody = (v: ValueForm): ValueForm => {
  const keys = ['raiseValue', 'clearValue', 'minDurationSec', 'floorValue', 'baselinePolls', 'severity', 'enabled'] as const;
  return Object.fromEntries(keys.filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
};

function Target({ r }: { r: TThreshold }) {
  const { t } = useI18n();
  if (r.target === 'default') return <Tag>{t('默认')}</Tag>;
  if (r.target === 'pair')
    return (
      <span>
        {t('探测对')} <Link to={`/monitoring/pairs?focus=${r.pairId}`}>{r.targetName}</Link>
      </span>
    );
  const dev = <Link to={`/monitoring/${r.deviceId}`}>{r.targetName}</Link>;
  if (r.target === 'device') return dev;
  return (
    <span>
      {dev} · {r.ifName ?? t('接口 {n}', { n: r.ifIndex ?? '' })}
    </span>
  );
}

export function ThresholdsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const write = can('monitoring.write');
  const fb = useFeedback();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [rule, setRule] = useState<string | undefined>(undefined);
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<TThreshold | null>(null);
  const q = useCall(api.thresholds, {}, { queryKey: KEY });
  const all = q.data?.items ?? [];
  const deviceId = params.get('deviceId');
  const pairId = params.get('pairId');
  const focus = all.find((x) => (deviceId && x.deviceId === deviceId) || (pairId && x.pairId === pairId));
  // In the rules' own order, each rule's default first, then its overrides by name.
  const rows = all
    .filter(
      (x) =>
        (!rule || x.rule === rule) &&
        (!kind || x.target === kind) &&
        (!deviceId || x.deviceId === deviceId) &&
        (!pairId || x.pairId === pairId),
    )
    .sort(
      (a, b) =>
        ALERT_RULES.indexOf(a.rule) - ALERT_RULES.indexOf(b.rule) ||
        Number(a.target !== 'default') - Number(b.target !== 'default') ||
        (a.targetName ?? '').localeCompare(b.targetName ?? '', 'zh-CN') ||
        (a.ifIndex ?? -1) - (b.ifIndex ?? -1),
    );
  const done = async (text: string) => {
    fb.ok(text);
    await qc.invalidateQueries({ queryKey: KEY });
  };
  const toggle = useMutation({
    mutationFn: (r: TThreshold) => call(api.updateThreshold, { params: { id: r.id }, body: { enabled: !r.enabled } }),
    onSuccess: () => done('已保存'),
    onError: (e) => fb.fail(e),
  });
  const del = useMutation({
    mutationFn: (id: string) => call(api.deleteThreshold, { params: { id } }),
    onSuccess: () => done('已删除'),
    onError: (e) => fb.fail(e),
  });
  const columns: TableColumnType<TThreshold>[] = [
    { title: t('规则'), dataIndex: 'rule', fixed: 'left', render: (v: TThreshold['rule']) => t(ALERT_RULE_ZH[v]) },
    { title: t('适用对象'), dataIndex: 'target', render: (_: unknown, r) => <Target r={r} /> },
    { title: t('告警值'), dataIndex: 'raiseValue', align: 'right', render: (v: number | null, r) => fmtValue(r.rule, v) },
    // On a phone: rule, target, raise value, severity, switch and actions; the rest from 768 px.
    {
      title: t('解除值'),
      dataIndex: 'clearValue',
      align: 'right',
      responsive: ['md'],
      render: (v: number | null, r) => fmtValue(r.rule, v),
    },
    {
      title: t('持续时间'),
      dataIndex: 'minDurationSec',
      align: 'right',
      responsive: ['md'],
      render: (v: number) => fmtDuration(v, t),
    },
    {
      title: t('级别'),
      dataIndex: 'severity',
      render: (v: TThreshold['severity']) => <Tag color={SEVERITY_COLOR[v]}>{t(SEVERITY_TEXT[v])}</Tag>,
    },
    {
      title: t('启用'),
      dataIndex: 'enabled',
      render: (v: boolean, r) => (
        <Switch
          size="small"
          checked={v}
          disabled={!write}
          loading={toggle.isPending && toggle.variables?.id === r.id}
          onChange={() => toggle.mutate(r)}
          aria-label={t('启用')}
        />
      ),
    },
    ...(write
      ? [
          {
            title: t('操作'),
            dataIndex: 'id',
            render: (id: string, r: TThreshold) => (
              <Space size={0}>
                <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('编辑')} onClick={() => setEditing(r)} />
                {r.target !== 'default' && (
                  <Popconfirm title={t('删除这条单独设置？此后使用默认阈值')} onConfirm={() => del.mutate(id)}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('删除')} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];
  const defaults = all.filter((x) => x.target === 'default');
  return (
    <div>
      <PageHeader
        title={t('告警阈值')}
        subtitle={t('每条规则的默认阈值，以及为设备、接口或探测对单独设置的阈值；修改在下一次告警评估（每分钟）时生效')}
        extra={
          write && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('单独设置阈值')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('规则')}
            style={{ width: 180 }}
            value={rule}
            onChange={setRule}
            options={ALERT_RULES.map((r) => ({ value: r, label: t(ALERT_RULE_ZH[r]) }))}
          />
          <Select
            allowClear
            placeholder={t('适用对象')}
            style={{ width: 140 }}
            value={kind}
            onChange={setKind}
            options={Object.entries(TARGET_TEXT).map(([value, label]) => ({ value, label: t(label) }))}
          />
          {(deviceId || pairId) && (
            <Tag closable onClose={() => setParams({})}>
              {focus?.targetName ?? t('指定对象')}
            </Tag>
          )}
        </Space>
        <Table<TThreshold>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={rows}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
        />
      </Card>
      <FormModal<AddForm, TThreshold>
        open={adding}
        title={t('单独设置阈值')}
        onClose={() => setAdding(false)}
        initialValues={{
          kind: pairId ? 'pair' : 'device',
          ...(deviceId ? { deviceId } : {}),
          ...(pairId ? { pairId } : {}),
          minDurationSec: 0,
          severity: 'medium',
          enabled: true,
        }}
        submit={(v) => call(api.addThreshold, { body: addBody(v) })}
        invalidate={KEY}
      >
        <AddFields defaults={defaults} />
      </FormModal>
      <FormModal<ValueForm, TThreshold>
        open={!!editing}
        title={editing ? `${t('修改阈值')}：${t(ALERT_RULE_ZH[editing.rule])}` : ''}
        onClose={() => setEditing(null)}
        initialValues={editing ?? {}}
        submit={(v) => call(api.updateThreshold, { params: { id: editing!.id }, body: patchBody(v) })}
        invalidate={KEY}
      >
        <ValueFields rule={editing?.rule} />
      </FormModal>
    </div>
  );
}
