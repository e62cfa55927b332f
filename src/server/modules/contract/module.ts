// The contract module: the contract, its service lines with their periods, hours, fees, sites and
// staffing (R-CON-03, R-STF), and who fills each post.
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { loadContractDemo } from '../../demo/contract.ts';
import { contractRoutes } from './routes.ts';
import { staffReviewRoutes } from './staff-routes.ts';
import * as tables from './tables.ts';
import { CONTRACT_TODOS } from './todos.ts';

export const contract = defineModule({
  id: 'contract',
  name: { zh: '合同', en: 'Contract' },
  summary: {
    zh: '合同与四个服务项目：服务期、服务时间、费用、地点与人员配置',
    en: 'The contract and its service lines: periods, hours, fees, sites, staffing',
  },
  dependsOn: ['org'],
  permissions: {
    'contract.read': {
      zh: '查看合同与服务项目',
      en: 'View the contract and service lines',
      group: 'contract',
      grants: ['system_admin', 'agency_manager', 'agency_contact', 'contractor_pm', 'engineer', 'duty_operator'],
    },
    'contract.write': {
      zh: '维护合同与服务项目',
      en: 'Edit the contract and service lines',
      group: 'contract',
      grants: ['agency_manager', 'contractor_pm'],
    },
    'contract.staff_submit': {
      zh: '提交人员名单供甲方审核',
      en: 'Submit the staff list for the agency review',
      group: 'contract',
      grants: ['contractor_pm'],
    },
    'contract.staff_review': {
      zh: '审核人员名单、确认人员变更（甲方）',
      en: 'Review the staff list and acknowledge staff changes (agency)',
      group: 'contract',
      grants: ['agency_manager', 'agency_contact'],
    },
  },
  events: {
    'contract.staff_list_to_review': {
      zh: '人员名单待审核',
      en: 'Staff list to review',
      descZh: '乙方提交的驻场服务人员名单（甲方）',
      descEn: 'A staff list submitted by the contractor (agency)',
      defaults: ['inapp'],
    },
    'contract.staff_list_reviewed': {
      zh: '人员名单审核结果',
      en: 'Staff list reviewed',
      descZh: '甲方认可或退回了提交的人员名单（乙方）',
      descEn: 'The agency approved or returned the staff list (contractor)',
      defaults: ['inapp'],
    },
    'contract.staff_changed': {
      zh: '人员变更',
      en: 'Staff changed',
      descZh: '人员名单认可后有人员到岗或离岗（甲方）',
      descEn: 'A person joined or left a post after the staff list was approved (agency)',
      defaults: ['inapp', 'email'],
    },
  },
  routes: [contractRoutes, staffReviewRoutes],
  todos: CONTRACT_TODOS,
  demo: loadContractDemo,
  exportTables: tablesIn(tables),
});
