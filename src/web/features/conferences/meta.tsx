// Tags and small pieces shared by the conferences pages.
import { Progress, Space, Tag } from 'antd';
import { MEETING_STATE_NAMES, type MeetingState, type TMeeting } from '../../../common/conferences.ts';
import { useI18n } from '../../i18n/index.tsx';

const STATE_COLOR: Record<MeetingState, string> = { planned: 'processing', tested: 'success', done: 'default', cancelled: 'default' };

export function MeetingState({ m }: { m: TMeeting }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={STATE_COLOR[m.state]}>{t(MEETING_STATE_NAMES[m.state])}</Tag>
      {m.testedInTime === false && <Tag color="red">{t('会前未完成联调')}</Tag>}
    </Space>
  );
}

/** Checks done of those needed; red when one failed. */
export function TestProgress({ m, width = 120 }: { m: TMeeting; width?: number }) {
  return (
    <Progress
      style={{ width, margin: 0 }}
      size="small"
      percent={Math.round((m.checked / Math.max(1, m.needed)) * 100)}
      status={m.failed ? 'exception' : m.checked === m.needed ? 'success' : 'active'}
      format={() => `${m.checked}/${m.needed}`}
    />
  );
}
