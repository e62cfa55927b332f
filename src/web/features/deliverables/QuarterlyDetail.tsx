// One quarterly summary: its versions with their files and the agency's answers, the 15-day period,
// the thread of both sides; the agency approves or objects, the project manager resubmits.
import { Alert, Button, Card, Descriptions, Input, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { quarterLabel, type TQuarterly } from '../../../common/deliverables.ts';
import { deliverablesApi as api } from '../../../common/deliverables.api.ts';
import { call, urlOf } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { uploadForm } from '../../api/upload.ts';
import { useAuth } from '../../app/auth.tsx';
import { fmtDate, fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { QuarterlyState, summaryForm } from './QuarterlyPage.tsx';
import { Thread } from './Thread.tsx';
import { useRun } from './useRun.ts';

const DECISION: Record<string, string> = { approved: '甲方评审通过', objected: '甲方提出质疑', silence: '逾期未提出异议，视为通过' };

function Versions({ q }: { q: TQuarterly }) {
  const { t } = useI18n();
  return (
    <Timeline
      items={[...q.versions].reverse().map((v) => ({
        color: v.decision === 'objected' ? 'orange' : v.decision ? 'green' : 'blue',
        children: (
          <Space direction="vertical" size={2}>
            <Typography.Text
              strong
            >{`${t('第 {n} 版', { n: v.version })} · ${v.submittedByName} ${fmtTime(v.submittedAt)}`}</Typography.Text>
            <a href={urlOf(api.quarterlyFile, { params: { id: q.id, fileId: v.fileId } })} target="_blank" rel="noreferrer">
              {v.fileName}
            </a>
            {v.reportRef && <Typography.Text type="secondary">{`${t('引用的报告')}：${v.reportRef}`}</Typography.Text>}
            {v.note && <Typography.Text type="secondary">{v.note}</Typography.Text>}
            <Typography.Text type="secondary">{`${t('评审期限')}：${fmtDate(v.dueDate)}`}</Typography.Text>
            {v.decision && (
              <Typography.Text>{`${t(DECISION[v.decision] ?? v.decision)}（${v.decidedByName ?? ''} ${fmtTime(v.decidedAt)}）${
                v.comment && v.decision !== 'silence' ? `：${v.comment}` : ''
              }`}</Typography.Text>
            )}
          </Space>
        ),
      }))}
    />
  );
}

function Resubmit({ id, busy, run }: { id: string; busy: boolean; run: ReturnType<typeof useRun>['run'] }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  return (
    <Card size="small" title={t('修改后重新提交')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <input type="file" accept=".docx,.doc,.pdf" data-testid="resubmit-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <Input.TextArea
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('修改说明（可选）')}
        />
        <Button
          type="primary"
          loading={busy}
          disabled={!file}
          onClick={() =>
            void run(
              () => uploadForm(api.resubmitQuarterly, { params: { id } }, summaryForm(file!, { note }), () => undefined),
              '已提交新版本',
            )
          }
        >
          {t('提交新版本')}
        </Button>
      </Space>
    </Card>
  );
}

export function QuarterlyDetail() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const q = useCall(api.quarterly, { params: { id } });
  const [comment, setComment] = useState('');
  const { busy, run } = useRun('quarterlies', () => setComment(''));
  const d = q.data;
  if (!d) return <Card loading />;
  const decide = (decision: 'approved' | 'objected') =>
    run(
      () => call(api.decideQuarterly, { params: { id }, body: { decision, comment } }),
      decision === 'approved' ? '已通过评审' : '已提出质疑',
    );
  return (
    <div>
      <PageHeader title={`${quarterLabel(d.quarter)}${t('服务工作总结')}`} subtitle={<QuarterlyState q={d} />} />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {d.state === 'approved' && d.approvedHow === 'silence' && (
          <Alert
            type="success"
            showIcon
            message={t('逾期未提出异议，视为通过')}
            description={t('评审期至 {date} 届满，甲方未提出质疑，系统已记录为通过评审（合同第六条第 3 款）', { date: fmtDate(d.dueDate) })}
          />
        )}
        {d.state === 'submitted' && (
          <Alert
            type={(d.daysLeft ?? 0) <= 3 ? 'warning' : 'info'}
            showIcon
            message={t('请于 {date} 前评审或提出质疑（剩余 {n} 天）', { date: fmtDate(d.dueDate), n: Math.max(0, d.daysLeft ?? 0) })}
            description={t('15 日内未提出质疑的，视为甲方通过评审')}
          />
        )}
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'q', label: t('季度'), children: quarterLabel(d.quarter) },
              { key: 'v', label: t('版本'), children: t('第 {n} 版', { n: d.version }) },
              { key: 'u', label: t('更新时间'), children: fmtTime(d.updatedAt) },
            ]}
          />
        </Card>
        {d.state === 'submitted' && can('deliverables.review') && (
          <Card size="small" title={t('甲方评审')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                rows={3}
                maxLength={2000}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                placeholder={t('评审意见（提出质疑时必填）')}
                data-testid="review-comment"
              />
              <Space wrap>
                <Button type="primary" loading={busy} onClick={() => void decide('approved')}>
                  {t('评审通过')}
                </Button>
                <Button danger loading={busy} disabled={!comment.trim()} onClick={() => void decide('objected')}>
                  {t('提出质疑')}
                </Button>
              </Space>
            </Space>
          </Card>
        )}
        {d.state === 'objected' && can('deliverables.submit') && <Resubmit id={id} busy={busy} run={run} />}
        <Card size="small" title={t('版本与评审记录')}>
          <Versions q={d} />
        </Card>
        <Card size="small" title={t('质疑与讨论')}>
          <Thread
            comments={d.comments}
            busy={busy}
            {...(can('deliverables.review') || can('deliverables.submit')
              ? { onSend: (body: string) => run(() => call(api.commentQuarterly, { params: { id }, body: { body } }), '已发送') }
              : {})}
          />
        </Card>
      </Space>
    </div>
  );
}
