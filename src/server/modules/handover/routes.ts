// Routes of the handover module (issue 15 point 7, R-CONF-03/04, R-CON-15): thin, each from its contract.
import type { FastifyInstance } from 'fastify';
import { handoverApi as api } from '../../../common/handover.api.ts';
import { contentDisposition, defineRoute } from '../../kernel/http.ts';
import { readUpload } from '../../kernel/files/upload.ts';
import type { ModuleDeps } from '../../kernel/module.ts';
import { agreementFile, createAgreement, listAgreements } from './agreements.ts';
import { certificateDocx, certificatePdf, evidenceFile } from './certificate.ts';
import { exportPackage, getExport, listExports, startExport } from './exports.ts';
import { completeItem, confirmPurge, createPurge, getPurge, listPurges, purgeStatus } from './purge.ts';

const tags = ['handover'];
const READ = 'handover.read';
const EXPORT = 'handover.export';
const PURGE = 'handover.purge';
const CONFIRM = 'handover.confirm';

export async function handoverRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  defineRoute(app, {
    ...api.exports,
    summary: '完整导出记录与进度',
    tags,
    access: `${EXPORT}|${CONFIRM}`,
    handler: (ctx, { query }) => listExports(ctx, query),
  });
  defineRoute(app, {
    ...api.exportStart,
    summary: '开始完整导出（后台运行：每张表的 CSV 与 JSON Lines、全部文件、结构说明与清单，打包为 zip）',
    tags,
    access: EXPORT,
    handler: async (ctx) => (await startExport(ctx, deps.registry)).export,
  });
  defineRoute(app, {
    ...api.exportGet,
    summary: '一次完整导出的进度',
    tags,
    access: `${EXPORT}|${CONFIRM}`,
    handler: (ctx, { params }) => getExport(ctx, params.id),
  });
  defineRoute(app, {
    ...api.exportDownload,
    summary: '下载完整导出包（zip）',
    tags,
    access: `${EXPORT}|${CONFIRM}`,
    handler: async (ctx, { params }, _req, reply) => {
      const p = await exportPackage(ctx, params.id);
      void reply
        .header('content-type', 'application/zip')
        .header('content-length', String(p.size))
        .header('content-disposition', contentDisposition('attachment', p.name, 'yunwei-export.zip'));
      return reply.send(p.stream);
    },
  });
  defineRoute(app, {
    ...api.purgeStatus,
    summary: '能否提出保密资料清除申请（合同结束日期）',
    tags,
    access: READ,
    handler: (ctx) => purgeStatus(ctx),
  });
  defineRoute(app, { ...api.purges, summary: '保密资料清除申请', tags, access: READ, handler: (ctx, { query }) => listPurges(ctx, query) });
  defineRoute(app, {
    ...api.purgeCreate,
    summary: '登记甲方的书面清除要求（合同结束后），列出系统持有和导出过的全部保密资料',
    tags,
    access: `${PURGE}|${CONFIRM}`,
    handler: (ctx, { body }) => createPurge(ctx, deps.registry, body),
  });
  defineRoute(app, {
    ...api.purgeGet,
    summary: '一份清除申请及其事项',
    tags,
    access: READ,
    handler: (ctx, { params }) => getPurge(ctx, params.id),
  });
  defineRoute(app, {
    ...api.itemDone,
    summary: '登记一项保密资料已销毁或归还（multipart：outcome、note 与证据文件 file）',
    tags,
    access: PURGE,
    handler: async (ctx, { params }, req) => completeItem(ctx, deps.registry, params.id, params.itemId, await readUpload(req, 'file')),
  });
  defineRoute(app, {
    ...api.evidence,
    summary: '一项的处理证据文件',
    tags,
    access: READ,
    handler: (ctx, { params }) => evidenceFile(ctx, params.id, params.itemId),
  });
  defineRoute(app, {
    ...api.certificateDocx,
    summary: '清除证明（Word）',
    tags,
    access: READ,
    handler: (ctx, { params }) => certificateDocx(ctx, params.id),
  });
  defineRoute(app, {
    ...api.certificatePdf,
    summary: '清除证明（PDF）',
    tags,
    access: READ,
    handler: (ctx, { params }) => certificatePdf(ctx, params.id),
  });
  defineRoute(app, {
    ...api.confirm,
    summary: '甲方确认清除证明',
    tags,
    access: CONFIRM,
    handler: (ctx, { params }) => confirmPurge(ctx, params.id),
  });
  defineRoute(app, {
    ...api.agreements,
    summary: '安全保密协议记录',
    tags,
    access: READ,
    handler: (ctx, { query }) => listAgreements(ctx, query),
  });
  defineRoute(app, {
    ...api.agreementCreate,
    summary: '登记已签订的安全保密协议（multipart：title、partyA、partyB、signedOn 与签字文件 file）',
    tags,
    access: PURGE,
    handler: async (ctx, _i, req) => createAgreement(ctx, await readUpload(req, 'file')),
  });
  defineRoute(app, {
    ...api.agreementFile,
    summary: '安全保密协议的签字文件',
    tags,
    access: READ,
    handler: (ctx, { params }) => agreementFile(ctx, params.id),
  });
}
