// The fault flow's documents (R-SD-05): 故障诊断报告 → 故障恢复方案 → 维护报告. Each save is a new
// version; earlier versions stay readable; each exports as Word.
import { EditOutlined, FileWordOutlined, HistoryOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, DatePicker, Descriptions, Empty, Form, Input, Modal, Radio, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DOC_KINDS, type DocKind, type TTicketDocument, type TTicketDocuments, type TTicketFlow } from '../../../../common/desk-flow.ts';
import { call, urlOf, type CallInput } from '../../../api/client.ts';
import { useCall } from '../../../api/query.ts';
import { useFeedback } from '../../../components/feedback.ts';
import { fmtTime } from '../../../components/format.ts';
import { pick, useI18n } from '../../../i18n/index.tsx';
import { SEVERITY } from '../meta.ts';
import { useDocuments, useRefresh } from './queries.ts';
import { deskFlowApi } from '../../../../common/desk-flow.api.ts';

type Named = { zh: string; en: string };
type DocumentBody = CallInput<typeof deskFlowApi.saveDocument>['body'];
export const DOC: Record<DocKind, Named> = {
  diagnosis: { zh: '故障诊断报告', en: 'Diagnosis report' },
  plan: { zh: '故障恢复方案', en: 'Recovery plan' },
  report: { zh: '维护报告', en: 'Maintenance report' },
};

interface Field {
  name: string;
  label: Named;
  kind: 'text' | 'long' | 'time' | 'bool' | 'severity';
  required?: boolean;
}

const FIELDS: Record<DocKind, Field[]> = {
  diagnosis: [
    { name: 'sceneRecord', label: { zh: '现场记录', en: 'Scene record' }, kind: 'long', required: true },
    { name: 'severity', label: { zh: '故障级别', en: 'Fault level' }, kind: 'severity', required: true },
    { name: 'emergencyActions', label: { zh: '应急措施', en: 'Emergency actions' }, kind: 'long' },
    { name: 'preliminaryCause', label: { zh: '初步原因', en: 'Preliminary cause' }, kind: 'long' },
  ],
  plan: [
    { name: 'steps', label: { zh: '恢复步骤', en: 'Steps' }, kind: 'long', required: true },
    { name: 'fallbackPlan', label: { zh: '备用方案', en: 'Fallback plan' }, kind: 'long' },
    { name: 'expectedEndAt', label: { zh: '预计完成', en: 'Expected end' }, kind: 'time' },
    { name: 'needsAgencyApproval', label: { zh: '需甲方批准', en: 'Needs agency approval' }, kind: 'bool' },
  ],
  report: [
    { name: 'faultDescription', label: { zh: '故障现象', en: 'Fault' }, kind: 'long', required: true },
    { name: 'cause', label: { zh: '故障原因', en: 'Cause' }, kind: 'long', required: true },
    { name: 'actions', label: { zh: '处理过程', en: 'Actions' }, kind: 'long', required: true },
    { name: 'result', label: { zh: '处理结果', en: 'Result' }, kind: 'long', required: true },
    { name: 'partsUsed', label: { zh: '更换备件', en: 'Parts used' }, kind: 'text' },
    { name: 'startedAt', label: { zh: '开始时间', en: 'Started' }, kind: 'time', required: true },
    { name: 'finishedAt', label: { zh: '完成时间', en: 'Finished' }, kind: 'time', required: true },
  ],
};

const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);

function valueOf(f: Field, v: unknown, lang: string, t: (s: string) => string) {
  if (v === null || v === undefined || v === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (f.kind === 'time') return fmtTime(str(v));
  if (f.kind === 'bool') return v ? t('是') : t('否');
  if (f.kind === 'severity') {
    const s = SEVERITY[v as keyof typeof SEVERITY];
    return s ? <Tag color={s.color}>{pick(lang as 'zh-CN', s)}</Tag> : str(v);
  }
  return <span style={{ whiteSpace: 'pre-wrap' }}>{str(v)}</span>;
}

function DocView({ doc, kind }: { doc: TTicketDocument; kind: DocKind }) {
  const { t, lang } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
      items={FIELDS[kind].map((f) => ({ key: f.name, label: pick(lang, f.label), children: valueOf(f, doc.content[f.name], lang, t) }))}
    />
  );
}

function DocForm({
  ticketId,
  kind,
  current,
  open,
  onClose,
}: {
  ticketId: string;
  kind: DocKind;
  current: TTicketDocument | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const fb = useFeedback();
  const refresh = useRefresh(ticketId);
  const [form] = Form.useForm<Record<string, unknown>>();
  const initial: Record<string, unknown> = {};
  for (const f of FIELDS[kind]) {
    const v = current?.content[f.name];
    initial[f.name] =
      f.kind === 'time' ? (v ? dayjs(str(v)) : kind === 'report' ? dayjs() : null) : (v ?? (f.kind === 'bool' ? false : undefined));
  }
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const body: Record<string, unknown> = {};
      for (const f of FIELDS[kind]) {
        const x = v[f.name];
        body[f.name] = f.kind === 'time' ? (x ? (x as Dayjs).toISOString() : null) : f.kind === 'bool' ? !!x : (x ?? '');
      }
      // The kind's own fields (FIELDS[kind]); the server checks them against the kind's schema.
      return call(deskFlowApi.saveDocument, { params: { id: ticketId, kind }, body: body as DocumentBody });
    },
    onSuccess: async (d) => {
      fb.ok(t('已保存第 {n} 版', { n: d.version }));
      onClose();
      await refresh();
    },
    onError: (e) => fb.fail(e, form),
  });
  return (
    <Modal
      open={open}
      title={`${pick(lang, DOC[kind])}${current ? ` · ${t('修订')}` : ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('保存')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={720}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} requiredMark="optional">
        {FIELDS[kind].map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={pick(lang, f.label)}
            valuePropName={f.kind === 'bool' ? 'checked' : 'value'}
            rules={f.required ? [{ required: true, message: t('必填') }] : []}
          >
            {f.kind === 'long' ? (
              <Input.TextArea rows={3} maxLength={8000} />
            ) : f.kind === 'time' ? (
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            ) : f.kind === 'bool' ? (
              <Switch />
            ) : f.kind === 'severity' ? (
              <Radio.Group
                optionType="button"
                options={(Object.keys(SEVERITY) as (keyof typeof SEVERITY)[]).map((k) => ({ value: k, label: pick(lang, SEVERITY[k]) }))}
              />
            ) : (
              <Input maxLength={2000} />
            )}
          </Form.Item>
        ))}
        {kind === 'report' && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('保存维护报告即记录“已解决”，并通知甲方技术人员测试确认。')}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}

function DocTab({ ticketId, kind, docs, editable }: { ticketId: string; kind: DocKind; docs: TTicketDocuments; editable: boolean }) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState(false);
  const [version, setVersion] = useState<number | null>(null);
  const latest = docs[kind];
  const versions = docs.versions[kind];
  const old = useCall(
    deskFlowApi.documentVersion,
    { params: { id: ticketId, kind, version: version ?? 0 } },
    { queryKey: ['tickets', 'one', ticketId, 'documents', kind, version], enabled: version !== null && version !== latest?.version },
  );
  const shown = version !== null && version !== latest?.version ? old.data : latest;
  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12, alignItems: 'center' }}>
        {latest ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('第 {n} 版', { n: shown?.version ?? latest.version })} · {shown?.createdByName} · {fmtTime(shown?.createdAt)}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('尚未填写')}</Typography.Text>
        )}
        <div style={{ flex: 1 }} />
        {versions.length > 1 && (
          <Select
            size="small"
            prefix={<HistoryOutlined />}
            style={{ width: 150 }}
            value={version ?? latest?.version}
            onChange={setVersion}
            options={[...versions]
              .reverse()
              .map((v) => ({ value: v.version, label: `${t('第 {n} 版', { n: v.version })} · ${fmtTime(v.createdAt).slice(5)}` }))}
          />
        )}
        {latest && (
          <Button
            size="small"
            icon={<FileWordOutlined />}
            href={urlOf(deskFlowApi.documentWord, { params: { id: ticketId, kind } })}
            download
          >
            Word
          </Button>
        )}
        {editable && (
          <Button
            size="small"
            type={latest ? 'default' : 'primary'}
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid={`doc-edit-${kind}`}
          >
            {latest ? t('修订') : t('填写{x}', { x: pick(lang, DOC[kind]) })}
          </Button>
        )}
      </div>
      {shown ? <DocView doc={shown} kind={kind} /> : !latest && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('尚未填写')} />}
      <DocForm ticketId={ticketId} kind={kind} current={latest} open={editing} onClose={() => setEditing(false)} />
    </div>
  );
}

export function DocumentsPanel({ flow, canWrite }: { flow: TTicketFlow; canWrite: boolean }) {
  const { t, lang } = useI18n();
  const id = flow.ticket.id;
  const docs = useDocuments(id);
  const editable = canWrite && !['closed', 'merged'].includes(flow.ticket.status);
  const [tab, setTab] = useState<DocKind>(() => DOC_KINDS.find((k) => flow.docsMissing.includes(k)) ?? 'report');
  if (!docs.data) return null;
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => setTab(k as DocKind)}
      items={DOC_KINDS.map((k) => ({
        key: k,
        label: (
          <Space size={4}>
            {pick(lang, DOC[k])}
            {flow.docVersions[k] ? <Tag color="success">v{flow.docVersions[k]}</Tag> : <Tag>{t('待填')}</Tag>}
          </Space>
        ),
        children: <DocTab ticketId={id} kind={k} docs={docs.data} editable={editable} />,
      }))}
    />
  );
}
