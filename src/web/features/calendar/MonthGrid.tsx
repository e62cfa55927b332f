// One month of the business calendar, Monday first, each day coloured by its type.
import { Tooltip } from 'antd';
import type { DayInfo } from '../../../common/calendar.ts';
import { useI18n } from '../../i18n/index.tsx';

export const DAY_STYLE: Record<DayInfo['type'], { bg: string; color: string; mark?: string }> = {
  workday: { bg: '#ffffff', color: '#1f2937' },
  weekend: { bg: '#f3f4f6', color: '#9ca3af' },
  holiday: { bg: '#fff1f0', color: '#cf1322', mark: '休' },
  makeup_workday: { bg: '#fff7e6', color: '#d46b08', mark: '班' },
};

const WEEK_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEK_EN = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const MONTH_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function MonthGrid({
  year,
  month,
  days,
  today,
  onPick,
}: {
  year: number;
  month: number;
  days: Map<string, DayInfo>;
  today: string;
  onPick?: (d: DayInfo) => void;
}) {
  const { lang, t } = useI18n();
  const first = new Date(Date.UTC(year, month - 1, 1));
  const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (DayInfo | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= count; d++) {
    const date = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    cells.push(days.get(date) ?? { date, type: 'workday', name: null });
  }
  const typeName: Record<DayInfo['type'], string> = {
    workday: t('工作日'),
    weekend: t('周末'),
    holiday: t('法定节假日'),
    makeup_workday: t('调休上班'),
  };
  return (
    <div style={{ background: '#fff', borderRadius: 8, padding: 12, border: '1px solid #eef0f3', height: '100%', boxSizing: 'border-box' }}>
      <div style={{ fontWeight: 600, marginBottom: 8, color: '#1f2937' }}>{lang === 'en-US' ? MONTH_EN[month - 1] : `${month} 月`}</div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 3, fontSize: 12 }}>
        {(lang === 'en-US' ? WEEK_EN : WEEK_ZH).map((w, i) => (
          <div key={w} style={{ textAlign: 'center', color: i >= 5 ? '#9ca3af' : '#6b7280', paddingBottom: 2 }}>
            {w}
          </div>
        ))}
        {cells.map((c, i) => {
          if (!c) return <div key={`x${i}`} />;
          const s = DAY_STYLE[c.type];
          const isToday = c.date === today;
          const cell = (
            <div
              onClick={onPick ? () => onPick(c) : undefined}
              data-date={c.date}
              style={{
                position: 'relative',
                textAlign: 'center',
                lineHeight: '28px',
                borderRadius: 4,
                background: s.bg,
                color: s.color,
                fontWeight: c.type === 'holiday' || c.type === 'makeup_workday' ? 600 : 400,
                cursor: onPick ? 'pointer' : 'default',
                outline: isToday ? '2px solid #1554ad' : undefined,
                outlineOffset: -2,
                fontVariantNumeric: 'tabular-nums',
              }}
            >
              {Number(c.date.slice(8))}
              {s.mark && (
                <span style={{ position: 'absolute', top: -1, right: 2, fontSize: 9, lineHeight: '12px', fontWeight: 600 }}>
                  {lang === 'en-US' ? (c.type === 'holiday' ? 'H' : 'W') : s.mark}
                </span>
              )}
            </div>
          );
          return (
            <Tooltip key={c.date} title={`${c.date} ${typeName[c.type]}${c.name ? ` · ${c.name}` : ''}`} mouseEnterDelay={0.3}>
              {cell}
            </Tooltip>
          );
        })}
      </div>
    </div>
  );
}
