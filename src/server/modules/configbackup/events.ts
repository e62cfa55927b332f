// Notification events of configuration backup.
import type { NotifyEventDef } from '../../../common/notify.ts';

export const CONFIG_BACKUP_EVENTS = {
  'configbackup.unexplained_change': {
    zh: '设备配置未经批准的变化',
    en: 'Unexplained configuration change',
    descZh: '设备配置与上一版本不同且没有已批准的变更覆盖（服务项目工程师）',
    descEn: 'A device’s configuration changed and no approved change covers it (the line’s engineers)',
    defaults: ['inapp', 'email'],
  },
} as const satisfies Record<string, NotifyEventDef>;
