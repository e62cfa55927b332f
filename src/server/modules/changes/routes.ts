// Routes of the changes module (issue 12 point 1): thin, each from its contract; the service checks
// each action's own permission and the approval step's role.
import type { FastifyInstance } from 'fastify';
import { CHANGE_CATEGORY_NAMES, CHANGE_STATE_NAMES, CHANGE_TYPE_NAMES, RISK_NAMES, type TChange } from '../../../common/changes.ts';
import { changesApi as api } from '../../../common/changes.api.ts';
import { inTx } from '../../kernel/context.ts';
import { readFile, listFiles, storeFile } from '../../kernel/files/storage.ts';
import { readUpload } from '../../kernel/files/upload.ts';
import { storedFileDownload } from '../../kernel/files/send.ts';
import { defineRoute } from '../../kernel/http.ts';
import { listXlsx, shanghaiTime } from '../../kernel/office/list-export.ts';
import { allDevices } from '../configbackup/api.ts';
import { deviceArchive } from './archive.ts';
import { changeDiff } from './backups.ts';
import { actOnChange } from './flow.ts';
import { listRules } from './rules.ts';
import { changeRow, createChange, getChange, listChanges, updateChange, record } from './service.ts';
import { approveTemplate, createTemplate, listTemplates } from './templates.ts';
import { changeWord } from './word.ts';

const tags = ['changes'];
const READ = 'changes.read';
const WRITE = 'changes.write';

const EXPORT_COLUMNS = [
  { header: '编号', width: 12, value: (c: TChange) => c.number },
  { header: '标题', width: 40, value: (c: TChange) => c.title },
  { header: '类型', width: 10, value: (c: TChange) => CHANGE_TYPE_NAMES[c.type] },
  { header: '类别', width: 10, value: (c: TChange) => CHANGE_CATEGORY_NAMES[c.category] },
  { header: '风险', width: 6, value: (c: TChange) => RISK_NAMES[c.risk] },
  { header: '状态', width: 12, value: (c: TChange) => CHANGE_STATE_NAMES[c.state] },
  { header: '设备/系统', width: 40, value: (c: TChange) => [...c.devices.map((d) => d.name), c.systems].filter(Boolean).join('、') },
  { header: '计划开始', width: 18, value: (c: TChange) => shanghaiTime(c.plannedStart) },
  { header: '计划结束', width: 18, value: (c: TChange) => shanghaiTime(c.plannedEnd) },
  { header: '冲突', width: 20, value: (c: TChange) => c.conflicts.map((x) => x.number).join('、') },
  { header: '申请人', width: 12, value: (c: TChange) => c.createdByName },
];

export async function changeRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    ...api.list,
    summary: '变更列表（按状态、类型、风险、设备筛选；标出窗口冲突）',
    tags,
    access: READ,
    handler: (ctx, { query }) => listChanges(ctx, query),
  });
  defineRoute(app, {
    ...api.exportList,
    summary: '导出变更列表（Excel）',
    tags,
    access: READ,
    handler: (ctx, { query }) =>
      listXlsx(ctx, {
        title: '变更列表',
        objectType: 'change',
        query,
        list: (page, pageSize) => listChanges(ctx, { ...query, page, pageSize }),
        columns: EXPORT_COLUMNS,
      }),
  });
  defineRoute(app, {
    ...api.create,
    summary: '填写变更申请（草稿）',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => createChange(ctx, body),
  });
  defineRoute(app, {
    ...api.get,
    summary: '变更详情（审批步骤、设备前后配置、时间线、冲突）',
    tags,
    access: READ,
    handler: (ctx, { params }) => getChange(ctx, params.id),
  });
  defineRoute(app, {
    ...api.update,
    summary: '修改草稿或已退回的变更',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => updateChange(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.act,
    summary: '变更流转：提交、审批/驳回/退回（按步骤角色）、开始实施（先备份）、完成实施（再备份）、甲方确认、取消',
    tags,
    access: 'changes.write|changes.approve|changes.confirm',
    handler: (ctx, { params, body }) => actOnChange(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.diff,
    summary: '设备在变更前后的配置差异（统一格式文本）',
    tags,
    access: READ,
    handler: async (ctx, { params }, _req, reply) => {
      const text = await changeDiff(ctx, params.id, params.deviceId);
      void reply.type('text/plain; charset=utf-8');
      return text;
    },
  });
  defineRoute(app, {
    ...api.word,
    summary: '导出变更申请单（Word）',
    tags,
    access: READ,
    handler: (ctx, { params }) => changeWord(ctx, params.id),
  });
  defineRoute(app, {
    ...api.uploadBasis,
    summary: '上传变更依据（甲方书面通知等；multipart/form-data 字段 file）',
    tags,
    access: WRITE,
    handler: async (ctx, { params }, req) => {
      await changeRow(ctx, params.id);
      const up = await readUpload(req, 'file');
      return inTx(ctx, async (tx) => {
        const r = await changeRow(tx, params.id, true);
        const f = await storeFile(tx, { objectType: 'change', objectId: r.id, kind: 'document', name: up.filename, bytes: up.bytes });
        await record(tx, r, { kind: 'attachment', comment: f.name });
        return { id: f.id, name: f.name };
      });
    },
  });
  defineRoute(app, {
    ...api.attachments,
    summary: '变更的附件',
    tags,
    access: READ,
    handler: async (ctx, { params }) => {
      await changeRow(ctx, params.id);
      return (await listFiles(ctx, 'change', params.id)).map((f) => ({
        id: f.id,
        name: f.name,
        size: f.size,
        createdAt: f.createdAt.toISOString(),
      }));
    },
  });
  defineRoute(app, {
    ...api.attachment,
    summary: '下载变更的附件',
    tags,
    access: READ,
    handler: async (ctx, { params }) =>
      storedFileDownload(await readFile(ctx, params.fileId, 'change', (await changeRow(ctx, params.id)).id)),
  });
  defineRoute(app, {
    ...api.archive,
    summary: '设备维护档案：全部变更与配置版本（新的在前）',
    tags,
    access: READ,
    handler: (ctx, { params }) => deviceArchive(ctx, params.deviceId),
  });
  defineRoute(app, {
    ...api.devices,
    summary: '可选的设备（配置备份中登记的设备）',
    tags,
    access: READ,
    handler: (ctx) => allDevices(ctx),
  });
  defineRoute(app, { ...api.templates, summary: '标准变更模板', tags, access: READ, handler: (ctx) => listTemplates(ctx) });
  defineRoute(app, {
    ...api.createTemplate,
    summary: '新建标准变更模板（待甲方批准）',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => createTemplate(ctx, body),
  });
  defineRoute(app, {
    ...api.approveTemplate,
    summary: '甲方批准标准变更模板',
    tags,
    access: 'changes.approve',
    handler: (ctx, { params }) => approveTemplate(ctx, params.id),
  });
  defineRoute(app, {
    ...api.rules,
    summary: '变更审批规则（按类型和风险的审批步骤）',
    tags,
    access: READ,
    handler: (ctx) => listRules(ctx),
  });
}
