// The queue's filters that a report's numbers link with (issue 15): reported on the report's days, merged
// duplicates left out, an SLA clock of a target due on the report's days (and in a state). The same
// predicates as the evidence providers (evidence.ts), so the list's total is the report's number.
import { sql, type SQL } from 'drizzle-orm';
import type { TTicketQuery } from '../../../common/desk.ts';
import { dayRangeWhere } from '../../kernel/day-range.ts';
import { ticketClocks, tickets } from './tables.ts';

type Q = Omit<TTicketQuery, 'page' | 'pageSize'>;

/** Whether the query carries a report's period: its total is then counted exactly (no cap). */
export const hasReportPeriod = (q: Q): boolean => !!(q.from || q.to || q.dueFrom || q.dueTo);

export function reportFilters(q: Q): SQL[] {
  const c: SQL[] = dayRangeWhere(tickets.reportedAt, q.from, q.to);
  if (q.merged === false) c.push(sql`${tickets.mergedIntoId} IS NULL`);
  else if (q.merged === true) c.push(sql`${tickets.mergedIntoId} IS NOT NULL`);
  if (q.clock || q.clockState || q.dueFrom || q.dueTo) {
    const k: SQL[] = [sql`${ticketClocks.ticketId} = ${tickets}.id`];
    if (q.clock) k.push(sql`${ticketClocks.target} = ${q.clock}`);
    if (q.clockState) k.push(sql`${ticketClocks.state} = ${q.clockState}`);
    k.push(...dayRangeWhere(ticketClocks.dueAt, q.dueFrom, q.dueTo, ['dueFrom', 'dueTo']));
    c.push(sql`EXISTS (SELECT 1 FROM ${ticketClocks} WHERE ${sql.join(k, sql` AND `)})`);
  }
  return c;
}
