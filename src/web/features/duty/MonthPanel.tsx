// A month of one line's roster: every day with its type (holidays and make-up workdays marked) and the
// shifts that start on it, layers colour-coded; the hours nobody covers are warned about.
import { Alert, Button, List, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { dutyApi as api } from '../../../common/duty.api.ts';
import { useCall } from '../../api/query.ts';
import { dayjs, TZ } from '../../app/dayjs.ts';
import { useLineLabel } from '../../components/LineTags.tsx';
import { fmtTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DayTag, LayerTag } from './meta.tsx';

const WEEK = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const hm = (iso: string) => dayjs(iso).tz(TZ).format('HH:mm');
const dayOf = (iso: string) => dayjs(iso).tz(TZ).format('YYYY-MM-DD');
/** The time, with the date when not on `date`. */
const when = (iso: string, date: string) => (dayOf(iso) === date ? hm(iso) : `${dayOf(iso).slice(5)} ${hm(iso)}`);

export function MonthPanel({ initial }: { initial: string }) {
  const { t } = useI18n();
  const label = useLineLabel();
  const [line, setLine] = useState<(typeof SERVICE_LINE_CODES)[number]>('NET');
  const [month, setMonth] = useState(initial);
  const q = useCall(api.month, { query: { line, month } });
  const shift = (n: number) => setMonth(dayjs(`${month}-01`).add(n, 'month').format('YYYY-MM'));
  const m = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          value={line}
          onChange={setLine}
          style={{ width: 140 }}
          options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: label(c) }))}
        />
        <Button onClick={() => shift(-1)}>‹</Button>
        <Typography.Text strong>{month}</Typography.Text>
        <Button onClick={() => shift(1)}>›</Button>
      </Space>
      {m && m.gaps.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('本月有 {n} 段无人值守', { n: m.gaps.length })}
          description={m.gaps.slice(0, 5).map((g) => (
            <div key={g.start}>
              {fmtTime(g.start)} – {fmtTime(g.end)}（{g.hours} h）
            </div>
          ))}
        />
      )}
      <List
        loading={!m}
        size="small"
        bordered
        dataSource={m?.days ?? []}
        renderItem={(d) => {
          // Every shift on the day, those begun earlier (a week on call) with their start date.
          const shifts = (m?.shifts ?? []).filter(
            (s) => dayOf(s.start) <= d.date && (dayOf(s.end) > d.date || (dayOf(s.end) === d.date && hm(s.end) !== '00:00')),
          );
          const off = d.type === 'holiday' || d.type === 'weekend';
          return (
            <List.Item style={{ background: off ? '#fff7f0' : undefined, display: 'block' }} data-testid={`duty-day-${d.date}`}>
              <Space wrap size={4}>
                <Typography.Text strong style={{ width: 110, display: 'inline-block' }}>
                  {d.date.slice(5)} {t(WEEK[dayjs(d.date).day()]!)}
                </Typography.Text>
                <DayTag type={d.type} name={d.name} />
              </Space>
              <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                {shifts.map((s) => (
                  <span key={`${s.layer}-${s.username}-${s.start}`} style={{ whiteSpace: 'nowrap' }}>
                    <LayerTag layer={s.layer} />
                    {s.displayName} {when(s.start, d.date)}–{when(s.end, d.date)}
                  </span>
                ))}
              </div>
            </List.Item>
          );
        }}
      />
    </Space>
  );
}
