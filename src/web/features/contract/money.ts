// The contract's money on screen: sums stay decimal strings from the server ("1550000.00") and are
// only regrouped for display (¥1,550,000.00), never turned into floats.
import { moneyApi } from '../../../common/money.api.ts';
import { useCall } from '../../api/query.ts';

/** "1550000.00" → "¥1,550,000.00"; null → "—". */
export function fmtYuan(s: string | null | undefined): string {
  if (s === null || s === undefined) return '—';
  const [int = '0', dec = '00'] = s.split('.');
  return `¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec.padEnd(2, '0')}`;
}

export const useMoney = (contractId: string | null) =>
  useCall(moneyApi.dashboard, { query: contractId ? { contractId } : {} }, { queryKey: ['contract', 'money', contractId] });
