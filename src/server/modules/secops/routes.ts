// Routes of security operations (issue 13 points 4 and 6): thin, each from its contract.
import type { FastifyInstance } from 'fastify';
import { secopsApi as api } from '../../../common/secops.api.ts';
import { defineRoute } from '../../kernel/http.ts';
import { createBulletin, listBulletins } from './bulletins.ts';
import { deviceHistory } from './history.ts';
import { alertResponses, createResponse, listResponses, verifyResponse } from './responses.ts';
import { getThresholds, importSignatureLog, putSignature, putThresholds, listSignatures } from './signatures.ts';

const READ = 'secops.read';
const WRITE = 'secops.write';

export async function secopsRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['secops'];
  defineRoute(app, {
    ...api.responses,
    summary: '安全处置记录（按告警、设备筛选）',
    tags,
    access: READ,
    handler: (ctx, { query }) => listResponses(ctx, query),
  });
  defineRoute(app, {
    ...api.createResponse,
    summary: '登记安全告警的处置（调整设备的处置同时提出变更申请）',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => createResponse(ctx, body),
  });
  defineRoute(app, {
    ...api.verify,
    summary: '登记处置的验证结果',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => verifyResponse(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.alert,
    summary: '安全告警及其处置',
    tags,
    access: READ,
    handler: (ctx, { params }) => alertResponses(ctx, params.alertId),
  });
  defineRoute(app, {
    ...api.history,
    summary: '设备安全策略调整历史（处置、变更、验证、特征库更新）',
    tags,
    access: READ,
    handler: (ctx, { params }) => deviceHistory(ctx, params.assetId),
  });
  defineRoute(app, {
    ...api.signatures,
    summary: '安全设备特征库看板',
    tags,
    access: READ,
    handler: (ctx, { query }) => listSignatures(ctx, query),
  });
  defineRoute(app, {
    ...api.putSignature,
    summary: '登记安全设备的引擎、特征库、病毒库版本与更新时间',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => putSignature(ctx, params.assetId, body),
  });
  defineRoute(app, {
    ...api.importSignature,
    summary: '从设备升级日志导入特征库版本',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => importSignatureLog(ctx, params.assetId, body.text),
  });
  defineRoute(app, { ...api.bulletins, summary: '安全通告', tags, access: READ, handler: (ctx, { query }) => listBulletins(ctx, query) });
  defineRoute(app, {
    ...api.createBulletin,
    summary: '登记安全通告：匹配资产台账中受影响的设备并派发安全运维单',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => createBulletin(ctx, body),
  });
  defineRoute(app, { ...api.thresholds, summary: '特征库过期阈值', tags, access: READ, handler: (ctx) => getThresholds(ctx) });
  defineRoute(app, {
    ...api.putThresholds,
    summary: '设置特征库过期阈值（默认与按资产分类）',
    tags,
    access: 'secops.settings',
    handler: (ctx, { body }) => putThresholds(ctx, body),
  });
}
