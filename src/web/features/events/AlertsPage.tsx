// 安全告警 and 关联规则 (issue 13 points 3, 9): the alert queue (each alert with the ticket it opened),
// and the correlation rules with an editor that tries a rule on the stored events before it is saved
// or enabled.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Modal, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { eventsApi as api } from '../../../common/events.api.ts';
import type { TEventAlert, TEventRule, TRuleHit, TSeverity } from '../../../common/events.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReportFilter, useUrlFilters } from '../../components/ReportFilter.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { useI18n } from '../../i18n/index.tsx';
import { SeverityTag } from './labels.tsx';

const NEW_RULE = `title: 新规则
level: medium
window: 10m
group_by: srcIp
detection:
  sel:
    category: attack
condition: sel >= 10
`;

function RuleEditor({ rule, onClose }: { rule: TEventRule | 'new'; onClose: () => void }) {
  const { t, lang } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [yaml, setYaml] = useState(rule === 'new' ? NEW_RULE : rule.yaml);
  const [enabled, setEnabled] = useState(rule === 'new' ? false : rule.enabled);
  const [hits, setHits] = useState<TRuleHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const test = useMutation({
    mutationFn: () => call(api.testRule, { body: { yaml } }),
    onSuccess: (r) => [setHits(r.hits), setError(null)],
    onError: (e) => [setHits(null), setError(problemMessage(e, lang))],
  });
  const save = useMutation({
    mutationFn: () =>
      rule === 'new'
        ? call(api.addRule, { body: { yaml, enabled } })
        : call(api.updateRule, { params: { id: rule.id }, body: { yaml, enabled } }),
    onSuccess: async () => {
      fb.ok('已保存');
      await qc.invalidateQueries({ queryKey: ['events'] });
      onClose();
    },
    onError: (e) => setError(problemMessage(e, lang)),
  });
  return (
    <Modal
      open
      width={760}
      title={rule === 'new' ? t('新增关联规则') : t('编辑关联规则')}
      onCancel={onClose}
      onOk={() => save.mutate()}
      okText={t('保存')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Input.TextArea className="yw-mono" rows={14} value={yaml} onChange={(e) => setYaml(e.target.value)} aria-label="YAML" />
      <Space style={{ margin: '12px 0' }} wrap>
        <Button onClick={() => test.mutate()} loading={test.isPending}>
          {t('用最近 24 小时的事件测试')}
        </Button>
        <Switch checked={enabled} onChange={setEnabled} aria-label={t('启用')} /> {t('启用')}
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      {hits && (
        <Table<TRuleHit>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={hits}
          locale={{ emptyText: t('没有命中') }}
          columns={[
            { title: t('分组键'), dataIndex: 'key', render: (v: string) => <span className="yw-mono">{v}</span> },
            { title: t('次数'), dataIndex: 'count', align: 'right' },
            { title: t('最后命中'), dataIndex: 'lastAt', render: (v: string) => fmtTime(v) },
            { title: t('事件内容'), dataIndex: 'sample', ellipsis: true },
          ]}
        />
      )}
    </Modal>
  );
}

function RulesCard() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [editing, setEditing] = useState<TEventRule | 'new' | null>(null);
  const q = useCall(api.rules, {});
  return (
    <Card
      size="small"
      title={t('关联规则')}
      extra={
        can('events.admin') && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('新增规则')}
          </Button>
        )
      }
    >
      <Table<TEventRule>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        columns={[
          { title: t('名称'), dataIndex: 'title' },
          { title: t('严重级别'), dataIndex: 'level', render: (v: TSeverity) => <SeverityTag s={v} /> },
          {
            title: t('状态'),
            dataIndex: 'enabled',
            render: (v: boolean) => (v ? <Tag color="success">{t('已启用')}</Tag> : <Tag>{t('停用中')}</Tag>),
          },
          { title: t('规则版本'), dataIndex: 'version', render: (v: number) => `v${v}` },
          { title: t('修改时间'), dataIndex: 'updatedAt', render: (v: string) => fmtTime(v) },
          ...(can('events.admin')
            ? [
                {
                  title: '',
                  width: 48,
                  render: (_: unknown, r: TEventRule) => (
                    <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('编辑')} onClick={() => setEditing(r)} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <RuleEditor rule={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

export function AlertsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  // A report's numbers link here with a severity and the days the alerts were first raised (issue 15).
  const [f, set] = useUrlFilters(['severity', 'from', 'to'] as const);
  const columns: DTColumn<TEventAlert>[] = [
    { title: t('最后命中'), dataIndex: 'lastAt', render: (v: string) => fmtTime(v) },
    { title: t('严重级别'), dataIndex: 'severity', render: (v: TSeverity) => <SeverityTag s={v} /> },
    { title: t('命中规则'), dataIndex: 'title' },
    { title: t('分组键'), dataIndex: 'key', render: (v: string) => <span className="yw-mono">{v}</span> },
    { title: t('命中'), dataIndex: 'hits', align: 'right', responsive: ['md'] },
    { title: t('最后一条'), dataIndex: 'sample', ellipsis: true, responsive: ['lg'] },
    {
      title: t('运维单'),
      dataIndex: 'ticketNumber',
      render: (v: string | null, r) => (v && r.ticketId ? <Link to={`/desk/${r.ticketId}`}>{v}</Link> : ''),
    },
    // The responses recorded on the alert (secops feature).
    { title: t('告警处置'), dataIndex: 'id', render: (id: string) => <Link to={`/secops/alerts/${id}`}>{t('处置记录')}</Link> },
  ];
  return (
    <div>
      <PageHeader title={t('安全告警')} subtitle={t('关联规则命中后生成告警，同一规则与来源只告警一次，并自动登记安全运维单')} />
      <ReportFilter from={f.from} to={f.to} onClear={() => set({ from: undefined, to: undefined, severity: undefined })} />
      <Card style={{ marginBottom: 16 }}>
        <DataTable queryKey="events" source={api.alerts} rowKey="id" columns={columns} refreshMs={15_000} params={f} />
      </Card>
      {can('events.read') && <RulesCard />}
    </div>
  );
}
