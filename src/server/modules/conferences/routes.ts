// Routes of the conferences module (issue 14 point 3): thin, each from its contract.
import type { FastifyInstance } from 'fastify';
import { conferencesApi as api } from '../../../common/conferences.api.ts';
import { defineRoute } from '../../kernel/http.ts';
import { createEndpoint, listEndpoints, updateEndpoint } from './endpoints.ts';
import { cancelMeeting, closeMeeting, createMeeting, getMeeting, listMeetings, recordCheck, reportProblem } from './service.ts';

const tags = ['conferences'];
const READ = 'conferences.read';
const WRITE = 'conferences.write';

export async function conferenceRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    ...api.endpoints,
    summary: '视频会议会场（各区县、市政府、部）',
    tags,
    access: READ,
    handler: (ctx) => listEndpoints(ctx),
  });
  defineRoute(app, {
    ...api.endpointCreate,
    summary: '新增会场',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => createEndpoint(ctx, body),
  });
  defineRoute(app, {
    ...api.endpointUpdate,
    summary: '修改会场（接入的系统、联系人、停用）',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => updateEndpoint(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.list,
    summary: '视频会议日程（按时间、状态、系统筛选）',
    tags,
    access: READ,
    handler: (ctx, { query }) => listMeetings(ctx, query),
  });
  defineRoute(app, {
    ...api.create,
    summary: '登记视频会议（默认该系统的全部会场参会）',
    tags,
    access: 'conferences.schedule',
    handler: (ctx, { body }) => createMeeting(ctx, body),
  });
  defineRoute(app, {
    ...api.get,
    summary: '一次会议：联调检查、问题与保障记录',
    tags,
    access: READ,
    handler: (ctx, { params }) => getMeeting(ctx, params.id),
  });
  defineRoute(app, {
    ...api.check,
    summary: '登记一项会前联调结果（会场的音频、视频、双流、加密；会议室设备）',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => recordCheck(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.problem,
    summary: '登记会中问题（生成视频会议条线的故障工单）',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => reportProblem(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.close,
    summary: '填写会议保障记录并结束会议',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => closeMeeting(ctx, params.id, body.record),
  });
  defineRoute(app, {
    ...api.cancel,
    summary: '取消会议',
    tags,
    access: 'conferences.schedule',
    handler: (ctx, { params }) => cancelMeeting(ctx, params.id),
  });
}
