// Small pieces the inspection pages share: state tags.
import { Tag } from 'antd';
import { PLAN_STATE_NAMES, SHEET_STATE_NAMES, type TPlan, type TSheet } from '../../../common/inspections.ts';
import { useI18n } from '../../i18n/index.tsx';

export function SheetStateTag({ s }: { s: Pick<TSheet, 'state' | 'overdue'> }) {
  const { t } = useI18n();
  if (s.overdue) return <Tag color="red">{t('已逾期')}</Tag>;
  return <Tag color={s.state === 'submitted' ? 'green' : 'blue'}>{t(SHEET_STATE_NAMES[s.state])}</Tag>;
}

export function PlanStateTag({ state }: { state: TPlan['state'] }) {
  const { t } = useI18n();
  const color = { submitted: 'gold', approved: 'green', returned: 'red' }[state];
  return <Tag color={color}>{t(PLAN_STATE_NAMES[state])}</Tag>;
}
