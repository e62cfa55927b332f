// Routes of the contract's written workflows: invoice files, force majeure, amendments, notices to cure
// a late payment, the agency's coordinators and inspections. Thin: permission → validation → service.
import type { FastifyInstance } from 'fastify';
import { moneyRecordsApi as api } from '../../../common/money-records.api.ts';
import { defineRoute } from '../../kernel/http.ts';
import { readUpload } from '../../kernel/files/upload.ts';
import { NotFound } from '../../kernel/errors.ts';
import { contractTerms } from '../contract/api.ts';
import { amendmentFile, decideAmendment, requestAmendment } from './amendments.ts';
import { endForceMajeure, proofFile, recordForceMajeure, uploadProof } from './majeure.ts';
import { giveCureNotice, invoiceFile, uploadInvoice } from './payments.ts';
import { coordinatorStore, inspectionStore, strip } from './records.ts';

const tags = ['contract'];
const READ = 'money.read';
const WRITE = 'money.write';

async function contractId(ctx: Parameters<typeof contractTerms>[0], id: string): Promise<string> {
  const terms = await contractTerms(ctx, id);
  if (!terms) throw new NotFound('contract.not_found', '合同不存在');
  return terms.id;
}

export async function moneyRecordRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    ...api.uploadInvoice,
    summary: '上传付款的正式服务发票（PDF 或图片，multipart 字段 file）',
    tags,
    access: WRITE,
    handler: async (ctx, { params }, req) => uploadInvoice(ctx, params.id, await readUpload(req, 'file')),
  });
  defineRoute(app, {
    ...api.invoice,
    summary: '下载发票文件（记入审计）',
    tags,
    access: READ,
    handler: (ctx, { params }) => invoiceFile(ctx, params.id),
  });
  defineRoute(app, {
    ...api.cureNotice,
    summary: '乙方就甲方逾期付款发出书面纠正通知（第十二条第2款；30 天未纠正则乙方有权解除合同）',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => giveCureNotice(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.forceMajeure,
    summary: '登记不可抗力事件及通知对方的时间（第九条）',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => recordForceMajeure(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.endForceMajeure,
    summary: '登记不可抗力事件结束',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => endForceMajeure(ctx, params.id, body.endedOn),
  });
  defineRoute(app, {
    ...api.uploadProof,
    summary: '上传不可抗力证明文件（事件发生后十日内；multipart 字段 file 与 proofOn）',
    tags,
    access: WRITE,
    handler: async (ctx, { params }, req) => uploadProof(ctx, params.id, await readUpload(req, 'file')),
  });
  defineRoute(app, {
    ...api.proof,
    summary: '下载不可抗力证明文件（记入审计）',
    tags,
    access: READ,
    handler: (ctx, { params }) => proofFile(ctx, params.id),
  });
  defineRoute(app, {
    ...api.requestAmendment,
    summary: '提出合同变更申请（书面申请书为文件，字段 clause、change、reason；第十一条）',
    tags,
    access: WRITE,
    handler: async (ctx, { params }, req) => requestAmendment(ctx, params.id, await readUpload(req, 'file')),
  });
  defineRoute(app, {
    ...api.amendmentFile,
    summary: '下载合同变更申请书（记入审计）',
    tags,
    access: READ,
    handler: (ctx, { params }) => amendmentFile(ctx, params.id),
  });
  defineRoute(app, {
    ...api.decideAmendment,
    summary: '对方同意或拒绝合同变更申请（仅一次）',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => decideAmendment(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.addCoordinator,
    summary: '登记甲方指定的系统维护与协调人员（附件一 x.1）',
    tags,
    access: WRITE,
    handler: async (ctx, { params, body }) =>
      strip(await coordinatorStore.create(ctx, { ...body, contractId: await contractId(ctx, params.id) })),
  });
  defineRoute(app, {
    ...api.addInspection,
    summary: '登记甲方对运维工作与维护记录的检查（附件一 x.1）',
    tags,
    access: WRITE,
    handler: async (ctx, { params, body }) =>
      strip(await inspectionStore.create(ctx, { ...body, contractId: await contractId(ctx, params.id) })),
  });
}
