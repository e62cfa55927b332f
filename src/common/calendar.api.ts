// Contracts of the business calendar: day types, the holidays of a year, and their upkeep.
import { z } from 'zod';
import { ZDate } from './api.ts';
import { ZOk, endpoint } from './endpoint.ts';

const ZDayType = z.enum(['workday', 'weekend', 'holiday', 'makeup_workday']);
export const ZCalendarDay = z.object({ date: z.string(), type: ZDayType, name: z.string().nullable() });
export const ZCalendarEntry = z.object({
  date: z.string(),
  type: z.enum(['holiday', 'makeup_workday']),
  name: z.string(),
  source: z.string(),
});
const ZDateParams = z.object({ date: ZDate });

export const calendarApi = {
  days: endpoint({
    method: 'GET',
    path: '/api/calendar/days',
    query: z.object({ from: ZDate, to: ZDate }),
    response: z.object({ items: z.array(ZCalendarDay) }),
  }),
  entries: endpoint({
    method: 'GET',
    path: '/api/calendar/entries',
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    response: z.object({ items: z.array(ZCalendarEntry) }),
  }),
  putEntry: endpoint({
    method: 'PUT',
    path: '/api/calendar/entries/:date',
    params: ZDateParams,
    body: z.object({ type: z.enum(['holiday', 'makeup_workday']), name: z.string().trim().min(1).max(40) }),
    response: ZCalendarEntry,
  }),
  deleteEntry: endpoint({ method: 'DELETE', path: '/api/calendar/entries/:date', params: ZDateParams, response: ZOk }),
  /** A holiday-cn file, parsed and checked by the server (common/holiday-file.ts). */
  importYear: endpoint({
    method: 'POST',
    path: '/api/calendar/import',
    body: z.object({ file: z.unknown() }),
    response: z.object({ year: z.number(), entries: z.number() }),
  }),
};
