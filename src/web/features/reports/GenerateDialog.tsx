// 生成报告: the kind and a date inside the period (a day, week, month, quarter or year picker), then
// the server reads every module's evidence; the dialog shows what it is computing until it answers.
import { DatePicker, Form, Modal, Progress, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { REPORT_KINDS, REPORT_KIND_NAMES, type ReportKind, type TReportDetail } from '../../../common/reports.ts';
import { reportsApi as api } from '../../../common/reports.api.ts';
import { call } from '../../api/client.ts';
import { useFeedback } from '../../components/feedback.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useQueryClient } from '@tanstack/react-query';

const PICKER: Record<ReportKind, 'date' | 'week' | 'month' | 'quarter' | 'year'> = {
  daily: 'date',
  weekly: 'week',
  monthly: 'month',
  quarterly: 'quarter',
  annual: 'year',
};
/** The last ended period of a kind, as the default choice. */
const lastPeriod = (kind: ReportKind): Dayjs => {
  const d = dayjs();
  return kind === 'daily'
    ? d.subtract(1, 'day')
    : kind === 'weekly'
      ? d.subtract(1, 'week')
      : kind === 'monthly'
        ? d.subtract(1, 'month')
        : kind === 'quarterly'
          ? d.subtract(3, 'month')
          : d.subtract(1, 'year');
};
const STEPS = ['运维单与 SLA', '网络监控', '安全事件与告警', '巡检', '变更与配置备份', '特征库与漏洞', '值班与视频会议', '保存版本'];

export function GenerateDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (r: TReportDetail) => void }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ kind: ReportKind; date: Dayjs }>();
  const kind = Form.useWatch('kind', form) ?? 'monthly';
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState(0);
  useEffect(() => {
    if (!busy) return;
    const h = setInterval(() => setStep((s) => Math.min(s + 1, STEPS.length - 1)), 700);
    return () => clearInterval(h);
  }, [busy]);
  const submit = async (v: { kind: ReportKind; date: Dayjs }) => {
    setStep(0);
    setBusy(true);
    try {
      const r = await call(api.generate, { body: { kind: v.kind, date: v.date.format('YYYY-MM-DD') } });
      fb.ok('报告已生成');
      await qc.invalidateQueries({ queryKey: ['reports'] });
      onDone(r);
    } catch (e) {
      fb.fail(e, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('生成报告')}
      okText={t('生成')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      cancelButtonProps={{ disabled: busy }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'monthly', date: lastPeriod('monthly') }} onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label={t('报告类型')} rules={[{ required: true }]}>
          <Select
            disabled={busy}
            options={REPORT_KINDS.map((k) => ({ value: k, label: t(REPORT_KIND_NAMES[k]) }))}
            onChange={(k: ReportKind) => form.setFieldValue('date', lastPeriod(k))}
          />
        </Form.Item>
        <Form.Item name="date" label={t('报告期')} rules={[{ required: true, message: t('请选择报告期') }]}>
          <DatePicker picker={PICKER[kind]} disabled={busy} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {busy && (
        <div role="status">
          <Progress percent={Math.round(((step + 1) / (STEPS.length + 1)) * 100)} status="active" showInfo={false} />
          <Typography.Text type="secondary">{t('正在汇总：{what}', { what: t(STEPS[step]!) })}</Typography.Text>
        </div>
      )}
    </Modal>
  );
}
