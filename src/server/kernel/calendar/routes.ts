import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZDate } from '../../../common/api.ts';
import { defineRoute } from '../http.ts';
import { Invalid } from '../errors.ts';
import { MAX_DAYS_RANGE } from '../../../common/calendar.ts';
import { calendarDaysBetween } from '../../../common/dates.ts';
import { deleteEntry, getCalendar, importYear, listEntries, putEntry } from './service.ts';

const ZDay = z.object({
  date: z.string(),
  type: z.enum(['workday', 'weekend', 'holiday', 'makeup_workday']),
  name: z.string().nullable(),
});
const ZEntry = z.object({ date: z.string(), type: z.enum(['holiday', 'makeup_workday']), name: z.string(), source: z.string() });

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['calendar'];
  defineRoute(app, {
    method: 'GET',
    url: '/calendar/days',
    summary: '日历：每天的类型 Day types between two dates',
    tags,
    access: 'user',
    query: z.object({ from: ZDate, to: ZDate }),
    response: z.object({ items: z.array(ZDay) }),
    handler: async (ctx, { query }) => {
      const span = calendarDaysBetween(query.from, query.to);
      if (span < 0) throw new Invalid('calendar.range', '结束日期不能早于开始日期', [{ path: 'query.to', message: '早于 from' }]);
      if (span >= MAX_DAYS_RANGE)
        throw new Invalid('calendar.range', `一次最多查询 ${MAX_DAYS_RANGE} 天`, [{ path: 'query.to', message: 'range too long' }]);
      return { items: (await getCalendar(ctx)).days(query.from, query.to) };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/calendar/entries',
    summary: '某年的节假日与调休 Holidays and make-up workdays of a year',
    tags,
    access: 'user',
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    response: z.object({ items: z.array(ZEntry) }),
    handler: async (ctx, { query }) => ({ items: await listEntries(ctx, query.year) }),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/calendar/entries/:date',
    summary: '设置节假日或调休工作日 Set a holiday or make-up workday',
    tags,
    access: 'calendar.write',
    params: z.object({ date: ZDate }),
    body: z.object({ type: z.enum(['holiday', 'makeup_workday']), name: z.string().trim().min(1).max(40) }),
    response: ZEntry,
    handler: async (ctx, { params, body }) => putEntry(ctx, { date: params.date, ...body }),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/calendar/entries/:date',
    summary: '恢复为普通日 Make a date ordinary again',
    tags,
    access: 'calendar.write',
    params: z.object({ date: ZDate }),
    handler: async (ctx, { params }) => {
      await deleteEntry(ctx, params.date);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/calendar/import',
    summary: '导入一年的节假日文件（holiday-cn 格式）Import a year',
    tags,
    access: 'calendar.write',
    body: z.object({ file: z.unknown() }),
    response: z.object({ year: z.number(), entries: z.number() }),
    handler: async (ctx, { body }) => importYear(ctx, body.file),
  });
}
