// The vulnerability module (issue 13 point 5; R-SEC-04..06): scan reports imported and matched to
// assets, findings deduplicated and taken through their flow to a fix a later scan verifies, due dates
// on the business calendar, scan plans, pentest reports and hardening plans.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findingCounts } from './evidence.ts';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { loadVulnDemo } from './demo.ts';
import { VULN_EVENTS } from './events.ts';
import { overdueJob } from './flow.ts';
import { vulnRoutes } from './routes.ts';
import * as tables from './tables.ts';

export const vulns = defineModule({
  id: 'vulns',
  name: { zh: '漏洞管理', en: 'Vulnerabilities' },
  summary: {
    zh: '漏洞扫描导入、整改跟踪与验证、渗透测试与加固计划',
    en: 'Scan imports, remediation to verified fix, pentests and hardening',
  },
  dependsOn: ['org', 'assets'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'vulns.read': {
      zh: '查看漏洞与扫描',
      en: 'View vulnerabilities and scans',
      group: 'vulns',
      grants: ['engineer', 'contractor_pm', 'duty_operator', 'agency_contact', 'agency_manager'],
    },
    'vulns.write': {
      zh: '导入扫描、跟踪整改、申请例外',
      en: 'Import scans, track fixes, request exceptions',
      group: 'vulns',
      grants: ['engineer', 'contractor_pm'],
    },
    'vulns.approve': {
      zh: '审批接受风险与误报',
      en: 'Approve accepted risks and false positives',
      group: 'vulns',
      grants: ['agency_contact', 'agency_manager'],
    },
    'vulns.settings': { zh: '设置漏洞整改期限', en: 'Set remediation due days', group: 'vulns', grants: ['contractor_pm'] },
  },
  events: VULN_EVENTS,
  routes: [vulnRoutes],
  jobs: [overdueJob],
  demo: loadVulnDemo,
  exportTables: tablesIn(tables),
  evidence: [findingCounts],
});
