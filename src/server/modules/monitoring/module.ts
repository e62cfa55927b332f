// The monitoring module (issue 12 point 3, R-MON-01/02/07): devices watched around the clock by ICMP
// (fping) and SNMP (v2c, v3 authPriv), interface rates and utilisation from exact 64-bit counters,
// raw samples kept 30 days and 5-minute rollups 13 months, thresholds as data raising alerts that open
// and resolve desk tickets by themselves.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { alertJob, seedThresholds } from './alerts.ts';
import { icmpCollector, snmpCollector } from './collectors.ts';
import { trapCollector } from './traps.ts';
import { nodePairCollector, pairCollector } from './pair-collectors.ts';
import { loadMonitoringDemo } from './demo.ts';
import { MONITORING_EVENTS } from './events.ts';
import { networkMonth } from './evidence.ts';
import { securityDeviceFaults } from './security-faults.ts';
import { rollupJob } from './rollups.ts';
import { monitoringRoutes } from './routes.ts';
import { MONITORING_SERIES } from './series.ts';
import * as tables from './tables.ts';

export const monitoring = defineModule({
  id: 'monitoring',
  name: { zh: '网络监控', en: 'Monitoring' },
  summary: {
    zh: '网络与安全设备的 7×24 可达性、时延与接口流量监控，超阈值自动告警并派单',
    en: 'Around-the-clock reachability, latency and interface traffic of network devices, alerts that open tickets',
  },
  dependsOn: ['org', 'desk', 'assets'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'monitoring.read': {
      zh: '查看监控设备、曲线与告警',
      en: 'View monitored devices, charts and alerts',
      group: 'monitoring',
      grants: ['agency_manager', 'agency_contact', 'contractor_pm', 'engineer'],
    },
    'monitoring.write': {
      zh: '登记监控设备、设置告警阈值',
      en: 'Register monitored devices, set alert thresholds',
      group: 'monitoring',
      grants: ['contractor_pm', 'engineer'],
    },
  },
  events: MONITORING_EVENTS,
  routes: [monitoringRoutes],
  jobs: [alertJob, rollupJob],
  collectors: [icmpCollector, snmpCollector, trapCollector, pairCollector, nodePairCollector],
  series: MONITORING_SERIES,
  evidence: [networkMonth, securityDeviceFaults],
  seed: seedThresholds,
  demo: loadMonitoringDemo,
  exportTables: tablesIn(tables),
});
