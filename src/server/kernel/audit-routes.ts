// The audit log: read, filtered, exported and verified by the audit admin only (三员分立).
import type { FastifyInstance } from 'fastify';
import { count, desc } from 'drizzle-orm';
import type { TAuditQuery } from '../../common/audit.ts';
import { auditLog } from './db/tables.ts';
import { audit, auditAlone, auditWhere, verifyAudit } from './audit.ts';
import { defineRoute } from './http.ts';
import { xlsxDownload } from './office/xlsx.ts';
import { inTx } from './context.ts';
import { auditApi } from '../../common/audit.api.ts';

const EXPORT_MAX = 100_000;

function where(q: TAuditQuery) {
  return auditWhere({
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    actor: q.actor,
    action: q.action,
    objectType: q.objectType,
    objectId: q.objectId,
    success: q.success === undefined ? undefined : q.success === 'true',
  });
}

const cols = {
  seq: auditLog.seq,
  at: auditLog.at,
  actorName: auditLog.actorName,
  ip: auditLog.ip,
  action: auditLog.action,
  objectType: auditLog.objectType,
  objectId: auditLog.objectId,
  success: auditLog.success,
  detail: auditLog.detail,
  requestId: auditLog.requestId,
};

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['audit'];
  defineRoute(app, {
    ...auditApi.list,
    summary: '审计日志 The audit log',
    tags,
    access: 'audit.read',
    handler: async (ctx, { query }) => {
      const w = where(query);
      const [t] = await ctx.db.select({ n: count() }).from(auditLog).where(w);
      const items = await ctx.db
        .select(cols)
        .from(auditLog)
        .where(w)
        .orderBy(desc(auditLog.seq))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      return { items, total: Number(t?.n ?? 0) };
    },
  });
  defineRoute(app, {
    ...auditApi.export,
    summary: '导出审计日志（Excel）Export the audit log',
    tags,
    access: 'audit.read',
    handler: async (ctx, { query }) => {
      const rows = await ctx.db.select(cols).from(auditLog).where(where(query)).orderBy(desc(auditLog.seq)).limit(EXPORT_MAX);
      // R-CONF-02: exports are recorded
      await inTx(ctx, (tx) =>
        audit(tx, { action: 'audit.export', detail: { filter: { ...query, page: undefined, pageSize: undefined }, rows: rows.length } }),
      );
      return xlsxDownload(
        `审计日志-${new Date().toISOString().slice(0, 10)}.xlsx`,
        '审计日志',
        [
          { header: '序号', width: 8, value: (r) => r.seq },
          { header: '时间', width: 22, value: (r) => r.at },
          { header: '操作人', value: (r) => r.actorName },
          { header: '来源 IP', value: (r) => r.ip },
          { header: '操作', width: 24, value: (r) => r.action },
          { header: '对象类型', value: (r) => r.objectType },
          { header: '对象', width: 38, value: (r) => r.objectId },
          { header: '结果', width: 8, value: (r) => (r.success ? '成功' : '失败') },
          { header: '详情', width: 80, value: (r) => (r.detail ? JSON.stringify(r.detail) : '') },
        ],
        rows,
      );
    },
  });
  defineRoute(app, {
    ...auditApi.verify,
    summary: '校验审计链 Verify the hash chain',
    tags,
    access: 'audit.read',
    handler: async (ctx) => {
      const r = await verifyAudit(ctx.db);
      await auditAlone(ctx, { action: 'audit.verify', success: r.ok, detail: { checked: r.checked, firstBad: r.firstBad } });
      return r;
    },
  });
}
