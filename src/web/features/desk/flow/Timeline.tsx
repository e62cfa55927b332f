// The ticket's timeline: everything that happened, in order, with who did it.
import { Empty, Timeline, Typography } from 'antd';
import { fmtTime } from '../../../components/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useTimeline } from './queries.ts';

const KIND: Record<string, { zh: string; en: string; color?: string }> = {
  created: { zh: '登记', en: 'Logged' },
  callback: { zh: '回电', en: 'Called back', color: 'green' },
  arrive: { zh: '到场', en: 'Arrived', color: 'green' },
  resolve: { zh: '解决', en: 'Resolved', color: 'green' },
  report: { zh: '报告甲方', en: 'Reported to agency', color: 'green' },
  pause: { zh: '暂停计时', en: 'Clocks paused', color: 'gray' },
  resume: { zh: '恢复计时', en: 'Clocks resumed', color: 'blue' },
  assigned: { zh: '派单', en: 'Assigned', color: 'blue' },
  document: { zh: '文档', en: 'Document', color: 'blue' },
  emergency: { zh: '应急模式', en: 'Emergency mode', color: 'red' },
  confirmed: { zh: '甲方确认', en: 'Confirmed by agency', color: 'green' },
  rejected: { zh: '甲方驳回', en: 'Rejected by agency', color: 'red' },
  worklog: { zh: '工作记录', en: 'Work logged', color: 'blue' },
  merged: { zh: '并入另一单', en: 'Merged into another ticket', color: 'gray' },
  merged_from: { zh: '合并重复单', en: 'Duplicate merged in', color: 'blue' },
  worklog_deleted: { zh: '删除工作记录', en: 'Work log deleted', color: 'gray' },
  attachment_deleted: { zh: '删除附件', en: 'Attachment deleted', color: 'gray' },
  followup: { zh: '回访', en: 'Followed up', color: 'green' },
  attachment: { zh: '附件', en: 'Attachment', color: 'gray' },
};

export function TimelinePanel({ ticketId }: { ticketId: string }) {
  const { t, lang } = useI18n();
  const q = useTimeline(ticketId);
  const items = q.data ?? [];
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无记录')} />;
  return (
    <Timeline
      items={items.map((e) => {
        const k = KIND[e.kind];
        const label = k ? (lang === 'en-US' ? k.en : k.zh) : e.kind;
        return {
          color: k?.color ?? 'blue',
          content: (
            <div>
              <div>
                <span style={{ fontWeight: 500 }}>{label}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                  {fmtTime(e.at)} · {e.actorName || t('系统')}
                </Typography.Text>
              </div>
              {e.note && e.note !== label && <div style={{ whiteSpace: 'pre-wrap', color: '#374151', fontSize: 13 }}>{e.note}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
