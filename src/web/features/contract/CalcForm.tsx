// The calculator as a form (POST /api/contract/calc): pick what to compute, enter the sums as typed
// decimals and the dates, see the amount and the clause, dates and days it rests on.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Descriptions, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { moneyApi } from '../../../common/money.api.ts';
import type { CalcKind, TCalcInput, TCalcResult } from '../../../common/money.ts';
import { call } from '../../api/client.ts';
import { dayjs } from '../../app/dayjs.ts';
import { useFeedback } from '../../components/feedback.ts';
import { useI18n } from '../../i18n/index.tsx';
import { fmtYuan } from './money.ts';

type Field = { name: string; label: string; type: 'yuan' | 'date' };
const FIELDS: Record<CalcKind, { label: string; fields: Field[] }> = {
  'late-payment': {
    label: '甲方逾期付款违约金',
    fields: [
      { name: 'amount', label: '迟延支付金额（元）', type: 'yuan' },
      { name: 'dueDate', label: '应付日期', type: 'date' },
      { name: 'paidOn', label: '实际支付日期', type: 'date' },
    ],
  },
  'termination-refund': {
    label: '解除合同应返还的服务费',
    fields: [
      { name: 'annualFee', label: '年度技术服务费（元）', type: 'yuan' },
      { name: 'terminatedOn', label: '解除日期', type: 'date' },
      { name: 'paidThrough', label: '服务费已付至', type: 'date' },
    ],
  },
  continuation: {
    label: '到期后延续服务费',
    fields: [
      { name: 'total', label: '合同总金额（元）', type: 'yuan' },
      { name: 'expiredOn', label: '合同到期日', type: 'date' },
      { name: 'newContractOn', label: '新合同签署日', type: 'date' },
    ],
  },
  'acceptance-penalty': { label: '年度验收不合格违约金', fields: [{ name: 'annualFee', label: '年度技术服务费（元）', type: 'yuan' }] },
  'breach-penalty': {
    label: '违反保密义务或擅自终止的违约金',
    fields: [
      { name: 'annualFee', label: '年度技术服务费（元）', type: 'yuan' },
      { name: 'received', label: '已收取的年度服务费（元）', type: 'yuan' },
    ],
  },
};

export const CALC_KIND_LABEL = Object.fromEntries(Object.entries(FIELDS).map(([k, v]) => [k, v.label])) as Record<CalcKind, string>;

type Values = Record<string, string | dayjs.Dayjs | boolean | undefined>;

export function CalcForm({ defaultFee }: { defaultFee: string | null }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<CalcKind>('late-payment');
  const m = useMutation({
    mutationFn: (body: TCalcInput) => call(moneyApi.calc, { body }),
    onError: (e) => fb.fail(e, form),
  });
  const submit = (v: Values) => {
    const body: Record<string, unknown> = { kind };
    for (const f of FIELDS[kind].fields) {
      const x = v[f.name];
      body[f.name] = dayjs.isDayjs(x) ? x.format('YYYY-MM-DD') : x;
    }
    if (kind === 'late-payment' && v.fiscal) body.reason = 'fiscal-funding';
    m.mutate(body as TCalcInput);
  };
  const r: TCalcResult | undefined = m.data;
  return (
    <div>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ amount: defaultFee, annualFee: defaultFee, total: defaultFee }}
      >
        <Form.Item label={t('计算项目')}>
          <Select
            aria-label={t('计算项目')}
            value={kind}
            onChange={(k) => {
              setKind(k);
              m.reset();
            }}
            options={Object.entries(FIELDS).map(([k, v]) => ({ value: k, label: t(v.label) }))}
          />
        </Form.Item>
        <Row gutter={12}>
          {FIELDS[kind].fields.map((f) => (
            <Col key={f.name} xs={24} sm={12} lg={8}>
              <Form.Item name={f.name} label={t(f.label)} rules={[{ required: true, message: t('必填') }]}>
                {f.type === 'date' ? <DatePicker style={{ width: '100%' }} /> : <Input inputMode="decimal" placeholder="0.00" />}
              </Form.Item>
            </Col>
          ))}
        </Row>
        {kind === 'late-payment' && (
          <Form.Item name="fiscal" label={t('因财政资金未到位而迟延')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={m.isPending}>
          {t('计算')}
        </Button>
      </Form>
      {r && (
        <div style={{ marginTop: 16 }} data-testid="calc-result">
          <Alert
            type="success"
            showIcon
            title={
              <span>
                {t(CALC_KIND_LABEL[r.kind])}：<b style={{ fontSize: 18 }}>{fmtYuan(r.amount)}</b>
              </span>
            }
            description={`${t('依据')}：${r.basis.clause}`}
          />
          <Descriptions
            bordered
            size="small"
            column={1}
            style={{ marginTop: 12 }}
            styles={{ label: { width: 120 } }}
            items={[
              { key: 'clause', label: t('条款'), children: r.basis.clause },
              { key: 'quote', label: t('合同原文'), children: <Typography.Text type="secondary">{r.basis.quote}</Typography.Text> },
              { key: 'how', label: t('计算过程'), children: r.basis.explanation },
              ...Object.entries(r.basis.dates).map(([k, v]) => ({ key: `d.${k}`, label: t(DATE_LABEL[k] ?? k), children: v })),
              ...Object.entries(r.basis.days).map(([k, v]) => ({ key: `n.${k}`, label: t(DAYS_LABEL[k] ?? k), children: v })),
            ]}
          />
        </div>
      )}
    </div>
  );
}

const DATE_LABEL: Record<string, string> = {
  dueDate: '应付日期',
  paidOn: '实际支付日期',
  firstDelayDay: '逾期首日',
  penaltyFrom: '违约金起算日（逾期第 31 个工作日）',
  terminatedOn: '解除日期',
  paidThrough: '服务费已付至',
  refundBy: '返还期限',
  expiredOn: '合同到期日',
  newContractOn: '新合同签署日',
  yearEnd: '全年服务时间截至',
};
const DAYS_LABEL: Record<string, string> = {
  delayDays: '逾期日历日',
  delayWorkingDays: '逾期工作日',
  penaltyDays: '计违约金天数',
  chargedDays: '计费天数（5% 封顶）',
  days: '天数',
  yearDays: '全年天数',
};
