// Correlation (issue 13 point 3): rules as Sigma-style YAML refused with a reason when wrong (an
// alias bomb included), tried on stored events before enabling, and once enabled run by the job:
// brute force then success from one source raises one alert, deduplicated, with a desk ticket on
// the SEC line (channel security) that the agency sees in the alert queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTicket } from '../../../../common/desk.ts';
import type { TEventAlert, TEventRule, TRuleHit } from '../../../../common/events.ts';
import { SYSTEM_ACTOR } from '../../../kernel/context.ts';
import { json, testApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { normalise } from '../normalise.ts';
import { writeEvents } from '../store.ts';
import { correlate } from './service.ts';
import { BRUTE_FORCE_RULE, MANY_USERS_RULE } from './samples.ts';

let t: TestApp;
let eng: Agent;

const fail = (ip: string) => `<188>Dec  6 2026 14:06:00 USG6650-FW %%01SHELL/4/LOGINFAIL(l):用户 admin 从 ${ip} 登录失败（密码错误）。`;
const ok = (ip: string) => `<189>Dec  6 2026 14:06:00 USG6650-FW %%01SHELL/5/LOGIN(l):用户 admin 从 ${ip} 登录成功。`;
const userFail = (ip: string, user: string) =>
  `<28>1 2026-12-06T06:05:11Z app-01 sso - - - type=auth src=${ip} user=${user} msg="${user} 登录失败"`;

/** Stores the lines as received one second apart from now on the test clock. */
async function receive(lines: string[]): Promise<void> {
  const sys = { ...t.ctx, actor: SYSTEM_ACTOR };
  for (const line of lines) {
    t.clock.advance(1000);
    await writeEvents(sys, [normalise(Buffer.from(line), '127.0.0.11', undefined, t.clock.now())]);
  }
}

beforeAll(async () => {
  t = await testApp();
  eng = await t.userAgent('eng.sec', ['engineer'], { serviceLines: ['SEC'] });
  await receive([
    ...Array.from({ length: 5 }, () => fail('203.0.113.5')),
    ok('203.0.113.5'),
    ...Array.from({ length: 6 }, () => fail('203.0.113.6')), // no success: no hit
    ok('203.0.113.7'),
    ...Array.from({ length: 5 }, () => fail('203.0.113.7')), // success before the failures: no hit
    userFail('198.51.100.9', 'zhang'),
    userFail('198.51.100.9', 'li'),
    userFail('198.51.100.9', 'wang'),
  ]);
});
afterAll(async () => t?.close());

describe('correlation rules', () => {
  it('refuses a rule that does not parse, naming why', async () => {
    const bad = async (yaml: string) => {
      const r = await eng.post('/api/events/rules', { yaml });
      expect(r.statusCode, r.body).toBe(400);
      return (JSON.parse(r.body) as { detail: string }).detail;
    };
    expect(await bad('title: [unclosed')).toContain('YAML');
    expect(await bad(BRUTE_FORCE_RULE.replace('category: auth', 'colour: auth'))).toContain('colour');
    expect(await bad(BRUTE_FORCE_RULE.replace('then success', 'then nothing'))).toContain('nothing');
    const laughs = `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n`;
    expect(await bad(laughs)).toContain('YAML');
  });

  it('tries a rule on stored events: the ordered sequence and the distinct count', async () => {
    const test = async (yaml: string) => {
      const r = await eng.post('/api/events/rules/test', { yaml });
      expect(r.statusCode, r.body).toBe(200);
      return json<{ hits: TRuleHit[] }>(r).hits;
    };
    const brute = await test(BRUTE_FORCE_RULE);
    expect(brute.map((h) => h.key)).toEqual(['203.0.113.5']);
    expect(brute[0]).toMatchObject({ count: 6, sample: '用户 admin 从 203.0.113.5 登录成功。' });
    expect((await test(MANY_USERS_RULE)).map((h) => h.key)).toEqual(['198.51.100.9']);
    expect(await test(MANY_USERS_RULE.replace('>= 3', '>= 4'))).toEqual([]);
  });

  it('an enabled rule raises one alert with a security ticket on the SEC line, deduplicated', async () => {
    const saved = await eng.post('/api/events/rules', { yaml: BRUTE_FORCE_RULE, enabled: true });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(json<TEventRule>(saved)).toMatchObject({ title: '暴力破解后登录成功', level: 'high', version: 1 });
    const sys = { ...t.ctx, actor: SYSTEM_ACTOR };
    expect(await correlate(sys)).toBe(1);
    await correlate(sys);
    const agency = await t.userAgent('agency.sec', ['agency_contact']);
    const { items, total } = json<{ items: TEventAlert[]; total: number }>(await agency.get('/api/events/alerts'));
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ key: '203.0.113.5', severity: 'high', hits: 1 });
    const ticket = json<TTicket>(await eng.get(`/api/tickets/${items[0]!.ticketId}`));
    expect(ticket).toMatchObject({ channel: 'security', serviceLine: 'SEC', severity: 'high' });
    expect(ticket.title).toContain('203.0.113.5');
    // A change makes a new version.
    const changed = await eng.put(`/api/events/rules/${json<TEventRule>(saved).id}`, {
      yaml: BRUTE_FORCE_RULE.replace('>= 5', '>= 4'),
      enabled: true,
    });
    expect(json<TEventRule>(changed).version).toBe(2);
  });
});
