// The WHERE of a day-range filter on a timestamp column (common/day-range.ts): refused with 400 and a
// Chinese message when the first day is after the last, so a hand-edited link never silently lists nothing.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { dayRangeInstants } from '../../common/day-range.ts';
import { Invalid } from './errors.ts';

export function dayRangeWhere(
  column: AnyPgColumn | SQL,
  from: string | undefined,
  to: string | undefined,
  names: [string, string] = ['from', 'to'],
): SQL[] {
  if (from && to && from > to)
    throw new Invalid('period.reversed', `开始日期 ${from} 晚于结束日期 ${to}`, [
      { path: `query.${names[0]}`, message: '开始日期不能晚于结束日期' },
    ]);
  const r = dayRangeInstants(from, to);
  const c: SQL[] = [];
  if (r.from) c.push(sql`${column} >= ${r.from.toISOString()}::timestamptz`);
  if (r.to) c.push(sql`${column} < ${r.to.toISOString()}::timestamptz`);
  return c;
}
