// Contracts of the in-app bell and its live stream, the user's notification preferences and the
// system admin's SMTP server and outbound policy.
import { z } from 'zod';
import { ZIdParams } from './api.ts';
import { endpoint } from './endpoint.ts';
import {
  ZNotificationList,
  ZNotificationQuery,
  ZNotifyEvent,
  ZNotifyPrefs,
  ZNotifyPrefsInput,
  ZOutboundPolicy,
  ZSmtpInput,
  ZSmtpTest,
  ZSmtpView,
  ZTestResults,
} from './notify.ts';

export const notifyApi = {
  events: endpoint({ method: 'GET', path: '/api/notify/events', response: z.object({ items: z.array(ZNotifyEvent) }) }),
  list: endpoint({ method: 'GET', path: '/api/notifications', query: ZNotificationQuery, response: ZNotificationList }),
  readAll: endpoint({
    method: 'POST',
    path: '/api/notifications/read-all',
    response: z.object({ marked: z.number().int(), unread: z.number().int() }),
  }),
  read: endpoint({
    method: 'POST',
    path: '/api/notifications/:id/read',
    params: ZIdParams,
    response: z.object({ unread: z.number().int() }),
  }),
  /** Server-sent events: `notification`, `unread`, `expired`. */
  stream: endpoint({ method: 'GET', path: '/api/notifications/stream', raw: true }),
  prefs: endpoint({ method: 'GET', path: '/api/me/notify-prefs', response: ZNotifyPrefs }),
  savePrefs: endpoint({ method: 'PUT', path: '/api/me/notify-prefs', body: ZNotifyPrefsInput, response: ZNotifyPrefs }),
  testPrefs: endpoint({ method: 'POST', path: '/api/me/notify-prefs/test', response: ZTestResults }),
  smtp: endpoint({ method: 'GET', path: '/api/notify/smtp', response: ZSmtpView }),
  saveSmtp: endpoint({ method: 'PUT', path: '/api/notify/smtp', body: ZSmtpInput, response: ZSmtpView }),
  testSmtp: endpoint({
    method: 'POST',
    path: '/api/notify/smtp/test',
    body: ZSmtpTest,
    response: z.object({ ok: z.boolean(), to: z.string(), error: z.string().optional() }),
  }),
  outbound: endpoint({ method: 'GET', path: '/api/admin/outbound', response: ZOutboundPolicy }),
  saveOutbound: endpoint({ method: 'PUT', path: '/api/admin/outbound', body: ZOutboundPolicy, response: ZOutboundPolicy }),
};
