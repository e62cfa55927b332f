// A period of whole days in China time, first and last day inclusive: the filter a number in a report
// links back to its list with (`?from=2026-11-01&to=2026-11-30`), read by the list APIs as the
// instants [from 00:00, the day after `to` 00:00) in Asia/Shanghai, exactly as the report counted.
import { ZDate } from './api.ts';
import { addCalendarDays, instantOf } from './dates.ts';

/** Query fields of a day range; a list's schema spreads them in (named as it needs). */
export const ZDayFrom = ZDate.optional();
export const ZDayTo = ZDate.optional();

/** The instants a day range covers: [start of `from`, start of the day after `to`) in China time. */
export function dayRangeInstants(from: string | undefined, to: string | undefined): { from: Date | null; to: Date | null } {
  return {
    from: from ? instantOf(from, '00:00') : null,
    to: to ? instantOf(addCalendarDays(to, 1), '00:00') : null,
  };
}

/** The query string of a day range for a link: `from=…&to=…` (the names may differ per list). */
export function dayRangeQuery(start: string, end: string, names: [string, string] = ['from', 'to']): string {
  return `${names[0]}=${start}&${names[1]}=${end}`;
}
