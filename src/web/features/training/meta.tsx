// Tags and small pieces shared by the training pages.
import { Tag } from 'antd';
import { TRAINING_KIND_NAMES, TRAINING_STATE_NAMES, type TSession } from '../../../common/training.ts';
import { useI18n } from '../../i18n/index.tsx';

const STATE_COLOR: Record<TSession['state'], string> = {
  requested: 'gold',
  scheduled: 'processing',
  delivered: 'success',
  cancelled: 'default',
};
const KIND_COLOR: Record<TSession['kind'], string> = { user: 'blue', staff: 'cyan', security: 'purple' };

export function StateTag({ s }: { s: Pick<TSession, 'state'> }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLOR[s.state]}>{t(TRAINING_STATE_NAMES[s.state])}</Tag>;
}
export function KindTag({ s }: { s: Pick<TSession, 'kind'> }) {
  const { t } = useI18n();
  return <Tag color={KIND_COLOR[s.kind]}>{t(TRAINING_KIND_NAMES[s.kind])}</Tag>;
}
/** An average rating as "4.5 / 5", or a dash. */
export const score = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} / 5`);
