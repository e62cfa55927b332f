// The configuration-backup module (issue 12, R-MON-05/06): network and security devices reached over
// SSH, their configurations kept as versions that change only when the configuration really does,
// diffs between any two, and an alert when a change is not explained by an approved change.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backupCounts } from './evidence.ts';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { loadConfigBackupDemo } from './demo.ts';
import { purgeConfigBackups } from './purge.ts';
import { CONFIG_BACKUP_EVENTS } from './events.ts';
import { configBackupRoutes } from './routes.ts';
import { configBackupGroupRoutes } from './group-routes.ts';
import { scheduledBackup } from './scheduler.ts';
import * as tables from './tables.ts';

export const configbackup = defineModule({
  id: 'configbackup',
  name: { zh: '配置备份', en: 'Configuration backup' },
  summary: { zh: '网络与安全设备配置的定时备份、版本与比对', en: 'Scheduled backup, versions and diffs of device configurations' },
  dependsOn: ['org', 'desk'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'configbackup.read': {
      zh: '查看设备配置与备份',
      en: 'View device configurations and backups',
      group: 'configbackup',
      grants: ['agency_manager', 'agency_contact', 'contractor_pm', 'engineer'],
    },
    'configbackup.write': {
      zh: '登记设备、立即备份',
      en: 'Register devices, back up now',
      group: 'configbackup',
      grants: ['contractor_pm', 'engineer'],
    },
    'configbackup.hostkey': {
      zh: '确认设备更换后的主机密钥',
      en: 'Accept a device’s changed host key',
      group: 'configbackup',
      grants: ['contractor_pm'],
    },
  },
  events: CONFIG_BACKUP_EVENTS,
  routes: [configBackupRoutes, configBackupGroupRoutes],
  jobs: [scheduledBackup],
  demo: loadConfigBackupDemo,
  exportTables: tablesIn(tables),
  evidence: [backupCounts],
  purge: purgeConfigBackups,
});
