// One improvement request: what and why, its path so far (decision, implementation, the agency's
// evaluation against the request), and the next step for whoever may take it (R-SD-12).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Form, Input, Radio, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  IMPROVEMENT_RESULT_NAMES,
  IMPROVEMENT_RESULTS,
  IMPROVEMENT_STATE_NAMES,
  type TImprovement,
  type TImprovementAction,
} from '../../../common/improve.ts';
import { improveApi } from '../../../common/improve.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { pick, useI18n } from '../../i18n/index.tsx';
import { lineName } from '../contract/lines.ts';
import { RESULT_COLOR, STATE_COLOR } from './meta.ts';

type Act = TImprovementAction['action'];
const STEP_OF: Record<TImprovement['status'], number> = {
  proposed: 0,
  assessing: 1,
  accepted: 2,
  rejected: 2,
  implemented: 3,
  evaluated: 4,
};

/** The actions open to this user on a request in this state. */
function actionsFor(r: TImprovement, can: (p: string) => boolean): Act[] {
  const out: Act[] = [];
  if (can('improve.manage')) {
    if (r.status === 'proposed') out.push('assess');
    if (r.status === 'proposed' || r.status === 'assessing') out.push('accept', 'reject');
    if (r.status === 'accepted') out.push('implement');
  }
  if (can('improve.evaluate') && r.status === 'implemented') out.push('evaluate');
  return out;
}

const ACTION_LABEL: Record<Act, string> = {
  assess: '开始评估',
  accept: '采纳',
  reject: '不采纳',
  implement: '实施完成',
  evaluate: '评价结果',
};

function ActionForm({ r, action, onDone }: { r: TImprovement; action: Act; onDone: () => void }) {
  const { t, lang } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ note: string; result?: 'met' | 'partly' | 'not_met' }>();
  const m = useMutation({
    mutationFn: (v: { note: string; result?: 'met' | 'partly' | 'not_met' }) =>
      call(improveApi.act, {
        params: { id: r.id },
        body: { action, note: v.note ?? '', ...(v.result ? { result: v.result } : {}) } as TImprovementAction,
      }),
    onSuccess: async () => {
      fb.ok('已保存');
      await qc.invalidateQueries({ queryKey: ['improvements'] });
      onDone();
    },
    onError: (e) => fb.fail(e, form),
  });
  const noteNeeded = action === 'accept' || action === 'reject' || action === 'implement';
  return (
    <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)} style={{ marginTop: 12 }}>
      {action === 'evaluate' && (
        <Form.Item name="result" label={t('是否达到建议的要求')} rules={[{ required: true, message: t('请选择评价结果') }]}>
          <Radio.Group options={IMPROVEMENT_RESULTS.map((k) => ({ value: k, label: pick(lang, IMPROVEMENT_RESULT_NAMES[k]) }))} />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={action === 'implement' ? t('实施情况') : action === 'evaluate' ? t('评价说明') : t('说明')}
        rules={noteNeeded ? [{ required: true, whitespace: true, message: t('请填写说明') }] : []}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Space>
        <Button onClick={onDone}>{t('取消')}</Button>
        <Button type="primary" htmlType="submit" loading={m.isPending} danger={action === 'reject'}>
          {t(ACTION_LABEL[action])}
        </Button>
      </Space>
    </Form>
  );
}

export function ImprovementDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const [acting, setActing] = useState<Act | null>(null);
  const q = useCall(improveApi.get, { params: { id: id ?? '' } }, { enabled: !!id });
  const r = id ? q.data : undefined;
  const close = () => {
    setActing(null);
    onClose();
  };
  const acts = r ? actionsFor(r, can) : [];
  const states = ['proposed', 'assessing', r?.status === 'rejected' ? 'rejected' : 'accepted', 'implemented', 'evaluated'] as const;
  return (
    <Drawer open={!!id} onClose={close} size={560} title={r ? `${r.number} ${r.title}` : t('改进建议')} destroyOnHidden>
      {r && (
        <>
          <Steps
            size="small"
            current={STEP_OF[r.status]}
            status={r.status === 'rejected' ? 'error' : r.status === 'evaluated' ? 'finish' : 'process'}
            items={states.map((s) => ({ title: pick(lang, IMPROVEMENT_STATE_NAMES[s]) }))}
            style={{ marginBottom: 16 }}
          />
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
            items={[
              {
                key: 's',
                label: t('状态'),
                children: <Tag color={STATE_COLOR[r.status]}>{pick(lang, IMPROVEMENT_STATE_NAMES[r.status])}</Tag>,
              },
              { key: 'l', label: t('服务项目'), children: lineName(r.serviceLine, lang) },
              { key: 'b', label: t('提出人'), children: `${r.submittedByName} · ${fmtTime(r.createdAt)}` },
              {
                key: 'w',
                label: t('改进原因'),
                children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</Typography.Text>,
              },
              ...(r.decidedByName
                ? [
                    {
                      key: 'd',
                      label: t('评估与决定'),
                      children: `${r.decisionNote || '—'}（${r.decidedByName}${r.decidedAt ? ` · ${fmtTime(r.decidedAt)}` : ''}）`,
                    },
                  ]
                : []),
              ...(r.implementedAt
                ? [{ key: 'i', label: t('实施情况'), children: `${r.implementationNote}（${fmtTime(r.implementedAt)}）` }]
                : []),
              ...(r.result
                ? [
                    {
                      key: 'e',
                      label: t('甲方评价'),
                      children: (
                        <>
                          <Tag color={RESULT_COLOR[r.result]}>{pick(lang, IMPROVEMENT_RESULT_NAMES[r.result])}</Tag>
                          {r.evaluationNote}（{r.evaluatedByName} · {fmtTime(r.evaluatedAt)}）
                        </>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {acts.length > 0 && !acting && (
            <Space wrap style={{ marginTop: 16 }}>
              {acts.map((a) => (
                <Button key={a} type={a === 'reject' ? 'default' : 'primary'} danger={a === 'reject'} onClick={() => setActing(a)}>
                  {t(ACTION_LABEL[a])}
                </Button>
              ))}
            </Space>
          )}
          {acting && <ActionForm key={acting} r={r} action={acting} onDone={() => setActing(null)} />}
        </>
      )}
    </Drawer>
  );
}
