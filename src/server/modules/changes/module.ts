// The changes module (issue 12 point 1, R-CHG-01..06): change requests approved before work (standard,
// normal, emergency), implemented with configuration backups before and after and confirmed by the
// agency; the per-device maintenance archive; third-party access; the plan and rules the agency reviews.
// It explains configuration versions taken inside an approved change's window (configbackup api).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadChangesDemo } from '../../demo/changes.ts';
import { changeCounts } from './evidence.ts';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { coverConfigChanges } from '../configbackup/api.ts';
import { CHANGE_EVENTS } from './events.ts';
import { overdueJob } from './jobs.ts';
import { changeRoutes } from './routes.ts';
import { accessRoutes, reviewRoutes } from './side-routes.ts';
import { seedApprovalRules } from './rules.ts';
import { coveringChange } from './service.ts';
import * as tables from './tables.ts';
import { CHANGE_TODOS } from './todos.ts';

const AGENCY = ['agency_manager', 'agency_contact'];

// Registered once per process (the seed runs at every start; a second registration of the same
// function is the same Set entry).
coverConfigChanges(coveringChange);

export const changes = defineModule({
  id: 'changes',
  name: { zh: '变更管理', en: 'Changes' },
  summary: {
    zh: '变更申请与分级审批、实施前后配置备份与比对、甲方确认、设备维护档案、第三方人员访问',
    en: 'Change requests and approval, backups and diffs before and after, agency confirmation, device archive, third-party access',
  },
  dependsOn: ['org', 'configbackup'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'changes.read': {
      zh: '查看变更、设备维护档案与第三方访问',
      en: 'View changes, device archives and third-party access',
      group: 'changes',
      grants: [...AGENCY, 'contractor_pm', 'engineer'],
    },
    'changes.write': {
      zh: '提出与实施变更、登记第三方访问、提交运维计划与制度',
      en: 'Request and implement changes, log third-party access, submit plans and rules',
      group: 'changes',
      grants: ['contractor_pm', 'engineer'],
    },
    'changes.approve': {
      zh: '审批变更与第三方访问（按审批步骤的角色）',
      en: 'Approve changes and third-party access (by the step’s role)',
      group: 'changes',
      grants: ['contractor_pm', ...AGENCY],
    },
    'changes.confirm': {
      zh: '确认变更结果、审阅运维计划与制度（甲方）',
      en: 'Confirm changes, review plans and rules (agency)',
      group: 'changes',
      grants: AGENCY,
    },
  },
  events: CHANGE_EVENTS,
  routes: [changeRoutes, accessRoutes, reviewRoutes],
  jobs: [overdueJob],
  seed: seedApprovalRules,
  demo: loadChangesDemo,
  todos: CHANGE_TODOS,
  exportTables: tablesIn(tables),
  evidence: [changeCounts],
});
