// The improve module: improvement requests from the people the service serves, tracked from the
// request to the agency's evaluation of the result (R-SD-12; 附件一 一 2.2(4), 3.3).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadImproveDemo } from '../../demo/improve.ts';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { improveRoutes } from './routes.ts';
import * as tables from './tables.ts';

const AGENCY = ['agency_manager', 'agency_contact', 'agency_dept', 'agency_staff'];

export const improve = defineModule({
  id: 'improve',
  name: { zh: '改进建议', en: 'Improvements' },
  summary: {
    zh: '用户提出的服务改进建议：评估、采纳、实施与甲方评价',
    en: 'Improvement requests from users: assessed, accepted, implemented and evaluated by the agency',
  },
  dependsOn: ['org'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'improve.read': {
      zh: '查看改进建议',
      en: 'View improvement requests',
      group: 'improve',
      grants: [...AGENCY, 'contractor_pm', 'engineer', 'duty_operator'],
    },
    'improve.submit': { zh: '提出改进建议', en: 'Submit improvement requests', group: 'improve', grants: AGENCY },
    'improve.manage': {
      zh: '评估、采纳并实施改进建议（乙方项目经理）',
      en: 'Assess, accept and implement improvement requests (contractor PM)',
      group: 'improve',
      grants: ['contractor_pm'],
    },
    'improve.evaluate': {
      zh: '评价改进结果（甲方）',
      en: 'Evaluate the result of an improvement (agency)',
      group: 'improve',
      grants: ['agency_contact', 'agency_manager'],
    },
  },
  events: {
    'improvement.changed': {
      zh: '改进建议有进展',
      en: 'Improvement request moved on',
      descZh: '新的改进建议（项目经理）；本人提出的建议被评估、采纳或实施；待甲方评价的改进结果',
      descEn: 'A new request (PM); progress on your own request; an implemented improvement to evaluate (agency)',
      defaults: ['inapp'],
    },
  },
  routes: [improveRoutes],
  demo: loadImproveDemo,
  exportTables: tablesIn(tables),
});
