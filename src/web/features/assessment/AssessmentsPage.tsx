// 月度考核: the months (state, result, each line's score rate, deduction) filtered and exported, the
// project manager's 生成考核表, and the remedies of failed months (?tab=remedies) the PM carries out.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Form, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  ASSESSMENT_RESULT_NAMES,
  ASSESSMENT_RESULTS,
  ASSESSMENT_STATE_NAMES,
  ASSESSMENT_STATES,
  type TAssessment,
  type TRemedy,
} from '../../../common/assessment.ts';
import { assessmentApi as api } from '../../../common/assessment.api.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime, todayShanghai } from '../../components/format.ts';
import { ExportButton } from '../../components/ListButtons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { lineShort } from '../contract/lines.ts';
import { MonthTags, pct } from './meta.tsx';

function NewMonth({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const nav = useNavigate();
  const thisMonth = todayShanghai().slice(0, 7);
  return (
    <FormModal<{ month: dayjs.Dayjs }, TAssessment>
      open={open}
      onClose={onClose}
      title={t('生成考核表')}
      okText={t('生成')}
      successText="考核表已生成，已通知甲方评分"
      invalidate={['assessments']}
      initialValues={{ month: dayjs(`${thisMonth}-01`).subtract(1, 'month') }}
      submit={(v) => call(api.create, { body: { month: v.month.format('YYYY-MM') } })}
      onDone={(r) => void nav(`/assessments/${r.id}`)}
    >
      <Form.Item name="month" label={t('考核月份')} rules={[{ required: true, message: t('请选择月份') }]}>
        <DatePicker picker="month" disabledDate={(d) => d.format('YYYY-MM') >= thisMonth} />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        {t('按各模块的记录预填每个考核项的测量结果与建议，甲方逐项评分后签署。')}
      </Typography.Paragraph>
    </FormModal>
  );
}

function Months() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const [params] = useSearchParams();
  const initial = ASSESSMENT_STATES.find((s) => s === params.get('state'));
  const [state, setState] = useState<(typeof ASSESSMENT_STATES)[number] | undefined>(initial);
  const [result, setResult] = useState<(typeof ASSESSMENT_RESULTS)[number] | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const filters = { ...(state ? { state } : {}), ...(result ? { result } : {}), ...(year ? { year } : {}) };
  const list = useCall(api.list, { query: { page, pageSize: 20, ...filters } });
  const thisYear = Number(todayShanghai().slice(0, 4));
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('状态')}
          style={{ width: 120 }}
          value={state}
          onChange={(v) => (setState(v), setPage(1))}
          options={ASSESSMENT_STATES.map((s) => ({ value: s, label: pick(lang, ASSESSMENT_STATE_NAMES[s]) }))}
        />
        <Select
          allowClear
          placeholder={t('结果')}
          style={{ width: 120 }}
          value={result}
          onChange={(v) => (setResult(v), setPage(1))}
          options={ASSESSMENT_RESULTS.map((s) => ({ value: s, label: pick(lang, ASSESSMENT_RESULT_NAMES[s]) }))}
        />
        <Select
          allowClear
          placeholder={t('年份')}
          style={{ width: 110 }}
          value={year}
          onChange={(v) => (setYear(v), setPage(1))}
          options={[0, 1, 2, 3, 4].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))}
        />
        <ExportButton route={api.exportList} query={filters} />
      </Space>
      <Table<TAssessment>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => void nav(`/assessments/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'm', title: t('月份'), width: 100, render: (_, r) => <Typography.Text strong>{r.month}</Typography.Text> },
          { key: 's', title: t('状态'), width: 170, render: (_, r) => <MonthTags m={r} /> },
          ...SERVICE_LINE_CODES.map((c) => ({
            key: c,
            title: lineShort(c, lang),
            width: 90,
            responsive: ['md' as const],
            render: (_: unknown, r: TAssessment) => pct(r.lineRates?.[c]?.rate),
          })),
          { key: 'p', title: t('已评分'), width: 90, render: (_, r) => `${r.scored}/${r.criteria}` },
          { key: 'd', title: t('扣款建议（元）'), width: 130, responsive: ['lg'], render: (_, r) => r.deductionAmount ?? '—' },
          {
            key: 'g',
            title: t('签署'),
            width: 170,
            responsive: ['lg'],
            render: (_, r) => (r.signedAt ? `${r.signedByName} ${fmtTime(r.signedAt)}` : '—'),
          },
        ]}
      />
    </>
  );
}

function EditRemedy({ r, onClose }: { r: TRemedy | null; onClose: () => void }) {
  const { t } = useI18n();
  type V = { owner: string; dueDate: dayjs.Dayjs; evidence: string; done: boolean };
  return (
    <FormModal<V>
      open={!!r}
      onClose={onClose}
      title={t('办理整改')}
      okText={t('保存')}
      successText="整改已保存"
      invalidate={['assessments']}
      initialValues={r ? { owner: r.owner, dueDate: dayjs(r.dueDate), evidence: r.evidence, done: false } : {}}
      submit={(v) =>
        call(api.updateRemedy, {
          params: { id: r!.id },
          body: { owner: v.owner, dueDate: v.dueDate.format('YYYY-MM-DD'), evidence: v.evidence ?? '', done: v.done },
        })
      }
    >
      <Typography.Paragraph strong>{r?.item}</Typography.Paragraph>
      <Form.Item name="owner" label={t('责任人')} rules={[{ required: true, whitespace: true, message: t('请填写责任人') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="dueDate" label={t('完成期限')} rules={[{ required: true, message: t('请选择日期') }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="evidence" label={t('完成证据')}>
        <Input.TextArea rows={3} maxLength={4000} placeholder={t('做了什么、记录在哪里（运维单号、变更编号等）')} />
      </Form.Item>
      <Form.Item name="done" valuePropName="checked">
        <Checkbox>{t('整改已完成')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

export function RemediesTable({ items, loading, pagination }: { items: TRemedy[]; loading?: boolean; pagination?: object | false }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [editing, setEditing] = useState<TRemedy | null>(null);
  const today = todayShanghai();
  return (
    <>
      <Table<TRemedy>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={pagination ?? false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'i', title: t('整改项'), render: (_, r) => <div style={{ minWidth: 200, maxWidth: 420 }}>{r.item}</div> },
          { key: 'm', title: t('考核月份'), width: 90, responsive: ['md'], render: (_, r) => r.month },
          { key: 'o', title: t('责任人'), width: 90, render: (_, r) => r.owner },
          {
            key: 'd',
            title: t('完成期限'),
            width: 120,
            render: (_, r) => (
              <Space size={4}>
                {r.dueDate}
                {!r.doneAt && r.dueDate < today && <Tag color="error">{t('逾期')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'e',
            title: t('完成情况'),
            render: (_, r) =>
              r.doneAt ? (
                <div style={{ maxWidth: 360 }}>
                  <Tag color="success">{t('已完成')}</Tag>
                  {r.evidence}
                </div>
              ) : can('assessment.remedy') ? (
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('办理')}
                </Button>
              ) : (
                <Tag>{t('未完成')}</Tag>
              ),
          },
        ]}
      />
      <EditRemedy r={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function Remedies() {
  const { t } = useI18n();
  const [open, setOpen] = useState<'true' | 'false' | 'all'>('true');
  const [page, setPage] = useState(1);
  const list = useCall(api.remedies, { query: { page, pageSize: 20, ...(open !== 'all' ? { open } : {}) } });
  return (
    <>
      <Segmented
        style={{ marginBottom: 12 }}
        value={open}
        onChange={(v: 'true' | 'false' | 'all') => (setOpen(v), setPage(1))}
        options={[
          { value: 'true', label: t('未完成') },
          { value: 'false', label: t('已完成') },
          { value: 'all', label: t('全部') },
        ]}
      />
      <RemediesTable
        items={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      />
    </>
  );
}

export function AssessmentsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const tab = params.get('tab') === 'remedies' ? 'remedies' : 'months';
  return (
    <div>
      <PageHeader
        title={t('月度考核')}
        subtitle={t('按合同附件一各服务项目的服务质量考核标准逐月考核：证据预填，甲方评分签署')}
        extra={
          can('assessment.prepare') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('生成考核表')}
            </Button>
          )
        }
      />
      <Card>
        <Segmented
          style={{ marginBottom: 12 }}
          value={tab}
          onChange={(v) => setParams(v === 'remedies' ? { tab: v } : {}, { replace: true })}
          options={[
            { value: 'months', label: t('考核月份') },
            { value: 'remedies', label: t('整改') },
          ]}
        />
        {tab === 'months' ? <Months /> : <Remedies />}
      </Card>
      <NewMonth open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
