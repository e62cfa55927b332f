// Security operations (issue 13 points 4 and 6; R-SEC-03, R-SEC-07, R-SEC-09): responses recorded on
// the event centre's alerts and approved through the change process, the per-device security policy
// history, and the signature versions of every security product on a staleness board.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signatureCurrency } from './evidence.ts';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { loadSecopsDemo } from './demo.ts';
import { secopsRoutes } from './routes.ts';
import { signatureLogJob } from './signature-log.ts';
import { seedThresholds } from './signatures.ts';
import * as tables from './tables.ts';
import { SECOPS_TODOS } from './todos.ts';

const AGENCY = ['agency_manager', 'agency_contact'];

export const secops = defineModule({
  id: 'secops',
  name: { zh: '安全运维', en: 'Security operations' },
  summary: {
    zh: '安全告警的处置记录与变更审批、设备安全策略调整历史、安全设备特征库与病毒库时效',
    en: 'Responses to security alerts approved through changes, device policy history, signature currency',
  },
  dependsOn: ['assets', 'changes', 'desk', 'events'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'secops.read': {
      zh: '查看安全处置、设备策略历史与特征库',
      en: 'View responses, device policy history and signatures',
      group: 'secops',
      grants: ['engineer', 'contractor_pm', 'duty_operator', ...AGENCY],
    },
    'secops.write': {
      zh: '登记与验证安全处置、登记特征库版本',
      en: 'Record and verify responses, record signature versions',
      group: 'secops',
      grants: ['engineer', 'contractor_pm'],
    },
    'secops.settings': { zh: '设置特征库过期阈值', en: 'Set signature staleness thresholds', group: 'secops', grants: ['contractor_pm'] },
  },
  routes: [secopsRoutes],
  jobs: [signatureLogJob],
  seed: seedThresholds,
  demo: loadSecopsDemo,
  todos: SECOPS_TODOS,
  exportTables: tablesIn(tables),
  evidence: [signatureCurrency],
});
