// 季度总结评审 (R-RPT-02, 第六条3): the project manager submits each quarter's written summary (Word or
// PDF); the agency approves or objects within 15 days, and silence for 15 days is approval.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { QUARTERLY_STATES, quarterLabel, type QuarterlyState, type TQuarterly } from '../../../common/deliverables.ts';
import { deliverablesApi as api } from '../../../common/deliverables.api.ts';
import { uploadForm } from '../../api/upload.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { fmtDate, fmtTime, todayShanghai } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRun } from './useRun.ts';

export const STATE_TAG: Record<QuarterlyState, [string, string]> = {
  submitted: ['待甲方评审', 'processing'],
  objected: ['甲方提出质疑', 'warning'],
  approved: ['已通过评审', 'success'],
};

export function QuarterlyState({ q }: { q: Pick<TQuarterly, 'state' | 'approvedHow'> }) {
  const { t } = useI18n();
  if (q.state === 'approved' && q.approvedHow === 'silence') return <Tag color="success">{t('逾期未提出异议，视为通过')}</Tag>;
  return <Tag color={STATE_TAG[q.state][1]}>{t(STATE_TAG[q.state][0])}</Tag>;
}

/** The quarter just ended: what a summary is usually for. */
function lastQuarter(): string {
  const d = todayShanghai();
  const n = Number(d.slice(0, 4)) * 4 + Math.floor((Number(d.slice(5, 7)) - 1) / 3) - 1;
  return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
}

/** The summary's file and fields, sent as one multipart form. */
export function summaryForm(file: File, v: { quarter?: string; reportRef?: string; note?: string }): FormData {
  const form = new FormData();
  for (const [k, val] of Object.entries(v)) if (val !== undefined) form.append(k, val);
  form.append('file', file, file.name);
  return form;
}

function SubmitModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ quarter: string; reportRef?: string; note?: string }>();
  const [file, setFile] = useState<File | null>(null);
  const { busy, run } = useRun('quarterlies', () => {
    form.resetFields();
    setFile(null);
    onClose();
  });
  const submit = async () => {
    const v = await form.validateFields();
    await run(() => uploadForm(api.submitQuarterly, {}, summaryForm(file!, v), () => undefined), '已提交甲方评审');
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('提交季度服务工作总结')}
      okText={t('提交甲方评审')}
      cancelText={t('取消')}
      onOk={() => void submit()}
      okButtonProps={{ loading: busy, disabled: !file }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ quarter: lastQuarter() }}>
        <Form.Item name="quarter" label={t('季度')} rules={[{ required: true, pattern: /^\d{4}-Q[1-4]$/, message: t('格式如 2026-Q3') }]}>
          <Input placeholder="2026-Q3" />
        </Form.Item>
        <Form.Item label={t('总结文件（Word 或 PDF）')} required>
          <input type="file" accept=".docx,.doc,.pdf" data-testid="quarterly-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Form.Item>
        <Form.Item name="reportRef" label={t('引用的报告（可选）')}>
          <Input maxLength={200} placeholder={t('如：2026 年第三季度运维报告')} />
        </Form.Item>
        <Form.Item name="note" label={t('说明（可选）')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function QuarterlyPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const nav = useNavigate();
  const [params] = useSearchParams();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const state = QUARTERLY_STATES.find((s) => s === params.get('state'));
  const list = useCall(api.quarterlies, { query: { page, pageSize: 20, ...(state ? { state } : {}) } });
  return (
    <div>
      <PageHeader
        title={t('季度总结评审')}
        subtitle={t(
          '乙方每三个月提交书面季度服务工作总结；甲方收到后 15 日内评审或提出质疑，逾期未提出质疑的视为通过（合同第六条第 3 款）',
        )}
        extra={
          can('deliverables.submit') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('提交季度总结')}
            </Button>
          )
        }
      />
      {state && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(STATE_TAG[state][0])}
          action={<Button onClick={() => void nav('/deliverables')}>{t('全部')}</Button>}
        />
      )}
      <Card>
        <Table<TQuarterly>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          onRow={(r) => ({ onClick: () => void nav(`/deliverables/quarterly/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'q', title: t('季度'), render: (_, r) => quarterLabel(r.quarter) },
            { key: 'v', title: t('版本'), responsive: ['md'], render: (_, r) => t('第 {n} 版', { n: r.version }) },
            { key: 's', title: t('状态'), render: (_, r) => <QuarterlyState q={r} /> },
            {
              key: 'd',
              title: t('评审期限'),
              render: (_, r) =>
                r.state === 'submitted' ? `${fmtDate(r.dueDate)}（${t('剩余 {n} 天', { n: Math.max(0, r.daysLeft ?? 0) })}）` : '—',
            },
            { key: 'u', title: t('更新时间'), responsive: ['md'], render: (_, r) => fmtTime(r.updatedAt) },
          ]}
        />
      </Card>
      <SubmitModal open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
