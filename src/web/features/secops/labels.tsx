// Names and colours of the secops pages: response kinds, change states, verification, staleness.
import { Tag } from 'antd';
import { CHANGE_STATE_NAMES, type ChangeState } from '../../../common/changes.ts';
import { STALENESS_NAMES, VERIFY_RESULT_NAMES, type Staleness, type TResponse } from '../../../common/secops.ts';
import { useI18n } from '../../i18n/index.tsx';

const STALE_COLOR: Record<Staleness, string> = { ok: 'success', stale: 'warning', critical: 'error', unknown: 'default' };

export function StaleTag({ s }: { s: Staleness }) {
  const { t } = useI18n();
  return <Tag color={STALE_COLOR[s]}>{t(STALENESS_NAMES[s])}</Tag>;
}

/** The change of a response: its state, and whether the response counts as approved. */
export function ApprovalTag({ r }: { r: TResponse }) {
  const { t } = useI18n();
  if (!r.changeId) return <Tag>{t('无需变更')}</Tag>;
  if (r.approved) return <Tag color="success">{t('已批准')}</Tag>;
  return <Tag color="processing">{t(CHANGE_STATE_NAMES[r.changeState as ChangeState] ?? r.changeState ?? '')}</Tag>;
}

export function VerifyTag({ r }: { r: TResponse }) {
  const { t } = useI18n();
  if (!r.verifyResult) return <Tag>{t('待验证')}</Tag>;
  return <Tag color={r.verifyResult === 'effective' ? 'success' : 'error'}>{t(VERIFY_RESULT_NAMES[r.verifyResult])}</Tag>;
}

export const ALERT_SEVERITY: Record<string, string> = { critical: '严重', high: '高危', medium: '中危', low: '低危', info: '信息' };
