// One finding (R-SEC-04/05): where it is, what it is and how to fix it, its due date, and the actions of
// its flow by role — the contractor starts and reports the fix or asks for an exception (accepted risk,
// false positive); the agency approves or rejects the exception. Verification is only by a later scan.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { STATE_ZH, type TFinding } from '../../../common/vulns.ts';
import { vulnsApi as api } from '../../../common/vulns.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { SeverityTag, StateTag } from './labels.tsx';

type Move = 'start' | 'fixed' | 'reopen';
const MOVE_TEXT: Record<Move, string> = { start: '开始整改', fixed: '已整改，待扫描验证', reopen: '重新打开' };
const MOVES_FROM: Record<Move, TFinding['state'][]> = {
  start: ['open'],
  fixed: ['open', 'fixing'],
  reopen: ['fixed', 'verified', 'accepted_risk', 'false_positive'],
};
const KIND_TEXT = { accepted_risk: '接受风险', false_positive: '误报' } as const;

function ExceptionModal({ f, open, onClose, onDone }: { f: TFinding; open: boolean; onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const [form] = Form.useForm<{ kind: 'accepted_risk' | 'false_positive'; reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { kind: 'accepted_risk' | 'false_positive'; reason: string }) => {
    setBusy(true);
    try {
      await call(api.requestException, { params: { id: f.id }, body: v });
      fb.ok('已提交甲方审批');
      await onDone();
      onClose();
    } catch (e) {
      fb.fail(e, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('申请例外（需甲方审批）')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'accepted_risk' }} onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item name="kind" label={t('类型')}>
          <Radio.Group
            options={[
              { value: 'accepted_risk', label: t('接受风险') },
              { value: 'false_positive', label: t('误报') },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('理由')} rules={[{ required: true, whitespace: true, message: t('请说明理由') }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function FindingPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const qc = useQueryClient();
  const fb = useFeedback();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const q = useCall(api.finding, { params: { id } });
  const f = q.data;
  if (q.isError) return <Alert type="error" showIcon title={t('漏洞记录不存在或无权查看')} />;
  if (!f) return <Card loading />;
  const refresh = () => qc.invalidateQueries({ queryKey: ['vulns'] });
  const act = async (key: string, run: () => Promise<unknown>, done: string) => {
    setBusy(key);
    try {
      await run();
      setNote('');
      fb.ok(done);
      await refresh();
    } catch (e) {
      fb.fail(e);
    } finally {
      setBusy(null);
    }
  };
  const write = can('vulns.write') && !f.request;
  const moves = write ? (Object.keys(MOVE_TEXT) as Move[]).filter((m) => MOVES_FROM[m].includes(f.state)) : [];
  const mayAsk = write && (f.state === 'open' || f.state === 'fixing');
  const mayDecide = can('vulns.approve') && !!f.request;
  const where = f.port ? `${f.address}:${f.port}/${f.protocol}` : f.address;
  return (
    <div>
      <PageHeader
        title={f.title}
        subtitle={<span className="yw-mono">{where}</span>}
        extra={<Link to="/vulns">{t('返回漏洞列表')}</Link>}
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <SeverityTag s={f.severity} />
          <StateTag s={f.state} />
          {f.dueDate && (
            <Typography.Text type={f.overdue ? 'danger' : 'secondary'}>
              {t('整改期限')}：{f.dueDate}
              {f.overdue ? ` ${t('已逾期')}` : ''}
            </Typography.Text>
          )}
        </Space>
        {f.request && (
          <Alert
            type="warning"
            showIcon
            title={t('{kind}申请待甲方审批', { kind: t(KIND_TEXT[f.request.kind]) })}
            description={`${f.request.by} · ${fmtTime(f.request.at)}：${f.request.reason}`}
          />
        )}
        {f.decisionNote && !f.request && <Alert type="info" showIcon title={`${t('甲方审批意见')}：${f.decisionNote}`} />}
        {(moves.length > 0 || mayAsk || mayDecide) && (
          <Card size="small" title={t('处理')}>
            <Input.TextArea
              rows={2}
              maxLength={500}
              placeholder={t('说明（可选）')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Space wrap style={{ marginTop: 8 }}>
              {moves.map((m) => (
                <Button
                  key={m}
                  type={m === 'reopen' ? 'default' : 'primary'}
                  loading={busy === m}
                  disabled={busy !== null}
                  onClick={() =>
                    void act(m, () => call(api.move, { params: { id }, body: { action: m, note: note || undefined } }), '已更新状态')
                  }
                >
                  {t(MOVE_TEXT[m])}
                </Button>
              ))}
              {mayAsk && (
                <Button disabled={busy !== null} onClick={() => setAsking(true)}>
                  {t('申请接受风险或误报')}
                </Button>
              )}
              {mayDecide &&
                ([true, false] as const).map((approve) => (
                  <Button
                    key={String(approve)}
                    type={approve ? 'primary' : 'default'}
                    danger={!approve}
                    loading={busy === String(approve)}
                    disabled={busy !== null}
                    onClick={() =>
                      void act(
                        String(approve),
                        () => call(api.decideException, { params: { id }, body: { approve, note: note || undefined } }),
                        approve ? '已批准' : '已驳回',
                      )
                    }
                  >
                    {t(approve ? '批准' : '驳回')}
                  </Button>
                ))}
            </Space>
          </Card>
        )}
        <Card size="small">
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('资产')}>
              {f.assetId ? <Link to={`/assets/${f.assetId}`}>{`${f.assetNumber ?? ''} ${f.assetName ?? ''}`}</Link> : t('未匹配资产')}
            </Descriptions.Item>
            <Descriptions.Item label={t('地址')}>
              <span className="yw-mono">{where}</span>
            </Descriptions.Item>
            <Descriptions.Item label="CVE">{f.cve ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('来源')}>{`${f.scanner} ${f.pluginId}`}</Descriptions.Item>
            <Descriptions.Item label={t('首次发现')}>{fmtTime(f.firstSeen)}</Descriptions.Item>
            <Descriptions.Item label={t('最近发现')}>{fmtTime(f.lastSeen)}</Descriptions.Item>
            {f.notSeenAt && <Descriptions.Item label={t('最近扫描未再发现')}>{fmtTime(f.notSeenAt)}</Descriptions.Item>}
            {f.fixedAt && <Descriptions.Item label={t('整改时间')}>{fmtTime(f.fixedAt)}</Descriptions.Item>}
            {f.verifiedAt && <Descriptions.Item label={t('验证时间')}>{fmtTime(f.verifiedAt)}</Descriptions.Item>}
            <Descriptions.Item label={t('状态')}>{t(STATE_ZH[f.state])}</Descriptions.Item>
          </Descriptions>
        </Card>
        {f.description && (
          <Card size="small" title={t('漏洞描述')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{f.description}</Typography.Paragraph>
          </Card>
        )}
        {f.solution && (
          <Card size="small" title={t('整改建议')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{f.solution}</Typography.Paragraph>
          </Card>
        )}
      </Space>
      <ExceptionModal f={f} open={asking} onClose={() => setAsking(false)} onDone={refresh} />
    </div>
  );
}
