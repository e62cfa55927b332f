// The rosters: state and version per line; new and edited in the roster editor; the uncovered hours
// before publishing, and publishing (with gaps only after an explicit acknowledgement); a personal
// calendar link.
import { Alert, Button, Card, List, Modal, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TGapReport, TRoster, TRosterDetail } from '../../../common/duty.ts';
import { dutyApi as api } from '../../../common/duty.api.ts';
import { call, isApiError } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { useLineLabel } from '../../components/LineTags.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { RosterEditor } from './RosterEditor.tsx';

export function RostersPanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const label = useLineLabel();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [gaps, setGaps] = useState<{ roster: TRoster; report: TGapReport } | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [editing, setEditing] = useState<TRosterDetail | 'new' | null>(null);
  const list = useCall(api.rosters, { query: { page, pageSize: 20 } });
  const check = async (r: TRoster) => setGaps({ roster: r, report: await call(api.gaps, { params: { id: r.id } }) });
  const publish = async (r: TRoster, acknowledgeGaps: boolean) => {
    try {
      await call(api.publish, { params: { id: r.id }, body: { acknowledgeGaps } });
      fb.ok('已发布');
      setGaps(null);
      await qc.invalidateQueries({ queryKey: ['duty'] });
    } catch (e) {
      if (isApiError(e) && e.code === 'duty.gaps') await check(r);
      else fb.fail(e);
    }
  };
  return (
    <Card
      size="small"
      title={t('排班表')}
      extra={
        <Space wrap>
          {can('duty.write') && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('新建排班表')}
            </Button>
          )}
          <Button onClick={() => void call(api.icsToken, {}).then((x) => setLink(new URL(x.url, location.href).href), fb.fail)}>
            {t('我的值班日历')}
          </Button>
        </Space>
      }
    >
      {link && (
        <Alert
          type="info"
          closable
          onClose={() => setLink(null)}
          style={{ marginBottom: 12 }}
          message={t('订阅链接（仅本人使用；重新生成后旧链接失效）')}
          description={<Typography.Text copyable>{link}</Typography.Text>}
        />
      )}
      <List
        loading={!list.data}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage, size: 'small' }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button key="g" size="small" onClick={() => void check(r).catch(fb.fail)}>
                {t('检查空档')}
              </Button>,
              ...(can('duty.write')
                ? [
                    <Button key="e" size="small" onClick={() => void call(api.roster, { params: { id: r.id } }).then(setEditing, fb.fail)}>
                      {t('编辑')}
                    </Button>,
                  ]
                : []),
              ...(can('duty.write') && r.state === 'draft'
                ? [
                    <Button key="p" size="small" type="primary" onClick={() => void publish(r, false)}>
                      {t('发布')}
                    </Button>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  {label(r.line)} {r.name}
                  {r.state === 'published' ? <Tag color="green">{t('已发布 v{n}', { n: r.version })}</Tag> : <Tag>{t('草稿')}</Tag>}
                </Space>
              }
              description={`${r.periodStart} – ${r.periodEnd}${r.publishedAt ? ` · ${r.publishedByName ?? ''} ${fmtTime(r.publishedAt)}` : ''}`}
            />
          </List.Item>
        )}
      />
      {editing && <RosterEditor roster={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {gaps && (
        <Modal
          open
          title={t('无人值守时段')}
          onCancel={() => setGaps(null)}
          footer={
            can('duty.write') && gaps.roster.state === 'draft' && gaps.report.gaps.length > 0
              ? [
                  <Button key="c" onClick={() => setGaps(null)}>
                    {t('返回修改')}
                  </Button>,
                  <Button key="ack" danger onClick={() => void publish(gaps.roster, true)}>
                    {t('知悉空档，仍然发布')}
                  </Button>,
                ]
              : null
          }
        >
          {gaps.report.gaps.length === 0 ? (
            <Alert type="success" message={t('全时段有人值守')} />
          ) : (
            <>
              <Alert
                type="warning"
                showIcon
                message={t('共 {n} 段、{h} 小时无人值守', { n: gaps.report.gaps.length, h: gaps.report.totalHours })}
              />
              <List
                size="small"
                dataSource={gaps.report.gaps.slice(0, 50)}
                renderItem={(g) => (
                  <List.Item>
                    {fmtTime(g.start)} – {fmtTime(g.end)}（{g.hours} h）
                  </List.Item>
                )}
              />
            </>
          )}
        </Modal>
      )}
    </Card>
  );
}
