// A list opened from a number in a report (issue 15): the filters the link carries (the report's days,
// and whatever else produced the number) are read from the address, shown in a banner above the list,
// and dropped with one click. The list pages keep their filters in the address, so the link, the
// banner and the request stay in step.
import { Alert, Button } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n/index.tsx';

/** The list's filters as kept in the address: read them, set some (empty values removed), clear some. */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [Partial<Record<K, string>>, (next: Partial<Record<K, string | undefined>>) => void] {
  const [search, setSearch] = useSearchParams();
  const f: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const v = search.get(k);
    if (v) f[k] = v;
  }
  const set = (next: Partial<Record<K, string | undefined>>) => {
    const s = new URLSearchParams(search);
    for (const k of Object.keys(next)) {
      const v = next[k as K];
      if (v) s.set(k, v);
      else s.delete(k);
    }
    setSearch(s, { replace: true });
  };
  return [f, set];
}

/** The banner of a report's period: "报告期 2026-11-01 至 2026-11-30", and a button that clears it. */
export function ReportFilter({ from, to, detail, onClear }: { from?: string; to?: string; detail?: string; onClear: () => void }) {
  const { t } = useI18n();
  if (!from && !to) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="report-filter"
      message={t('按报告筛选：报告期 {from} 至 {to}', { from: from ?? '…', to: to ?? '…' }) + (detail ? `；${detail}` : '')}
      action={
        <Button size="small" onClick={onClear}>
          {t('清除报告筛选')}
        </Button>
      }
    />
  );
}
