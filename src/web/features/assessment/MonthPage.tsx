// One month's assessment: the result and each line's score rate, the termination right when flagged,
// the criteria with their evidence (scored here by the agency on a draft, then signed after a
// confirmation), the deduction proposal, the cure clock with the agency's notice and cure, a major
// security incident, and the remedies.
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Space, Typography, DatePicker } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { LINE_PASS_RATE, TERMINATION_NAMES, type TAssessmentDetail } from '../../../common/assessment.ts';
import { assessmentApi as api } from '../../../common/assessment.api.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { lineShort } from '../contract/lines.ts';
import { useRun } from '../../components/useRun.ts';
import { RemediesTable } from './AssessmentsPage.tsx';
import { Criteria, type Draft } from './Criteria.tsx';
import { MonthTags, pct } from './meta.tsx';

type DateNote = { date: dayjs.Dayjs; note: string };
type Ask = 'notice' | 'cure' | 'incident' | null;

function Asks({ m, ask, onClose }: { m: TAssessmentDetail; ask: Ask; onClose: () => void }) {
  const { t } = useI18n();
  const id = { id: m.id };
  const submit = (v: DateNote) => {
    const d = v.date.format('YYYY-MM-DD');
    if (ask === 'notice') return call(api.notice, { params: id, body: { noticeDate: d } });
    if (ask === 'cure') return call(api.cure, { params: id, body: { curedOn: d, note: v.note } });
    return call(api.incident, { params: id, body: { date: d, note: v.note } });
  };
  const title = ask === 'notice' ? '登记书面通知' : ask === 'cure' ? '登记已纠正' : '登记重大安全事件';
  return (
    <FormModal<DateNote>
      open={!!ask}
      onClose={onClose}
      title={t(title)}
      okText={t('登记')}
      successText="已登记"
      invalidate={['assessments']}
      submit={submit}
    >
      <Form.Item
        name="date"
        label={t(ask === 'notice' ? '通知日期' : ask === 'cure' ? '纠正日期' : '事件日期')}
        rules={[{ required: true, message: t('请选择日期') }]}
      >
        <DatePicker />
      </Form.Item>
      {ask !== 'notice' && (
        <Form.Item name="note" label={t('说明')} rules={[{ required: true, whitespace: true, message: t('请填写说明') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
    </FormModal>
  );
}

function Outcome({ m, onAsk }: { m: TAssessmentDetail; onAsk: (a: Ask) => void }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const agency = can('assessment.score');
  return (
    <Card size="small" title={t('考核结果')} style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        {SERVICE_LINE_CODES.flatMap((code) => {
          const r = m.lineRates?.[code];
          return r ? [{ code, r }] : [];
        }).map(({ code, r }) => (
          <Descriptions.Item key={code} label={lineShort(code, lang)}>
            <Typography.Text type={r.rate < LINE_PASS_RATE ? 'danger' : undefined}>
              {pct(r.rate)}（{r.points}/{r.max}）
            </Typography.Text>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('签署')}>{m.signedAt ? `${m.signedByName} ${fmtTime(m.signedAt)}` : '—'}</Descriptions.Item>
        {m.result === 'fail' && <Descriptions.Item label={t('扣款建议（元）')}>{m.deductionAmount ?? '—'}</Descriptions.Item>}
      </Descriptions>
      {m.result === 'fail' && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          {m.deductionBasis}
        </Typography.Paragraph>
      )}
      {m.cureRequired && (
        <Alert
          style={{ marginTop: 8 }}
          type={m.curedOn ? 'success' : 'warning'}
          showIcon
          message={t('连续两个月考核不合格：甲方书面通知后 30 日内须纠正（第十二条2）')}
          description={
            <Space direction="vertical" size={2}>
              <span>
                {t('书面通知')}：{m.noticeDate ?? t('未登记')}
                {m.cureDue && ` · ${t('纠正期限')}：${m.cureDue}`}
                {m.curedOn && ` · ${t('已纠正')}：${m.curedOn} ${m.cureNote}`}
              </span>
              {agency && !m.noticeDate && (
                <Button size="small" onClick={() => onAsk('notice')}>
                  {t('登记书面通知')}
                </Button>
              )}
              {agency && m.noticeDate && !m.curedOn && !m.terminationRight && (
                <Button size="small" onClick={() => onAsk('cure')}>
                  {t('登记已纠正')}
                </Button>
              )}
            </Space>
          }
        />
      )}
      {m.terminationRight && (
        <Alert
          style={{ marginTop: 8 }}
          type="error"
          showIcon
          message={`${t('甲方取得合同解除权')}：${pick(lang, TERMINATION_NAMES[m.terminationRight])}`}
          description={m.incidentDate ? `${m.incidentDate} ${m.incidentNote}` : undefined}
        />
      )}
      {agency && !m.incidentDate && (
        <Button size="small" danger style={{ marginTop: 8 }} onClick={() => onAsk('incident')}>
          {t('登记重大安全事件')}
        </Button>
      )}
    </Card>
  );
}

export function MonthPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { modal } = App.useApp();
  const q = useCall(api.get, { params: { id: id! } });
  const [draft, setDraft] = useState<Draft>({});
  const [fill, setFill] = useState<number | null>(9);
  const [ask, setAsk] = useState<Ask>(null);
  const { busy, run } = useRun('assessments', () => setDraft({}));
  const m = q.data;
  if (!m) return <Card loading={q.isLoading}>{q.error && <Empty description={t('月度考核不存在')} />}</Card>;
  const edit = m.state === 'draft' && can('assessment.score');
  const changed = Object.entries(draft).filter(([, v]) => v.score !== null);
  const save = () =>
    call(api.score, {
      params: { id: m.id },
      body: { scores: changed.map(([criterionId, v]) => ({ criterionId, ...v, score: v.score! })) },
    });
  const unscored = m.rows.filter((r) => r.score === null && draft[r.id]?.score == null);
  const fillRest = () =>
    setDraft((d) => ({ ...d, ...Object.fromEntries(unscored.map((r) => [r.id, { score: fill, comment: r.comment }])) }));
  const sign = () =>
    modal.confirm({
      title: t('签署 {month} 月度考核？', { month: m.month }),
      content: t('签署后评分不能再修改；不合格的月份将生成整改项和扣款建议。'),
      okText: t('签署'),
      cancelText: t('取消'),
      onOk: () => run(async () => (changed.length && (await save()), call(api.sign, { params: { id: m.id } })), '已签署'),
    });
  return (
    <div>
      <PageHeader title={t('{month} 月度考核', { month: m.month })} subtitle={<MonthTags m={m} />} />
      {(m.state === 'signed' || m.cureRequired || m.terminationRight) && <Outcome m={m} onAsk={setAsk} />}
      {edit && (
        <Card size="small" style={{ marginBottom: 12, position: 'sticky', top: 0, zIndex: 2 }}>
          <Space wrap>
            <Typography.Text>{t('已评 {n}/{total} 项', { n: m.rows.length - unscored.length, total: m.rows.length })}</Typography.Text>
            <Space.Compact>
              <InputNumber
                aria-label={t('统一分数')}
                min={0}
                max={10}
                precision={0}
                value={fill}
                onChange={setFill}
                style={{ width: 70 }}
              />
              <Button disabled={!unscored.length || fill === null} onClick={fillRest}>
                {t('未评分项统一评分')}
              </Button>
            </Space.Compact>
            <Button loading={busy} disabled={!changed.length} onClick={() => run(save, '评分已保存')}>
              {t('保存评分')}
            </Button>
            <Button type="primary" loading={busy} disabled={unscored.length > 0} onClick={sign}>
              {t('签署')}
            </Button>
          </Space>
        </Card>
      )}
      <Criteria rows={m.rows} edit={edit} draft={draft} onChange={(cid, v) => setDraft((d) => ({ ...d, [cid]: v }))} />
      {m.remedies.length > 0 && (
        <Card size="small" title={t('整改')} style={{ marginTop: 12 }}>
          <RemediesTable items={m.remedies} />
        </Card>
      )}
      <Asks m={m} ask={ask} onClose={() => setAsk(null)} />
    </div>
  );
}
