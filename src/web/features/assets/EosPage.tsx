// 过保与停止支持 (R-AST-06): assets whose warranty or vendor support ends within the window (or has
// ended), and the cases that take each one from the report to the agency through approval,
// replacement and install-and-integrate to closed; the replaced asset points to its successor.
import { AlertOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Space, Steps, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { EOS_STAGE_ZH, EOS_STAGES, type EosStage, type TEosCase, type TEosDue } from '../../../common/asset-movements.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtDate, fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { statusName } from './meta.ts';
import { AssetSelect } from './Relations.tsx';
import { eosApi } from '../../../common/asset-movements.api.ts';
import { useCall } from '../../api/query.ts';

const NEXT_PERM: Record<Exclude<EosStage, 'reported'>, string> = {
  approved: 'asset.approve',
  replaced: 'asset.write',
  integrated: 'asset.write',
  closed: 'asset.approve',
};
const NEXT_LABEL: Record<Exclude<EosStage, 'reported'>, string> = {
  approved: '批准处置',
  replaced: '登记更换',
  integrated: '安装联调完成',
  closed: '验收关闭',
};

function DaysTag({ d }: { d: number }) {
  const { t } = useI18n();
  if (d < 0) return <Tag color="red">{t('已过期 {n} 天', { n: -d })}</Tag>;
  return <Tag color={d <= 30 ? 'orange' : 'gold'}>{t('{n} 天后', { n: d })}</Tag>;
}

function Advance({ c }: { c: TEosCase }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ note: string; successorId?: string }>();
  const next = EOS_STAGES[EOS_STAGES.indexOf(c.stage) + 1] as Exclude<EosStage, 'reported'> | undefined;
  const m = useMutation({
    mutationFn: (v: { note: string; successorId?: string }) => call(eosApi.advance, { params: { id: c.id }, body: { stage: next!, ...v } }),
    onSuccess: async () => {
      fb.ok('已推进');
      setOpen(false);
      await qc.invalidateQueries({ queryKey: ['asset-eos'] });
    },
    onError: (e) => fb.fail(e, form),
  });
  if (!next || !can(NEXT_PERM[next])) return null;
  return (
    <>
      <Button size="small" type="primary" icon={<ArrowRightOutlined />} onClick={() => setOpen(true)}>
        {t(NEXT_LABEL[next])}
      </Button>
      <Modal
        open={open}
        title={`${t(NEXT_LABEL[next])}：${c.assetNumber} ${c.assetName}`}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={m.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ note: '' }} onFinish={(v) => m.mutate(v)}>
          {next === 'replaced' && (
            <>
              <Form.Item name="successorId" label={t('替代设备')} rules={[{ required: true, message: t('请选择替代设备') }]}>
                <AssetSelect exclude={c.assetId} />
              </Form.Item>
              <Typography.Paragraph type="secondary">
                {t('原设备将登记替代设备并按报废处理（与报废申请生效相同），两台设备的履历互相指向。')}
              </Typography.Paragraph>
            </>
          )}
          <Form.Item name="note" label={t('说明')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function CaseSteps({ c }: { c: TEosCase }) {
  const { t } = useI18n();
  const at = EOS_STAGES.indexOf(c.stage);
  return (
    <Steps
      size="small"
      current={c.stage === 'closed' ? EOS_STAGES.length : at + 1}
      responsive
      items={EOS_STAGES.map((s) => {
        const done = c.stages.find((x) => x.stage === s);
        return {
          title: t(EOS_STAGE_ZH[s]),
          description: done ? `${done.by} ${fmtTime(done.at)}${done.note ? ` · ${done.note}` : ''}` : undefined,
        };
      })}
    />
  );
}

function DueTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [within, setWithin] = useState(90);
  const [report, setReport] = useState<TEosDue | null>(null);
  const [reason, setReason] = useState('');
  const q = useCall(eosApi.due, { query: { within } }, { queryKey: ['asset-eos', 'due', within] });
  const open = useMutation({
    mutationFn: () => call(eosApi.open, { params: { id: report!.id }, body: { reason } }),
    onSuccess: async () => {
      fb.ok('已报告甲方');
      setReport(null);
      setReason('');
      await qc.invalidateQueries({ queryKey: ['asset-eos'] });
    },
    onError: (e) => fb.fail(e),
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('提前')}</span>
        <InputNumber min={0} max={3650} value={within} onChange={(v) => setWithin(v ?? 90)} style={{ width: 90 }} />
        <span>{t('天内到期或已过期')}</span>
      </Space>
      <Table<TEosDue>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('资产'),
            key: 'a',
            render: (_, r) => (
              <Link to={`/assets/${r.id}`}>
                <div style={{ whiteSpace: 'nowrap' }}>{r.number}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.name} {r.model}
                </Typography.Text>
              </Link>
            ),
          },
          { title: t('状态'), dataIndex: 'status', responsive: ['md'], render: (s: string) => t(statusName(s)) },
          { title: t('保修至'), dataIndex: 'warrantyUntil', responsive: ['md'], render: (d: string | null) => fmtDate(d) || '—' },
          { title: t('停止支持'), dataIndex: 'endOfSupport', responsive: ['md'], render: (d: string | null) => fmtDate(d) || '—' },
          { title: t('到期'), key: 'due', render: (_, r) => <DaysTag d={r.daysLeft} /> },
          {
            title: t('处置'),
            key: 'case',
            render: (_, r) =>
              r.openCaseStage ? (
                <Tag color="blue">{t(EOS_STAGE_ZH[r.openCaseStage as EosStage])}</Tag>
              ) : can('asset.write') ? (
                <Button size="small" icon={<AlertOutlined />} onClick={() => setReport(r)}>
                  {t('报告甲方')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Modal
        open={!!report}
        title={`${t('报告甲方')}：${report?.number ?? ''} ${report?.name ?? ''}`}
        onCancel={() => setReport(null)}
        onOk={() => open.mutate()}
        okButtonProps={{ disabled: !reason.trim() }}
        confirmLoading={open.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('甲方负责人将收到通知，批准后登记更换与安装联调。')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('情况与建议（必填），如：厂商 2026 年 6 月停止支持，建议更换')}
          maxLength={1000}
        />
      </Modal>
    </>
  );
}

function CasesTab() {
  const { t } = useI18n();
  const columns: DTColumn<TEosCase>[] = [
    {
      title: t('资产'),
      key: 'a',
      render: (_: unknown, c) => (
        <Link to={`/assets/${c.assetId}`}>
          <div style={{ whiteSpace: 'nowrap' }}>{c.assetNumber}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.assetName}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('阶段'),
      dataIndex: 'stage',
      render: (s: EosStage) => <Tag color={s === 'closed' ? 'default' : 'blue'}>{t(EOS_STAGE_ZH[s])}</Tag>,
    },
    {
      title: t('替代设备'),
      key: 's',
      render: (_: unknown, c) =>
        c.successorId ? <Link to={`/assets/${c.successorId}`}>{`${c.successorNumber ?? ''} ${c.successorName ?? ''}`}</Link> : '—',
    },
    { title: t('原因'), dataIndex: 'reason', ellipsis: true, width: 220, responsive: ['lg'] },
    {
      title: t('更新'),
      dataIndex: 'updatedAt',
      responsive: ['md'],
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{fmtTime(v)}</span>,
    },
    { title: t('操作'), key: 'act', render: (_: unknown, c) => <Advance c={c} /> },
  ];
  return (
    <DataTable
      queryKey="asset-eos"
      source={eosApi.list}
      exportSource={eosApi.export}
      rowKey="id"
      columns={columns}
      expandable={{ expandedRowRender: (c) => <CaseSteps c={c} /> }}
    />
  );
}

export function EosPage() {
  const { t } = useI18n();
  return (
    <div>
      <PageHeader
        title={t('过保与停止支持')}
        subtitle={t('临近保修期或厂商停止支持的设备提前列出；处置流程：报告甲方 → 甲方批准 → 更换 → 安装联调 → 关闭。')}
      />
      <Card size="small">
        <Tabs
          items={[
            { key: 'due', label: t('临近到期'), children: <DueTab /> },
            { key: 'cases', label: t('处置进度'), children: <CasesTab /> },
          ]}
        />
      </Card>
    </div>
  );
}
