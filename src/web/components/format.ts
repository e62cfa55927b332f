// Display formats: times in Asia/Shanghai as YYYY-MM-DD HH:mm, money as ¥1,550,000.00.
import { dayjs, TZ } from '../app/dayjs.ts';

export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(TZ).format('YYYY-MM-DD HH:mm') : iso;
}

export function fmtDate(date: string | null | undefined): string {
  return date ? date.slice(0, 10) : '—';
}

const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export function fmtMoney(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `¥${money.format(n)}`;
}

/** 150000 → "15 万" / "150k" style short money for chart labels. */
export function fmtMoneyShort(n: number, lang: string): string {
  if (lang === 'en-US') return n >= 1e6 ? `¥${(n / 1e6).toFixed(2)}M` : `¥${(n / 1e3).toFixed(0)}k`;
  return `${(n / 1e4).toFixed(n % 1e4 === 0 ? 0 : 2)} 万元`;
}

/** Today's date in Asia/Shanghai, YYYY-MM-DD. */
export function todayShanghai(): string {
  return dayjs().tz(TZ).format('YYYY-MM-DD');
}
