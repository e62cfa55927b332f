// Tickets that other modules open for what they detect (issue 12: monitoring alerts, unexplained
// configuration changes) go through the desk's own path and are resolved when the condition clears.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTicket } from '../../../common/desk.ts';
import type { TNotificationList } from '../../../common/notify.ts';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { SYSTEM_ACTOR } from '../../kernel/context.ts';
import { openDetectedTicket, resolveDetectedTicket } from './api.ts';

let t: TestApp;
let eng: Agent;

beforeAll(async () => {
  t = await testApp();
  eng = await t.userAgent('eng.net', ['engineer'], { serviceLines: ['NET'] });
});
afterAll(async () => t?.close());

describe('a ticket opened by a module', () => {
  it('has the monitoring channel, SLA clocks and the engineers’ notice; clearing resolves it once', async () => {
    const sys = { ...t.ctx, actor: SYSTEM_ACTOR };
    const opened = await openDetectedTicket(sys, {
      serviceLine: 'NET',
      severity: 'high',
      title: '核心交换机 A 不可达',
      description: 'ICMP 连续 3 次无响应',
      assetsText: 'ZC-0001',
    });
    expect(opened.number).toMatch(/\d/);
    const ticket = json<TTicket>(await eng.get(`/api/tickets/${opened.id}`));
    expect(ticket).toMatchObject({ channel: 'monitoring', status: 'new', assetsText: 'ZC-0001' });
    expect(ticket.slas.map((s) => s.target)).toContain('resolve');
    const bell = json<TNotificationList>(await eng.get('/api/notifications?pageSize=50'));
    expect(bell.items.some((n) => n.event === 'ticket.created' && n.body.includes('核心交换机 A 不可达'))).toBe(true);

    expect(await resolveDetectedTicket(sys, opened.id, '设备恢复可达（监控自动恢复）')).toBe(true);
    const after = json<TTicket>(await eng.get(`/api/tickets/${opened.id}`));
    expect(after.status).toBe('resolved');
    // Already resolved: nothing changes and the caller learns it.
    expect(await resolveDetectedTicket(sys, opened.id, '再次恢复')).toBe(false);
  });
});
