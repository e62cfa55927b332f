// The time range of a monitoring chart (device page, probe pairs): 1 h to a year, ending at the next
// whole minute (a stable query key while the range stays); the server picks raw samples, 5-minute or
// hourly rollups by the span (rollups.ts).
import { Segmented } from 'antd';
import { useState } from 'react';

export const RANGES = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000, '1y': 365 * 86_400_000 } as const;
export type Range = keyof typeof RANGES;

export function spanOf(range: Range): { from: string; to: string } {
  const to = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
  return { from: new Date(to.getTime() - RANGES[range]).toISOString(), to: to.toISOString() };
}

/** A chart's range and its span (from, to), and the switch that changes both. */
export function useChartRange(initial: Range = '24h') {
  const [range, setRange] = useState<Range>(initial);
  const [span, setSpan] = useState(() => spanOf(initial));
  const rangeSwitch = (
    <Segmented<Range>
      size="small"
      value={range}
      data-testid="chart-range"
      onChange={(r) => {
        setRange(r);
        setSpan(spanOf(r));
      }}
      options={Object.keys(RANGES) as Range[]}
    />
  );
  return { range, span, rangeSwitch };
}
