// The contract's money (issue 15 point 5; R-CON-04..08, 11..15): the calculator of late-payment
// penalties, termination refunds, continuation fees and penalties, exact to the fen with the clause
// each rests on; the payments with their invoices; the dashboard of every deadline and sum. A module of
// its own beside `contract` (whose files stay small), reading the contract through contract/api.ts.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { loadMoneyDemo } from '../../demo/money.ts';
import { loadMoneyRecordsDemo } from '../../demo/money-records.ts';
import { MONEY_EVENTS } from './events.ts';
import { moneyRecordRoutes } from './records-routes.ts';
import { moneyRoutes } from './routes.ts';
import * as tables from './tables.ts';

const MONEY_ROLES = ['contractor_pm', 'agency_finance', 'agency_manager'];

export const money = defineModule({
  id: 'money',
  name: { zh: '合同款项', en: 'Contract money' },
  summary: {
    zh: '履约保函、付款与发票、逾期付款违约金、解除退费、延续服务费与违约金的计算及其条款依据',
    en: 'Performance bond, payments and invoices, late-payment penalties, refunds, continuation fees and penalties with their clauses',
  },
  dependsOn: ['contract', 'reports'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'money.read': {
      zh: '查看合同款项看板与付款记录',
      en: 'View the contract money dashboard and payments',
      group: 'contract',
      grants: MONEY_ROLES,
    },
    'money.calc': {
      zh: '使用合同金额计算器',
      en: 'Use the contract sums calculator',
      group: 'contract',
      grants: MONEY_ROLES,
    },
    'money.write': {
      zh: '登记付款与发票、不可抗力、合同变更、纠正通知、甲方协调人与检查',
      en: 'Record payments and invoices, force majeure, amendments, notices to cure, the agency coordinators and inspections',
      group: 'contract',
      grants: MONEY_ROLES,
    },
  },
  events: MONEY_EVENTS,
  routes: [moneyRoutes, moneyRecordRoutes],
  demo: async (ctx, env) => {
    await loadMoneyDemo(ctx, env);
    await loadMoneyRecordsDemo(ctx, env);
  },
  exportTables: tablesIn(tables),
});
