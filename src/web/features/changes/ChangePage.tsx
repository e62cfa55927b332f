// One change: what, why, on whose basis, the window; the approval steps as a timeline with the
// buttons of the step the user may decide (works on a phone); the devices with their backups before
// and after and the diff; the timeline; Word form.
import { FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Descriptions, Input, Space, Steps, Timeline, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  APPROVER_ROLE_NAMES,
  BASIS_NAMES,
  CHANGE_CATEGORY_NAMES,
  CHANGE_TYPE_NAMES,
  type ChangeAction,
  type TChangeDetail,
} from '../../../common/changes.ts';
import { changesApi as api } from '../../../common/changes.api.ts';
import { call } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { DiffView } from '../configbackup/DiffView.tsx';
import { RiskTag, StateTag } from './meta.tsx';

const ACTION_TEXT: Record<ChangeAction, string> = {
  submit: '提交审批',
  approve: '同意',
  reject: '驳回',
  return: '退回修改',
  start: '开始实施（先备份）',
  finish: '完成实施（再备份）',
  confirm: '确认变更结果',
  cancel: '取消变更',
};

/** The actions this user may take on the change now (the server checks again). */
function actionsFor(c: TChangeDetail, can: (p: string) => boolean, roles: string[]): ChangeAction[] {
  const out: ChangeAction[] = [];
  const write = can('changes.write');
  if (write && (c.state === 'draft' || c.state === 'returned')) out.push('submit');
  if (c.awaiting && can('changes.approve') && roles.includes(c.awaiting))
    out.push('approve', 'reject', ...(c.state === 'submitted' ? (['return'] as const) : []));
  if (write && (c.state === 'approved' || (c.type === 'emergency' && c.state === 'submitted'))) out.push('start');
  if (write && c.state === 'implementing') out.push('finish');
  if (can('changes.confirm') && c.state === 'implemented' && !c.awaiting) out.push('confirm');
  if (write && ['draft', 'returned', 'submitted', 'approved'].includes(c.state)) out.push('cancel');
  return out;
}

function DeviceDiff({ id, deviceId }: { id: string; deviceId: string }) {
  const diff = useCall(api.diff, { params: { id, deviceId } });
  return diff.data !== undefined ? <DiffView text={diff.data} /> : null;
}

export function ChangePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { can, me } = useAuth();
  const qc = useQueryClient();
  const fb = useFeedback();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<ChangeAction | null>(null);
  const q = useCall(api.get, { params: { id } });
  const c = q.data;
  if (!c) return <Card loading />;
  const actions = actionsFor(c, can, me?.roles ?? []);
  const act = async (action: ChangeAction) => {
    setBusy(action);
    try {
      await call(api.act, { params: { id }, body: { action, comment } });
      setComment('');
      fb.ok('已完成');
      await qc.invalidateQueries({ queryKey: ['changes'] });
    } catch (e) {
      fb.fail(e);
    } finally {
      setBusy(null);
    }
  };
  const stepStatus = { pending: 'wait', approved: 'finish', rejected: 'error', returned: 'error' } as const;
  return (
    <div>
      <PageHeader
        title={`${c.number} ${c.title}`}
        subtitle={t(CHANGE_TYPE_NAMES[c.type])}
        extra={
          <Button icon={<FileWordOutlined />} onClick={() => void downloadFile(api.word, { params: { id } }).catch(fb.fail)}>
            {t('导出变更申请单')}
          </Button>
        }
      />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Space wrap>
          <StateTag state={c.state} />
          <RiskTag risk={c.risk} />
          {c.approvalDueAt && (
            <Typography.Text type={c.approvalOverdue ? 'danger' : 'secondary'}>
              {t('补办审批期限')}：{fmtTime(c.approvalDueAt)}
            </Typography.Text>
          )}
        </Space>
        {c.conflicts.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('时间窗口冲突')}
            description={c.conflicts.map((x) => (
              <div key={x.id}>
                <Link to={`/changes/${x.id}`}>{x.number}</Link> {x.title}（{x.deviceName}）
              </div>
            ))}
          />
        )}
        {c.approvals.length > 0 && (
          <Card size="small" title={t('审批步骤')}>
            <Steps
              direction="vertical"
              size="small"
              items={c.approvals.map((s) => ({
                status: stepStatus[s.status],
                title: t(APPROVER_ROLE_NAMES[s.role] ?? s.role),
                description: s.byName ? `${s.byName} · ${fmtTime(s.at)}${s.comment ? ` · ${s.comment}` : ''}` : t('待审批'),
              }))}
            />
          </Card>
        )}
        {actions.length > 0 && (
          <Card size="small">
            <Input.TextArea
              rows={2}
              maxLength={2000}
              placeholder={t('意见或说明（可选）')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
            <Space wrap style={{ marginTop: 8 }}>
              {actions.map((a) => (
                <Button
                  key={a}
                  type={a === 'approve' || a === 'confirm' || a === 'submit' ? 'primary' : 'default'}
                  danger={a === 'reject' || a === 'cancel'}
                  loading={busy === a}
                  disabled={busy !== null && busy !== a}
                  onClick={() => void act(a)}
                >
                  {t(ACTION_TEXT[a])}
                </Button>
              ))}
            </Space>
          </Card>
        )}
        <Card size="small" title={t('变更内容')}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('变更类别')}>{t(CHANGE_CATEGORY_NAMES[c.category])}</Descriptions.Item>
            <Descriptions.Item label={t('申请人')}>{c.createdByName}</Descriptions.Item>
            <Descriptions.Item label={t('计划窗口')}>
              {fmtTime(c.plannedStart)} – {fmtTime(c.plannedEnd)}
            </Descriptions.Item>
            <Descriptions.Item label={t('变更依据')}>
              {t(BASIS_NAMES[c.basis])}
              {c.basisText ? `：${c.basisText}` : ''}
            </Descriptions.Item>
            {c.systems && <Descriptions.Item label={t('涉及系统')}>{c.systems}</Descriptions.Item>}
            <Descriptions.Item label={t('变更原因')} span={2}>
              {c.reason}
            </Descriptions.Item>
            <Descriptions.Item label={t('实施步骤')} span={2}>
              <div style={{ whiteSpace: 'pre-wrap' }}>{c.steps}</div>
            </Descriptions.Item>
            <Descriptions.Item label={t('回退方案')} span={2}>
              <div style={{ whiteSpace: 'pre-wrap' }}>{c.rollback}</div>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        {c.devices.length > 0 && (
          <Card size="small" title={t('设备与配置备份')}>
            <Collapse
              items={c.devices.map((d) => ({
                key: d.deviceId,
                label: (
                  <Space wrap>
                    <Link to={`/changes/archive/${d.deviceId}`} onClick={(e) => e.stopPropagation()}>
                      {d.name}
                    </Link>
                    <Typography.Text type={d.beforeError ? 'danger' : 'secondary'}>
                      {t('变更前')}：{d.beforeVersionId ? t('已备份') : (d.beforeError ?? t('未备份'))}
                    </Typography.Text>
                    <Typography.Text type={d.afterError ? 'danger' : 'secondary'}>
                      {t('变更后')}：{d.afterVersionId ? t('已备份') : (d.afterError ?? t('未备份'))}
                    </Typography.Text>
                  </Space>
                ),
                collapsible: d.beforeVersionId && d.afterVersionId ? undefined : 'disabled',
                children: <DeviceDiff id={id} deviceId={d.deviceId} />,
              }))}
            />
          </Card>
        )}
        <Card size="small" title={t('处理记录')}>
          <Timeline
            items={c.events.map((e) => ({
              children: (
                <>
                  <Typography.Text strong>{t(ACTION_TEXT[e.kind as ChangeAction] ?? e.kind)}</Typography.Text> · {e.actorName} ·{' '}
                  {fmtTime(e.at)}
                  {e.comment && <div>{e.comment}</div>}
                </>
              ),
            }))}
          />
        </Card>
      </Space>
    </div>
  );
}
