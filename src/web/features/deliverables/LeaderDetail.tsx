// One leader support request: what is wanted and by when; the project manager assigns it; the files
// for the next delivery are uploaded one by one and delivered with a note; the agency accepts or asks again.
import { Button, Card, Descriptions, Input, List, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { LEADER_KIND_NAMES, type TLeaderRequest } from '../../../common/deliverables.ts';
import { deliverablesApi as api } from '../../../common/deliverables.api.ts';
import { call, urlOf } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { uploadFile } from '../../api/upload.ts';
import { useAuth } from '../../app/auth.tsx';
import { fmtDate, fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { LeaderState } from './LeaderPage.tsx';
import { useRun } from './useRun.ts';

type Run = ReturnType<typeof useRun>['run'];

function FileLinks({ r, files }: { r: TLeaderRequest; files: TLeaderRequest['pendingFiles'] }) {
  return (
    <Space wrap>
      {files.map((f) => (
        <a key={f.id} href={urlOf(api.leaderFile, { params: { id: r.id, fileId: f.id } })} target="_blank" rel="noreferrer">
          {f.name}
        </a>
      ))}
    </Space>
  );
}

function Assign({ r, busy, run }: { r: TLeaderRequest; busy: boolean; run: Run }) {
  const { t } = useI18n();
  const people = useCall(api.assignees, {});
  return (
    <Select
      style={{ minWidth: 200 }}
      placeholder={t('分派承办人')}
      value={r.assigneeId ?? undefined}
      loading={busy || people.isFetching}
      options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
      onChange={(assigneeId: string) =>
        void run(() => call(api.assignLeaderRequest, { params: { id: r.id }, body: { assigneeId } }), '已分派')
      }
    />
  );
}

function Deliver({ r, busy, run }: { r: TLeaderRequest; busy: boolean; run: Run }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  return (
    <Card size="small" title={t('交付')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <FileLinks r={r} files={r.pendingFiles} />
        <input
          type="file"
          data-testid="leader-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void run(() => uploadFile(api.uploadLeaderFile, { params: { id: r.id } }, f, () => undefined), '已上传');
          }}
        />
        <Input.TextArea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('交付说明')} />
        <Button
          type="primary"
          loading={busy}
          disabled={!note.trim() || !r.pendingFiles.length}
          onClick={() => void run(() => call(api.deliverLeaderRequest, { params: { id: r.id }, body: { note } }), '已交付')}
        >
          {t('交付甲方验收')}
        </Button>
      </Space>
    </Card>
  );
}

function Accept({ r, busy, run }: { r: TLeaderRequest; busy: boolean; run: Run }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const decide = (decision: 'accepted' | 'again') =>
    run(
      () => call(api.decideLeaderRequest, { params: { id: r.id }, body: { decision, comment } }),
      decision === 'accepted' ? '已验收' : '已要求补充',
    );
  return (
    <Card size="small" title={t('甲方验收')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          rows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('还需要什么（要求补充时必填）')}
        />
        <Space wrap>
          <Button type="primary" loading={busy} onClick={() => void decide('accepted')}>
            {t('验收通过')}
          </Button>
          <Button loading={busy} disabled={!comment.trim()} onClick={() => void decide('again')}>
            {t('要求补充')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

export function LeaderDetail() {
  const { t } = useI18n();
  const { can, me } = useAuth();
  const { id = '' } = useParams();
  const q = useCall(api.leaderRequest, { params: { id } });
  const { busy, run } = useRun('leader-requests');
  const r = q.data;
  if (!r) return <Card loading />;
  const open = r.state === 'open' || r.state === 'assigned';
  const mayDeliver = can('deliverables.assign') || (can('deliverables.deliver') && r.assigneeId === me?.id);
  return (
    <div>
      <PageHeader title={`${r.number} ${r.title}`} subtitle={<LeaderState r={r} />} />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'k', label: t('类别'), children: t(LEADER_KIND_NAMES[r.kind]) },
              { key: 'd', label: t('完成期限'), children: fmtDate(r.dueDate) },
              { key: 'r', label: t('提出人'), children: r.requester },
              { key: 'c', label: t('登记人'), children: `${r.createdByName} ${fmtTime(r.createdAt)}` },
              {
                key: 'a',
                label: t('承办人'),
                children: open && can('deliverables.assign') ? <Assign r={r} busy={busy} run={run} /> : (r.assigneeName ?? '—'),
              },
              {
                key: 'w',
                label: t('需要什么'),
                span: 2,
                children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.detail}</Typography.Text>,
              },
            ]}
          />
        </Card>
        {open && mayDeliver && <Deliver r={r} busy={busy} run={run} />}
        {r.state === 'delivered' && can('deliverables.review') && <Accept r={r} busy={busy} run={run} />}
        <Card size="small" title={t('交付记录')}>
          <List
            size="small"
            locale={{ emptyText: t('尚未交付') }}
            dataSource={[...r.deliveries].reverse()}
            renderItem={(d) => (
              <List.Item>
                <Space direction="vertical" size={2}>
                  <Typography.Text
                    strong
                  >{`${t('第 {n} 次交付', { n: d.round })} · ${d.deliveredByName} ${fmtTime(d.deliveredAt)}`}</Typography.Text>
                  <FileLinks r={r} files={d.files} />
                  <Typography.Text>{d.note}</Typography.Text>
                  {d.decision && (
                    <Typography.Text type={d.decision === 'again' ? 'warning' : 'success'}>
                      {`${d.decision === 'accepted' ? t('已验收') : t('要求补充')}（${d.decidedByName ?? ''} ${fmtTime(d.decidedAt)}）${d.comment ? `：${d.comment}` : ''}`}
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Space>
    </div>
  );
}
