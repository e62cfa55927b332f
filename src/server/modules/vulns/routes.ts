// Routes of vulnerability management (issue 13, "Public API (stable)"): thin, each from its contract.
import type { FastifyInstance } from 'fastify';
import { IMPORT_FORMATS, ZImportQuery } from '../../../common/vulns.ts';
import { vulnsApi as api } from '../../../common/vulns.api.ts';
import { readUpload } from '../../kernel/files/upload.ts';
import { defineRoute } from '../../kernel/http.ts';
import { listXlsx } from '../../kernel/office/list-export.ts';
import { Invalid } from '../../kernel/errors.ts';
import { getDueDays, putDueDays } from './due.ts';
import { exportColumns, getFinding, listFindings, summary } from './findings.ts';
import { decideException, moveFinding, requestException } from './flow.ts';
import { importScan } from './import.ts';
import { createHardening, createPentest, createPlan, listHardening, listPentests, listPlans } from './plans.ts';
import { listMappings, listScans, putMapping } from './scans.ts';

const READ = 'vulns.read';
const WRITE = 'vulns.write';

export async function vulnRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['vulns'];
  defineRoute(app, {
    ...api.import,
    summary: '导入扫描报告（nmap/OpenVAS/Nessus XML、CSV/Excel）：匹配资产、去重、验证已整改项',
    tags,
    access: WRITE,
    handler: async (ctx, { query }, req) => {
      const up = await readUpload(req);
      // The form's fields may say what the query does not (a browser form sends them together).
      const fields = ZImportQuery.safeParse({ format: up.fields.format || undefined, scanner: up.fields.scanner || undefined });
      if (!fields.success)
        throw new Invalid('vulns.form_invalid', `格式应为 ${IMPORT_FORMATS.join('、')} 之一，扫描器名称只能包含文字、数字和 _.-`);
      return importScan(ctx, {
        fileName: up.filename,
        bytes: up.bytes,
        format: query.format ?? fields.data.format,
        scanner: query.scanner ?? fields.data.scanner,
        planId: query.planId,
      });
    },
  });
  defineRoute(app, {
    ...api.findings,
    summary: '漏洞列表（按地址、状态、等级、资产、逾期筛选）',
    tags,
    access: READ,
    handler: (ctx, { query }) => listFindings(ctx, query),
  });
  defineRoute(app, {
    ...api.exportFindings,
    summary: '导出筛选后的漏洞（Excel）',
    tags,
    access: READ,
    handler: (ctx, { query }) =>
      listXlsx(ctx, {
        title: '漏洞清单',
        objectType: 'vuln_finding',
        query,
        list: (page, pageSize) => listFindings(ctx, { ...query, page, pageSize }),
        columns: exportColumns(),
      }),
  });
  defineRoute(app, { ...api.finding, summary: '漏洞详情', tags, access: READ, handler: (ctx, { params }) => getFinding(ctx, params.id) });
  defineRoute(app, {
    ...api.move,
    summary: '漏洞状态：开始整改、已整改、重新打开（验证只由后续扫描完成）',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => moveFinding(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.requestException,
    summary: '申请接受风险或认定误报（需甲方审批）',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => requestException(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.decideException,
    summary: '甲方批准或驳回例外申请',
    tags,
    access: 'vulns.approve',
    handler: (ctx, { params, body }) => decideException(ctx, params.id, body),
  });
  defineRoute(app, { ...api.summary, summary: '未关闭漏洞按等级统计、逾期与待审批数', tags, access: READ, handler: (ctx) => summary(ctx) });
  defineRoute(app, {
    ...api.scans,
    summary: '已导入的扫描（新的在前）',
    tags,
    access: READ,
    handler: (ctx, { query }) => listScans(ctx, query),
  });
  defineRoute(app, { ...api.dueDays, summary: '各等级整改期限（工作日）', tags, access: READ, handler: (ctx) => getDueDays(ctx) });
  defineRoute(app, {
    ...api.putDueDays,
    summary: '修改各等级整改期限（工作日；对此后发现的漏洞生效）',
    tags,
    access: 'vulns.settings',
    handler: (ctx, { body }) => putDueDays(ctx, body),
  });
  defineRoute(app, {
    ...api.mappings,
    summary: '各扫描器 CSV/Excel 的列对应关系',
    tags,
    access: READ,
    handler: (ctx) => listMappings(ctx),
  });
  defineRoute(app, {
    ...api.putMapping,
    summary: '保存扫描器的列对应关系',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => putMapping(ctx, body),
  });
  defineRoute(app, { ...api.plans, summary: '扫描计划（地址段与周期）', tags, access: READ, handler: (ctx) => listPlans(ctx) });
  defineRoute(app, { ...api.createPlan, summary: '新建扫描计划', tags, access: WRITE, handler: (ctx, { body }) => createPlan(ctx, body) });
  defineRoute(app, { ...api.pentests, summary: '渗透测试报告', tags, access: READ, handler: (ctx) => listPentests(ctx) });
  defineRoute(app, {
    ...api.createPentest,
    summary: '登记渗透测试报告及其发现',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => createPentest(ctx, body),
  });
  defineRoute(app, { ...api.hardening, summary: '加固计划及完成进度', tags, access: READ, handler: (ctx) => listHardening(ctx) });
  defineRoute(app, {
    ...api.createHardening,
    summary: '由漏洞生成加固计划',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => createHardening(ctx, body),
  });
}
