// The duty module (issue 14 point 4, R-DUT-01): rosters per service line with layers (resident 5×9,
// mobile, second-line on-call, special holiday duty), rotations and restrictions generated on the
// business calendar; overrides the project manager approves; who is on duty now (page, API, api.ts);
// handover log, attendance and a calendar feed per person.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDutyDemo } from '../../demo/duty.ts';
import { dutyCounts } from './evidence.ts';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { drillRoutes } from './drills-routes.ts';
import { drillsEvidence } from './drills.ts';
import { dutyRoutes } from './routes.ts';
import * as tables from './tables.ts';
import { DUTY_TODOS } from './todos.ts';

const AGENCY = ['agency_manager', 'agency_contact', 'agency_finance', 'agency_dept', 'agency_staff'];

export const duty = defineModule({
  id: 'duty',
  name: { zh: '值班管理', en: 'Duty' },
  summary: {
    zh: '值班排班（驻场、机动、二线值班、节假日专项值班）、调班审批、当前值班人、交接班与到岗记录、个人值班日历',
    en: 'Duty rosters (resident, mobile, on-call, holiday special), override approval, who is on duty, handovers, attendance, calendar feeds',
  },
  dependsOn: ['org', 'contract'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'duty.read': {
      zh: '查看值班表与当前值班人员',
      en: 'View rosters and who is on duty',
      group: 'duty',
      grants: [...AGENCY, 'contractor_pm', 'engineer', 'duty_operator'],
    },
    'duty.request': {
      zh: '申请调班、填写交接班与到岗签到',
      en: 'Request overrides, write handovers, check in on post',
      group: 'duty',
      grants: ['contractor_pm', 'engineer', 'duty_operator'],
    },
    'duty.write': { zh: '编制与发布值班表', en: 'Draw up and publish rosters', group: 'duty', grants: ['contractor_pm'] },
    'duty.approve': { zh: '审批调班', en: 'Approve overrides', group: 'duty', grants: ['contractor_pm'] },
    'duty.confirm': {
      zh: '确认值班制度与应急预案（甲方）',
      en: 'Confirm the duty rules and emergency procedures (agency)',
      group: 'duty',
      grants: ['agency_manager', 'agency_contact'],
    },
  },
  routes: [dutyRoutes, drillRoutes],
  demo: loadDutyDemo,
  todos: DUTY_TODOS,
  exportTables: tablesIn(tables),
  evidence: [dutyCounts, drillsEvidence],
});
