// The assessment module (issue 15 point 4, R-QA-01..04): the contract's criteria per service item as
// data (附件一 x.3), a monthly draft prefilled from the other modules' evidence providers, scored and
// signed by the agency; a failed month's remedies and deduction proposal; two failed months in a row
// start the 30-day cure clock from the agency's written notice; an uncured breach or a major security
// incident flags the agency's termination right (第六条, 第十二条2). Trend per line and criterion.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { seedCriteria } from './criteria.ts';
import { cureJob } from './cure.ts';
import { loadAssessmentDemo } from './demo.ts';
import { ASSESSMENT_EVENTS } from './events.ts';
import { assessmentRoutes } from './routes.ts';
import * as tables from './tables.ts';
import { ASSESSMENT_TODOS } from './todos.ts';
import { draftJob } from './trend.ts';

const AGENCY = ['agency_manager', 'agency_contact'];

export const assessment = defineModule({
  id: 'assessment',
  name: { zh: '月度考核', en: 'Monthly assessment' },
  summary: {
    zh: '按合同考核标准逐月考核：证据预填、甲方评分签署、整改与扣款建议、连续不合格的纠正期限与解除权、得分趋势',
    en: 'Monthly assessment against the contract’s criteria: evidence prefilled, scored and signed by the agency, remedies and deductions, cure clock and termination right, trends',
  },
  // The evidence it reads most: the desk's and monitoring's (conferences' is optional: without it the
  // criterion is scored by hand), so their demos run first.
  dependsOn: ['org', 'contract', 'desk', 'monitoring'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'assessment.read': {
      zh: '查看月度考核、整改与趋势',
      en: 'View monthly assessments, remedies and trends',
      group: 'assessment',
      grants: [...AGENCY, 'agency_finance', 'contractor_pm'],
    },
    'assessment.prepare': {
      zh: '生成月度考核表（按证据预填）',
      en: 'Prepare a month’s assessment from the evidence',
      group: 'assessment',
      grants: ['contractor_pm'],
    },
    'assessment.score': {
      zh: '评分并签署月度考核，登记书面通知、纠正与重大安全事件（甲方）',
      en: 'Score and sign assessments; record notices, cures and major incidents (agency)',
      group: 'assessment',
      grants: AGENCY,
    },
    'assessment.remedy': {
      zh: '办理考核整改（乙方项目经理）',
      en: 'Carry out assessment remedies (contractor PM)',
      group: 'assessment',
      grants: ['contractor_pm'],
    },
  },
  events: ASSESSMENT_EVENTS,
  routes: [assessmentRoutes],
  jobs: [draftJob, cureJob],
  seed: seedCriteria,
  demo: loadAssessmentDemo,
  todos: ASSESSMENT_TODOS,
  exportTables: tablesIn(tables),
});
