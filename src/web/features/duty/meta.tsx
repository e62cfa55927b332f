// Shared pieces of the duty pages: layer names and colours, the day-type tag.
import { Tag } from 'antd';
import type { TDutyLayer } from '../../../common/duty.ts';
import { useI18n } from '../../i18n/index.tsx';

export const LAYER_NAMES: Record<TDutyLayer, string> = {
  resident: '驻场',
  mobile: '机动',
  'on-call': '二线值班',
  'holiday-special': '节假日专项',
};
export const LAYER_COLOURS: Record<TDutyLayer, string> = {
  resident: 'blue',
  mobile: 'cyan',
  'on-call': 'orange',
  'holiday-special': 'red',
};

export function LayerTag({ layer }: { layer: TDutyLayer }) {
  const { t } = useI18n();
  return <Tag color={LAYER_COLOURS[layer]}>{t(LAYER_NAMES[layer])}</Tag>;
}

export function DayTag({ type, name }: { type: string; name: string | null }) {
  const { t } = useI18n();
  if (type === 'holiday') return <Tag color="red">{name ?? t('节假日')}</Tag>;
  if (type === 'makeup_workday') return <Tag color="gold">{t('调休上班')}</Tag>;
  if (type === 'weekend') return <Tag>{t('周末')}</Tag>;
  return null;
}
