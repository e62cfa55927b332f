// The reports module (issue 15 point 1, R-RPT-01): the report forms — 日监控表, 周巡检表, 月度, 季度
// and 年度运维报告 — computed for an ended period from every module's evidence providers (through the
// registry), kept as versions with editable narrative, charts drawn on the server, and output as
// Word, Excel and PDF whose numbers link back to the records they count.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { loadReportsDemo } from '../../demo/reports.ts';
import { reportRoutes } from './routes.ts';
import * as tables from './tables.ts';

export const reports = defineModule({
  id: 'reports',
  name: { zh: '运维报告', en: 'Reports' },
  summary: {
    zh: '日监控表、周巡检表、月度/季度/年度运维报告：从各模块证据生成，图表、版本、文字编辑，导出 Word/Excel/PDF',
    en: 'Daily, weekly, monthly, quarterly and annual reports generated from evidence, with charts, versions and Word/Excel/PDF',
  },
  dependsOn: ['org', 'desk', 'monitoring', 'changes', 'configbackup', 'events', 'vulns', 'secops', 'inspections', 'duty', 'conferences'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'reports.read': {
      zh: '查看与下载运维报告',
      en: 'View and download reports',
      group: 'reports',
      grants: ['agency_manager', 'agency_contact', 'agency_finance', 'contractor_pm', 'engineer'],
    },
    'reports.write': {
      zh: '生成运维报告、编辑报告文字',
      en: 'Generate reports and edit their narrative',
      group: 'reports',
      grants: ['contractor_pm', 'engineer'],
    },
  },
  routes: [reportRoutes],
  demo: loadReportsDemo,
  exportTables: tablesIn(tables),
});
