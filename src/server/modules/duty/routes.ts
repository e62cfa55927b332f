// Routes of the duty module (issue 14 point 4): thin, permission → validation → service.
import type { FastifyInstance } from 'fastify';
import { dutyApi } from '../../../common/duty.api.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { defineRoute } from '../../kernel/http.ts';
import { listDocs, reviewDoc, submitDoc } from './docs.ts';
import { icsFeed, newIcsToken } from './ics.ts';
import { decideOverride, listOverrides, requestOverride } from './overrides.ts';
import { listShifts, monthOf, onDutyAt } from './schedule.ts';
import { createRoster, dutyCandidates, gapsOf, getRoster, listRosters, publishRoster, updateRoster } from './service.ts';
import { ackHandover, checkInOut, listAttendance, listHandovers, writeHandover } from './shiftlog.ts';

const tags = ['duty'];

export async function dutyRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    ...dutyApi.onCall,
    summary: '值班：某服务项目某时刻的值班人员 Who is on duty',
    tags,
    access: 'duty.read',
    handler: async (ctx, { query }) => {
      const at = query.at ? new Date(query.at) : ctx.now();
      return { line: query.line, at: at.toISOString(), people: await onDutyAt(ctx, query.line, at) };
    },
  });
  defineRoute(app, {
    ...dutyApi.now,
    summary: '各服务项目当前值班人员 Who is on duty on every line',
    tags,
    access: 'duty.read',
    handler: async (ctx, { query }) => {
      const at = query.at ? new Date(query.at) : ctx.now();
      const lines = [];
      for (const line of SERVICE_LINE_CODES) lines.push({ line, at: at.toISOString(), people: await onDutyAt(ctx, line, at) });
      return { at: at.toISOString(), lines };
    },
  });
  defineRoute(app, {
    ...dutyApi.month,
    summary: '某服务项目一个月的排班 A month of shifts',
    tags,
    access: 'duty.read',
    handler: async (ctx, { query }) => monthOf(ctx, query.line, query.month),
  });
  defineRoute(app, {
    ...dutyApi.rosters,
    summary: '排班表 Rosters',
    tags,
    access: 'duty.read',
    handler: (ctx, { query }) => listRosters(ctx, query),
  });
  defineRoute(app, {
    ...dutyApi.candidates,
    summary: '可排班人员 People who may be put on a roster',
    tags,
    access: 'duty.write',
    handler: async (ctx, { query }) => ({ items: await dutyCandidates(ctx, query.line) }),
  });
  defineRoute(app, {
    ...dutyApi.createRoster,
    summary: '新建排班表（草稿）Create a roster',
    tags,
    access: 'duty.write',
    handler: (ctx, { body }) => createRoster(ctx, body),
  });
  defineRoute(app, {
    ...dutyApi.roster,
    summary: '排班表详情 A roster',
    tags,
    access: 'duty.read',
    handler: (ctx, { params }) => getRoster(ctx, params.id),
  });
  defineRoute(app, {
    ...dutyApi.updateRoster,
    summary: '修改排班表 Edit a roster',
    tags,
    access: 'duty.write',
    handler: (ctx, { params, body }) => updateRoster(ctx, params.id, body),
  });
  defineRoute(app, {
    ...dutyApi.gaps,
    summary: '无人值守时段 Uncovered hours',
    tags,
    access: 'duty.read',
    handler: (ctx, { params }) => gapsOf(ctx, params.id),
  });
  defineRoute(app, {
    ...dutyApi.publish,
    summary: '发布排班表 Publish a roster',
    tags,
    access: 'duty.write',
    handler: (ctx, { params, body }) => publishRoster(ctx, params.id, body.acknowledgeGaps),
  });
  defineRoute(app, {
    ...dutyApi.shifts,
    summary: '班次清单（按服务项目与时间段） Shifts',
    tags,
    access: 'duty.read',
    handler: (ctx, { query }) => listShifts(ctx, query),
  });
  defineRoute(app, {
    ...dutyApi.overrides,
    summary: '调班申请 Overrides',
    tags,
    access: 'duty.read',
    handler: (ctx, { query }) => listOverrides(ctx, query),
  });
  defineRoute(app, {
    ...dutyApi.requestOverride,
    summary: '申请调班或顶班 Request an override',
    tags,
    access: 'duty.request',
    handler: (ctx, { body }) => requestOverride(ctx, body),
  });
  defineRoute(app, {
    ...dutyApi.decideOverride,
    summary: '审批调班 Approve or reject an override',
    tags,
    access: 'duty.approve',
    handler: (ctx, { params, body }) => decideOverride(ctx, params.id, body),
  });
  defineRoute(app, {
    ...dutyApi.handovers,
    summary: '交接班记录 Handover log',
    tags,
    access: 'duty.read',
    handler: (ctx, { query }) => listHandovers(ctx, query),
  });
  defineRoute(app, {
    ...dutyApi.writeHandover,
    summary: '填写交班记录 Write a handover',
    tags,
    access: 'duty.request',
    handler: (ctx, { body }) => writeHandover(ctx, body),
  });
  defineRoute(app, {
    ...dutyApi.ackHandover,
    summary: '确认接班 Acknowledge a handover',
    tags,
    access: 'duty.request',
    handler: (ctx, { params }) => ackHandover(ctx, params.id),
  });
  defineRoute(app, {
    ...dutyApi.attendance,
    summary: '到岗记录 Attendance',
    tags,
    access: 'duty.read',
    handler: (ctx, { query }) => listAttendance(ctx, query),
  });
  defineRoute(app, {
    ...dutyApi.checkInOut,
    summary: '到岗签到或签退 Check in or out',
    tags,
    access: 'duty.request',
    handler: (ctx, { body }) => checkInOut(ctx, body),
  });
  defineRoute(app, {
    ...dutyApi.docs,
    summary: '值班制度与应急预案 Duty rules and procedures',
    tags,
    access: 'duty.read',
    handler: (ctx, { query }) => listDocs(ctx, query),
  });
  defineRoute(app, {
    ...dutyApi.submitDoc,
    summary: '提交值班制度或应急预案（新版本）Submit a version',
    tags,
    access: 'duty.write',
    handler: (ctx, { body }) => submitDoc(ctx, body),
  });
  defineRoute(app, {
    ...dutyApi.reviewDoc,
    summary: '甲方确认或退回 Confirm or return',
    tags,
    access: 'duty.confirm',
    handler: (ctx, { params, body }) => reviewDoc(ctx, params.id, body),
  });
  defineRoute(app, {
    ...dutyApi.icsToken,
    summary: '生成个人值班日历链接 New calendar link',
    tags,
    access: 'duty.read',
    handler: async (ctx) => ({ url: `/api/duty/ics/${await newIcsToken(ctx)}.ics` }),
  });
  defineRoute(app, {
    ...dutyApi.ics,
    summary: '个人值班日历（iCalendar，凭链接访问）Calendar feed',
    tags,
    access: 'public',
    handler: async (ctx, { params }, _req, reply) => {
      const body = await icsFeed(ctx, params.token.replace(/\.ics$/, ''));
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
    },
  });
}
