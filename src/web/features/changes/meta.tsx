// Colours and tags of the changes pages.
import { Tag } from 'antd';
import { CHANGE_STATE_NAMES, RISK_NAMES, type ChangeState, type Risk } from '../../../common/changes.ts';
import { useI18n } from '../../i18n/index.tsx';

const STATE_COLOR: Record<ChangeState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'cyan',
  rejected: 'error',
  implementing: 'blue',
  implemented: 'gold',
  confirmed: 'success',
  cancelled: 'default',
};
const RISK_COLOR: Record<Risk, string> = { low: 'green', medium: 'orange', high: 'red' };

export function StateTag({ state }: { state: ChangeState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLOR[state]}>{t(CHANGE_STATE_NAMES[state])}</Tag>;
}
export function RiskTag({ risk }: { risk: Risk }) {
  const { t } = useI18n();
  return <Tag color={RISK_COLOR[risk]}>{t('{r}风险', { r: t(RISK_NAMES[risk]) })}</Tag>;
}
