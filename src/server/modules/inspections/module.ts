// The inspections module (issue 14 points 1–2, R-INS-01..03): templates as data per line and device
// kind; sheets generated on the business calendar, assigned to the line's engineers, prefilled from
// monitoring and configuration backup as they open, filled on a phone by scanning asset labels,
// signed once, anomalies turned into desk tickets, overdue sheets escalated to the project manager;
// the quarterly and annual inspection plans the agency approves, versioned.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sheetCounts } from './evidence.ts';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { loadInspectionsDemo } from './demo.ts';
import { INSPECTION_EVENTS } from './events.ts';
import { inspectionJobs } from './jobs.ts';
import { planRoutes, sheetRoutes } from './routes.ts';
import * as tables from './tables.ts';
import { INSPECTION_TODOS } from './todos.ts';

const AGENCY = ['agency_manager', 'agency_contact'];

export const inspections = defineModule({
  id: 'inspections',
  name: { zh: '巡检管理', en: 'Inspections' },
  summary: {
    zh: '巡检模板、按业务日历生成巡检单、手机扫码填写与签字、异常转运维单、季度与年度巡检计划',
    en: 'Inspection templates, sheets on the business calendar, phone filling by label scan, anomalies to tickets, inspection plans',
  },
  dependsOn: ['org', 'assets', 'desk', 'monitoring', 'configbackup', 'secops'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'inspections.read': {
      zh: '查看巡检模板、巡检单与巡检计划',
      en: 'View inspection templates, sheets and plans',
      group: 'inspections',
      grants: [...AGENCY, 'contractor_pm', 'engineer', 'duty_operator'],
    },
    'inspections.fill': {
      zh: '填写、签字提交巡检单，异常转运维单',
      en: 'Fill and sign inspection sheets, turn anomalies into tickets',
      group: 'inspections',
      grants: ['contractor_pm', 'engineer'],
    },
    'inspections.manage': {
      zh: '维护巡检模板、生成巡检单、填写任何巡检单',
      en: 'Maintain templates, generate sheets, fill any sheet',
      group: 'inspections',
      grants: ['contractor_pm'],
    },
    'inspections.plan': {
      zh: '提交巡检计划与报告',
      en: 'Submit inspection plans and reports',
      group: 'inspections',
      grants: ['contractor_pm', 'engineer'],
    },
    'inspections.approve': {
      zh: '审批巡检计划与报告（甲方）',
      en: 'Approve inspection plans and reports (agency)',
      group: 'inspections',
      grants: AGENCY,
    },
  },
  events: INSPECTION_EVENTS,
  routes: [sheetRoutes, planRoutes],
  jobs: inspectionJobs,
  demo: loadInspectionsDemo,
  todos: INSPECTION_TODOS,
  exportTables: tablesIn(tables),
  evidence: [sheetCounts],
});
