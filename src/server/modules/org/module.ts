// The org module: the contract's parties with their official channels and bank accounts (R-CON-01/02),
// sites and rooms, departments and people.
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { loadOrgDemo } from '../../demo/org.ts';
import { orgRoutes } from './routes.ts';
import * as tables from './tables.ts';

const READERS = ['system_admin', 'agency_manager', 'agency_contact', 'contractor_pm', 'engineer', 'duty_operator'];

export const org = defineModule({
  id: 'org',
  name: { zh: '单位与人员', en: 'Parties and people' },
  summary: { zh: '合同各方、地点与机房、部门、人员', en: 'The contract parties, sites and rooms, departments, people' },
  permissions: {
    'org.read': { zh: '查看单位、地点、人员', en: 'View parties, sites and people', group: 'org', grants: READERS },
    'org.write': {
      zh: '维护单位、地点、人员',
      en: 'Edit parties, sites and people',
      group: 'org',
      grants: ['system_admin', 'agency_manager', 'contractor_pm'],
    },
  },
  routes: [orgRoutes],
  demo: loadOrgDemo,
  exportTables: tablesIn(tables),
});
