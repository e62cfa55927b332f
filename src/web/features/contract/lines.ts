// How service lines look everywhere: their full and short names from src/common, and a colour.
import { SERVICE_LINE_NAMES, SERVICE_LINE_SHORT, type ServiceLineCode } from '../../../common/service-lines.ts';
import type { Lang } from '../../i18n/index.tsx';

export const LINE_COLOR: Record<ServiceLineCode, string> = {
  SM: '#1554ad',
  NET: '#13a8a8',
  SEC: '#d4380d',
  VC: '#7b4fd6',
};

export function lineName(code: ServiceLineCode, lang: Lang): string {
  return lang === 'en-US' ? SERVICE_LINE_NAMES[code].en : SERVICE_LINE_NAMES[code].zh;
}
export function lineShort(code: ServiceLineCode, lang: Lang): string {
  return lang === 'en-US' ? SERVICE_LINE_SHORT[code].en : SERVICE_LINE_SHORT[code].zh;
}

export const HOURS_LABEL: Record<string, { zh: string; en: string }> = {
  '5x9': { zh: '5×9（工作日 9:00–18:00）', en: '5×9 (working days 09:00–18:00)' },
  '7x24': { zh: '7×24（全天候）', en: '7×24 (round the clock)' },
};
export const hoursShort = (p: string) => (p === '7x24' ? '7×24' : '5×9');

export const STATUS: Record<string, { zh: string; en: string; color: string }> = {
  active: { zh: '服务中', en: 'In service', color: 'green' },
  not_started: { zh: '未开始', en: 'Not started', color: 'blue' },
  ended: { zh: '已结束', en: 'Ended', color: 'default' },
};
