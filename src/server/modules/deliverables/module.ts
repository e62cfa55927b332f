// The deliverables module (issue 15 points 2–3): the quarterly service summary the agency reviews within
// 15 days, silence being approval (第六条3, R-RPT-02), and leader support — data tables, network reports
// and reporting material the agency asks for with a due date (附件一 6, R-RPT-03).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDeliverablesDemo } from '../../demo/deliverables.ts';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { DELIVERABLE_EVENTS } from './events.ts';
import { notifyOverdue } from './leader.ts';
import { leaderRoutes, quarterlyRoutes } from './routes.ts';
import { silenceJob } from './silence.ts';
import * as tables from './tables.ts';
import { DELIVERABLE_TODOS } from './todos.ts';

const AGENCY = ['agency_manager', 'agency_contact'];

export const deliverables = defineModule({
  id: 'deliverables',
  name: { zh: '交付与审阅', en: 'Deliverables' },
  summary: {
    zh: '季度服务工作总结的提交与甲方评审（15 日内未提出质疑视为通过）、质疑讨论与重新提交、领导支持需求的分派、交付与验收',
    en: 'Quarterly summaries and the agency’s 15-day review (silence approves), objections and resubmission, leader support requests assigned, delivered and accepted',
  },
  dependsOn: ['org'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'deliverables.read': {
      zh: '查看季度总结与领导支持需求',
      en: 'View quarterly summaries and leader support requests',
      group: 'deliverables',
      grants: [...AGENCY, 'contractor_pm', 'engineer'],
    },
    'deliverables.submit': {
      zh: '提交与重新提交季度服务工作总结',
      en: 'Submit and resubmit quarterly summaries',
      group: 'deliverables',
      grants: ['contractor_pm'],
    },
    'deliverables.review': {
      zh: '评审季度总结、提出与验收领导支持需求（甲方）',
      en: 'Review quarterly summaries, request and accept leader support (agency)',
      group: 'deliverables',
      grants: AGENCY,
    },
    'deliverables.assign': {
      zh: '分派领导支持需求',
      en: 'Assign leader support requests',
      group: 'deliverables',
      grants: ['contractor_pm'],
    },
    'deliverables.deliver': {
      zh: '上传并交付领导支持材料',
      en: 'Upload and deliver leader support material',
      group: 'deliverables',
      grants: ['contractor_pm', 'engineer'],
    },
  },
  events: DELIVERABLE_EVENTS,
  routes: [quarterlyRoutes, leaderRoutes],
  jobs: [
    silenceJob,
    {
      name: 'deliverables-leader-overdue',
      scope: 'global',
      cron: '*/10 * * * *',
      handler: async (ctx) => void (await notifyOverdue(ctx)),
    },
  ],
  demo: loadDeliverablesDemo,
  todos: DELIVERABLE_TODOS,
  exportTables: tablesIn(tables),
});
