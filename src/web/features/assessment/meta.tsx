// Tags of the assessment pages: a month's state and result, the termination right.
import { Space, Tag } from 'antd';
import { ASSESSMENT_RESULT_NAMES, ASSESSMENT_STATE_NAMES, type TAssessment } from '../../../common/assessment.ts';
import { pick, useI18n } from '../../i18n/index.tsx';

export function MonthTags({ m }: { m: TAssessment }) {
  const { t, lang } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={m.state === 'draft' ? 'processing' : 'default'}>{pick(lang, ASSESSMENT_STATE_NAMES[m.state])}</Tag>
      {m.result && <Tag color={m.result === 'pass' ? 'success' : 'error'}>{pick(lang, ASSESSMENT_RESULT_NAMES[m.result])}</Tag>}
      {m.cureRequired && !m.curedOn && !m.terminationRight && <Tag color="warning">{t('纠正期')}</Tag>}
      {m.terminationRight && <Tag color="red">{t('解除权')}</Tag>}
    </Space>
  );
}

export const pct = (rate: number | undefined) => (rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);
