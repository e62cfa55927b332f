// The contract module: the contract, its service lines with their periods, hours, fees, sites and
// staffing (R-CON-03, R-STF), and who fills each post.
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { loadContractDemo } from '../../demo/contract.ts';
import { contractRoutes } from './routes.ts';
import * as tables from './tables.ts';

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
  },
  routes: [contractRoutes],
  demo: loadContractDemo,
  exportTables: tablesIn(tables),
});
