// Severity and state tags of findings, shared by the board, the detail and the import result.
import { Tag } from 'antd';
import { SEVERITY_ZH, STATE_ZH, type TFindingState, type TSeverity } from '../../../common/vulns.ts';
import { useI18n } from '../../i18n/index.tsx';

export const SEVERITY_COLOR: Record<TSeverity, string> = {
  critical: '#a8071a',
  high: '#f5222d',
  medium: '#fa8c16',
  low: '#1677ff',
  info: '#8c8c8c',
};
const STATE_COLOR: Record<TFindingState, string> = {
  open: 'red',
  fixing: 'orange',
  fixed: 'blue',
  verified: 'green',
  accepted_risk: 'purple',
  false_positive: 'default',
};

export function SeverityTag({ s }: { s: TSeverity }) {
  const { t } = useI18n();
  return <Tag color={SEVERITY_COLOR[s]}>{t(SEVERITY_ZH[s])}</Tag>;
}

export function StateTag({ s }: { s: TFindingState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLOR[s]}>{t(STATE_ZH[s])}</Tag>;
}
