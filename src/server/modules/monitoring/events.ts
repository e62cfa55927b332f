// Notification events of monitoring.
import type { NotifyEventDef } from '../../../common/notify.ts';

export const MONITORING_EVENTS = {
  'monitoring.alert': {
    zh: '监控告警',
    en: 'Monitoring alert',
    descZh: '设备不可达、接口断开、带宽利用率过高或 SNMP 采集失败，持续达到阈值（服务项目工程师）',
    descEn:
      'A device unreachable, an interface down, utilisation high or SNMP failing, for the threshold’s duration (the line’s engineers)',
    defaults: ['inapp', 'email'],
  },
} as const satisfies Record<string, NotifyEventDef>;
