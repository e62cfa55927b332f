// The security event centre (issue 13 points 1–2, R-SEC-01/02): syslog received over UDP and TCP by a
// collector on every node, parsed by vendor (Huawei USG, H3C, Hillstone, Sangfor, Fortinet, generic
// key=value and CEF), normalised, merged and kept 180 days in the time-series slot, or in ClickHouse when
// YUNWEI_EVENTS_URL names one (store.ts, docs/events-clickhouse.md).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventCounts } from './evidence.ts';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { clickhouseRetentionJob } from './clickhouse/retention.ts';
import { correlationJob } from './correlation/service.ts';
import { loadEventsDemo } from './demo.ts';
import { messageIndexJob } from './message-index.ts';
import { syslogCollector } from './receiver.ts';
import { eventRoutes } from './routes.ts';
import { EVENTS_SERIES } from './series.ts';
import * as tables from './tables.ts';

export const events = defineModule({
  id: 'events',
  name: { zh: '安全事件', en: 'Security events' },
  summary: {
    zh: '集中接收防火墙、入侵防御、防病毒等设备的 syslog，解析归一、合并重复事件并可检索',
    en: 'Central syslog from firewalls, IPS and anti-virus: parsed, normalised, merged and searchable',
  },
  dependsOn: ['org', 'desk'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'events.read': {
      zh: '查看安全事件与日志源',
      en: 'View security events and log sources',
      group: 'events',
      grants: ['engineer', 'contractor_pm', 'duty_operator'],
    },
    'events.alerts': {
      zh: '查看安全告警',
      en: 'View security alerts',
      group: 'events',
      grants: ['engineer', 'contractor_pm', 'duty_operator', 'agency_manager', 'agency_contact'],
    },
    'events.admin': {
      zh: '登记与删除日志源、过滤规则，编辑关联规则',
      en: 'Register and remove log sources and filter rules, edit correlation rules',
      group: 'events',
      grants: ['engineer', 'contractor_pm'],
    },
  },
  routes: [eventRoutes],
  collectors: [syslogCollector],
  jobs: [correlationJob, clickhouseRetentionJob, messageIndexJob],
  series: EVENTS_SERIES,
  exportTables: tablesIn(tables),
  demo: loadEventsDemo,
  evidence: [eventCounts],
});
