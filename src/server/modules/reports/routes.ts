// Routes of the reports module (issue 15 point 1): thin, each from its contract.
import type { FastifyInstance } from 'fastify';
import { REPORT_KIND_NAMES, type TReport } from '../../../common/reports.ts';
import { reportsApi as api } from '../../../common/reports.api.ts';
import { audit } from '../../kernel/audit.ts';
import { defineRoute } from '../../kernel/http.ts';
import type { ModuleDeps } from '../../kernel/module.ts';
import { listXlsx, shanghaiTime } from '../../kernel/office/list-export.ts';
import { reportPdf, reportXlsx } from './outputs.ts';
import { editNarrative, generateReport, getReport, listReports } from './service.ts';
import { reportDocx } from './word.ts';

const tags = ['reports'];
const READ = 'reports.read';
const WRITE = 'reports.write';

const EXPORT_COLUMNS = [
  { header: '编号', width: 12, value: (r: TReport) => r.number },
  { header: '报告', width: 36, value: (r: TReport) => r.title },
  { header: '类型', width: 14, value: (r: TReport) => REPORT_KIND_NAMES[r.kind] },
  { header: '报告期开始', width: 12, value: (r: TReport) => r.periodStart },
  { header: '报告期结束', width: 12, value: (r: TReport) => r.periodEnd },
  { header: '版本数', width: 8, value: (r: TReport) => r.versions },
  { header: '最近生成', width: 18, value: (r: TReport) => shanghaiTime(r.latestAt) },
  { header: '生成人', width: 12, value: (r: TReport) => r.latestByName },
];

export async function reportRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  defineRoute(app, {
    ...api.list,
    summary: '报告列表（按类型、报告期筛选）',
    tags,
    access: READ,
    handler: (ctx, { query }) => listReports(ctx, query),
  });
  defineRoute(app, {
    ...api.exportList,
    summary: '导出报告列表（Excel）',
    tags,
    access: READ,
    handler: (ctx, { query }) =>
      listXlsx(ctx, {
        title: '报告列表',
        objectType: 'report',
        query,
        list: (page, pageSize) => listReports(ctx, { ...query, page, pageSize }),
        columns: EXPORT_COLUMNS,
      }),
  });
  defineRoute(app, {
    ...api.generate,
    summary: '生成报告（按类型与日期所在的报告期，从各模块证据计算，保留以前的版本）',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => generateReport(ctx, deps.registry, body),
  });
  defineRoute(app, {
    ...api.get,
    summary: '报告（最新版本）',
    tags,
    access: READ,
    handler: (ctx, { params }) => getReport(ctx, params.id),
  });
  defineRoute(app, {
    ...api.version,
    summary: '报告的某一版本',
    tags,
    access: READ,
    handler: (ctx, { params }) => getReport(ctx, params.id, params.version),
  });
  defineRoute(app, {
    ...api.narrative,
    summary: '编辑某一版本的文字部分（总体情况、存在问题、工作计划）',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => editNarrative(ctx, params.id, params.version, body),
  });
  defineRoute(app, {
    ...api.file,
    summary: '下载某一版本（Word、Excel 或 PDF）',
    tags,
    access: READ,
    handler: async (ctx, { params }) => {
      const r = await getReport(ctx, params.id, params.version);
      const file = await (params.format === 'docx' ? reportDocx(r) : params.format === 'xlsx' ? reportXlsx(r) : reportPdf(r));
      // A copy leaves the system: recorded, so the confidential purge at the contract's end can list it.
      await audit(ctx, {
        action: 'report.export',
        objectType: 'report',
        objectId: r.id,
        detail: { number: r.number, version: r.version.version, format: params.format },
      });
      return file;
    },
  });
}
