// Routes of inspections: templates, sheets (the public list, one prefilled sheet, filling, photos,
// anomaly → ticket, signing) and the plans the agency approves.
import type { FastifyInstance } from 'fastify';
import { inspectionsApi as api } from '../../../common/inspections.api.ts';
import { inTx } from '../../kernel/context.ts';
import { AppError, Invalid, NotFound } from '../../kernel/errors.ts';
import { checkFile } from '../../kernel/files/check.ts';
import { storedFileDownload } from '../../kernel/files/send.ts';
import { readFile, storeFile } from '../../kernel/files/storage.ts';
import { readUpload } from '../../kernel/files/upload.ts';
import { defineRoute } from '../../kernel/http.ts';
import { audit } from '../../kernel/audit.ts';
import { assertMayFill, fillEntry, healthForEntry, lockEntry, setPhoto, submitSheet, ticketForEntry } from './fill.ts';
import { createPlan, decidePlan, listPlans, reportDraft, resubmitPlan } from './plans.ts';
import { generateSheets, getSheet, listSheets } from './sheets.ts';
import { createTemplate, listTemplates, updateTemplate } from './templates.ts';

const tags = ['inspections'];
const NOT_IMAGE = '现场照片须为图片文件（JPG、PNG、WebP、GIF、HEIC）';

export async function sheetRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    ...api.templates,
    summary: '巡检模板',
    tags,
    access: 'inspections.read',
    handler: (ctx, { query }) => listTemplates(ctx, query),
  });
  defineRoute(app, {
    ...api.createTemplate,
    summary: '新建巡检模板',
    tags,
    access: 'inspections.manage',
    handler: (ctx, { body }) => createTemplate(ctx, body),
  });
  defineRoute(app, {
    ...api.updateTemplate,
    summary: '修改巡检模板（此后生成的巡检单生效）',
    tags,
    access: 'inspections.manage',
    handler: (ctx, { params, body }) => updateTemplate(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.sheets,
    summary: '巡检单（按日期、服务线筛选，含各检查项及其值；分页）',
    tags,
    access: 'inspections.read',
    handler: (ctx, { query }) => listSheets(ctx, query),
  });
  defineRoute(app, {
    ...api.generate,
    summary: '按业务日历生成某日应有的巡检单（每日任务同样执行）',
    tags,
    access: 'inspections.manage',
    handler: async (ctx, { body }) => {
      const created = await generateSheets(ctx, body.date);
      await audit(ctx, { action: 'inspection.generate', objectType: 'inspection_sheet', detail: { date: body.date, created } });
      return { created };
    },
  });
  defineRoute(app, {
    ...api.sheet,
    summary: '一份巡检单（待填写的在打开时从监控与配置备份预填）',
    tags,
    access: 'inspections.read',
    handler: (ctx, { params }) => getSheet(ctx, params.id),
  });
  defineRoute(app, {
    ...api.fill,
    summary: '填写检查项（读数、正常/异常、说明、命令输出）',
    tags,
    access: 'inspections.fill',
    handler: (ctx, { params, body }) => fillEntry(ctx, params.id, params.entryId, body),
  });
  defineRoute(app, {
    ...api.photo,
    summary: '上传检查项的现场照片（multipart，字段 file；须为图片）',
    tags,
    access: 'inspections.fill',
    handler: async (ctx, { params }, req) => {
      const up = await readUpload(req, 'file');
      let image = false;
      try {
        image = checkFile(up.filename, up.bytes).image;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
      if (!image) throw new Invalid('inspection.photo_not_image', NOT_IMAGE, [{ path: 'file', message: NOT_IMAGE }]);
      return inTx(ctx, async (tx) => {
        const { s } = await lockEntry(tx, params.id, params.entryId);
        assertMayFill(tx, s);
        if (s.state !== 'open') throw new Invalid('inspection.submitted', '巡检单已提交，不能再上传照片');
        const f = await storeFile(tx, {
          objectType: 'inspection_sheet',
          objectId: s.id,
          kind: 'photo',
          name: up.filename,
          bytes: up.bytes,
        });
        return setPhoto(tx, s, params.entryId, f.id);
      });
    },
  });
  defineRoute(app, {
    ...api.photoFile,
    summary: '检查项的现场照片',
    tags,
    access: 'inspections.read',
    handler: async (ctx, { params }) => {
      const { e } = await lockEntry(ctx, params.id, params.entryId);
      if (!e.photoId) throw new NotFound('inspection.photo_not_found', '该检查项没有照片');
      return storedFileDownload(await readFile(ctx, e.photoId, 'inspection_sheet', params.id));
    },
  });
  defineRoute(app, {
    ...api.ticket,
    summary: '异常转运维单（本服务线故障单，一次）',
    tags,
    access: 'inspections.fill',
    handler: (ctx, { params }) => ticketForEntry(ctx, params.id, params.entryId),
  });
  defineRoute(app, {
    ...api.health,
    summary: '路由器与交换机健康检查：通过 SSH 按厂商配置执行检查命令，输出附到检查项',
    tags,
    access: 'inspections.fill',
    handler: (ctx, { params }) => healthForEntry(ctx, params.id, params.entryId),
  });
  defineRoute(app, {
    ...api.submit,
    summary: '签字提交巡检单（仅一次；逾期须填写原因）',
    tags,
    access: 'inspections.fill',
    handler: (ctx, { params, body }) => submitSheet(ctx, params.id, body.lateReason),
  });
}

export async function planRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    ...api.plans,
    summary: '巡检计划与报告（甲方审批，分版本）',
    tags,
    access: 'inspections.read',
    handler: (ctx, { query }) => listPlans(ctx, query),
  });
  defineRoute(app, {
    ...api.reportDraft,
    summary: '由本季度巡检单生成的网络季度巡检报告草稿',
    tags,
    access: 'inspections.plan',
    handler: (ctx, { query }) => reportDraft(ctx, query.year, query.quarter),
  });
  defineRoute(app, {
    ...api.createPlan,
    summary: '提交季度巡检计划、季度巡检报告或年度巡检计划',
    tags,
    access: 'inspections.plan',
    handler: (ctx, { body }) => createPlan(ctx, body),
  });
  defineRoute(app, {
    ...api.resubmitPlan,
    summary: '按甲方意见修改后重新提交（新版本）',
    tags,
    access: 'inspections.plan',
    handler: (ctx, { params, body }) => resubmitPlan(ctx, params.id, body.body),
  });
  defineRoute(app, {
    ...api.decidePlan,
    summary: '甲方审批：批准或退回（附意见）',
    tags,
    access: 'inspections.approve',
    handler: (ctx, { params, body }) => decidePlan(ctx, params.id, body),
  });
}
