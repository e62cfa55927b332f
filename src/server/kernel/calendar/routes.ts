import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../http.ts';
import { Invalid } from '../errors.ts';
import { MAX_DAYS_RANGE } from '../../../common/calendar.ts';
import { calendarDaysBetween } from '../../../common/dates.ts';
import { deleteEntry, getCalendar, importYear, listEntries, putEntry } from './service.ts';
import { calendarApi } from '../../../common/calendar.api.ts';

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['calendar'];
  defineRoute(app, {
    ...calendarApi.days,
    summary: '日历：每天的类型 Day types between two dates',
    tags,
    access: 'user',
    handler: async (ctx, { query }) => {
      const span = calendarDaysBetween(query.from, query.to);
      if (span < 0) throw new Invalid('calendar.range', '结束日期不能早于开始日期', [{ path: 'query.to', message: '早于 from' }]);
      if (span >= MAX_DAYS_RANGE)
        throw new Invalid('calendar.range', `一次最多查询 ${MAX_DAYS_RANGE} 天`, [{ path: 'query.to', message: 'range too long' }]);
      return { items: (await getCalendar(ctx)).days(query.from, query.to) };
    },
  });
  defineRoute(app, {
    ...calendarApi.entries,
    summary: '某年的节假日与调休 Holidays and make-up workdays of a year',
    tags,
    access: 'user',
    handler: async (ctx, { query }) => ({ items: await listEntries(ctx, query.year) }),
  });
  defineRoute(app, {
    ...calendarApi.putEntry,
    summary: '设置节假日或调休工作日 Set a holiday or make-up workday',
    tags,
    access: 'calendar.write',
    handler: async (ctx, { params, body }) => putEntry(ctx, { date: params.date, ...body }),
  });
  defineRoute(app, {
    ...calendarApi.deleteEntry,
    summary: '恢复为普通日 Make a date ordinary again',
    tags,
    access: 'calendar.write',
    handler: async (ctx, { params }) => {
      await deleteEntry(ctx, params.date);
      return { ok: true };
    },
  });
  defineRoute(app, {
    ...calendarApi.importYear,
    summary: '导入一年的节假日文件（holiday-cn 格式）Import a year',
    tags,
    access: 'calendar.write',
    handler: async (ctx, { body }) => importYear(ctx, body.file),
  });
}
