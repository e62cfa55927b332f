// Routes of configuration backup (issue 12, "Public API (stable)"): thin, each from its contract.
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../kernel/http.ts';
import { configBackupApi as api } from '../../../common/configbackup.api.ts';
import { startRun } from './run.ts';
import { acceptHostKey, createDevice, getDevice, listDevices, listRuns } from './service.ts';
import { listAllRuns } from './runs.ts';
import { listChanges } from './changes.ts';
import { diffVersions, getVersion, listVersions } from './versions.ts';

export async function configBackupRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['config-backup'];
  const read = 'configbackup.read';
  defineRoute(app, {
    ...api.list,
    summary: '配置备份设备列表（含最近一次备份状态）',
    tags,
    access: read,
    handler: (ctx, { query }) => listDevices(ctx, query),
  });
  defineRoute(app, {
    ...api.create,
    summary: '登记设备（凭据加密保存，此后不再显示）',
    tags,
    access: 'configbackup.write',
    handler: (ctx, { body }) => createDevice(ctx, body),
  });
  defineRoute(app, { ...api.get, summary: '设备详情', tags, access: read, handler: (ctx, { params }) => getDevice(ctx, params.id) });
  defineRoute(app, {
    ...api.run,
    summary: '立即备份（立即应答，备份在后台进行）',
    tags,
    access: 'configbackup.write',
    handler: (ctx, { params }) => startRun(ctx, params.id),
  });
  defineRoute(app, {
    ...api.allRuns,
    summary: '各设备的备份记录（按日期、结果筛选）',
    tags,
    access: read,
    handler: (ctx, { query }) => listAllRuns(ctx, query),
  });
  defineRoute(app, {
    ...api.changes,
    summary: '检测到的配置变化（按日期筛选，可只看无已批准变更说明的）',
    tags,
    access: read,
    handler: (ctx, { query }) => listChanges(ctx, query),
  });
  defineRoute(app, {
    ...api.runs,
    summary: '备份记录（失败时含脱敏的会话记录）',
    tags,
    access: read,
    handler: (ctx, { params, query }) => listRuns(ctx, params.id, query),
  });
  defineRoute(app, {
    ...api.acceptHostKey,
    summary: '确认设备的新主机密钥',
    tags,
    access: 'configbackup.hostkey',
    handler: (ctx, { params, body }) => acceptHostKey(ctx, params.id, body.fingerprint),
  });
  defineRoute(app, {
    ...api.versions,
    summary: '配置版本（新的在前）',
    tags,
    access: read,
    handler: (ctx, { params, query }) => listVersions(ctx, params.id, query),
  });
  defineRoute(app, {
    ...api.version,
    summary: '一个配置版本的全文',
    tags,
    access: read,
    handler: (ctx, { params }) => getVersion(ctx, params.id, params.versionId),
  });
  defineRoute(app, {
    ...api.diff,
    summary: '两个配置版本的差异（统一格式文本）',
    tags,
    access: read,
    handler: async (ctx, { params }, _req, reply) => {
      const text = await diffVersions(ctx, params.id, params.a, params.b);
      void reply.type('text/plain; charset=utf-8');
      return text;
    },
  });
}
