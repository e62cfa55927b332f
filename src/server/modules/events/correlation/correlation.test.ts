// Correlation (issue 13 point 3): rules as Sigma-style YAML refused with a reason when wrong (an
// alias bomb included), tried on stored events before enabling, and once enabled run by the job:
// brute force then success from one source raises one alert, deduplicated, with a desk ticket on
// the SEC line (channel security) that the agency sees in the alert queue.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTicket } from '../../../../common/desk.ts';
import type { TEventAlert, TEventRule, TRuleHit } from '../../../../common/events.ts';
import { SYSTEM_ACTOR } from '../../../kernel/context.ts';
import { json, testApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { normalise } from '../normalise.ts';
import { writeEvents } from '../store.ts';
import { pgStore } from '../pg-store.ts';
import { hitsOfRows, MAX_ROWS } from './evaluate.ts';
import { pgHits } from './pg-hits.ts';
import { compileRule, type Field, type Selection } from './rule.ts';
import { correlate, MAX_ALERT_KEYS, OTHER_KEYS } from './service.ts';
import { BRUTE_FORCE_RULE, MANY_USERS_RULE, REPEATED_ATTACK_RULE } from './samples.ts';

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

describe('a window busier than Node could read', () => {
  const A = '192.0.2.201';
  const B = '192.0.2.202';
  const RULE = REPEATED_ATTACK_RULE.replace('attack >= 10', 'attack >= 50001').replace('同一来源', '同一来源大量');

  /** `n` attack events of `src` in one INSERT, spread over the 500 s before now, each merged `count` times. */
  async function attacks(src: string, n: number, count: number, users = 1): Promise<void> {
    const now = t.clock.now();
    const start = new Date(now.getTime() - 500_000).toISOString();
    await t.ctx.db.execute(sql`INSERT INTO evt_events (id, received_at, last_seen, source, host, vendor, product, category,
        severity, src_ip, user_name, message, raw, fingerprint, count)
      SELECT gen_random_uuid(), ${start}::timestamptz + (i::float8 * 499000 / ${n}::float8) * interval '1 millisecond',
        ${now.toISOString()}::timestamptz, '127.0.0.12', 'IPS-01', 'generic', 'ips', 'attack', 'high', ${src}::text,
        'u' || (i % ${users}::int), 'SQL 注入攻击 ' || i, 'raw ' || i, md5(${src}::text || i), ${count}::int
      FROM generate_series(1, ${n}) AS i`);
  }

  beforeAll(async () => {
    await attacks(A, 55_000, 1); // more rows than Node read per window
    await attacks(B, 1_001, 50, 7); // fewer rows, merged: 50,050 events, 7 users
  });

  it('counts the whole window in SQL: the job raises both, the test run finds the same hits', async () => {
    expect(55_000 + 1_001).toBeGreaterThan(MAX_ROWS);
    const r = await eng.post('/api/events/rules/test', { yaml: RULE });
    expect(r.statusCode, r.body).toBe(200);
    const tried = json<{ hits: TRuleHit[] }>(r).hits;
    expect(tried.map((h) => [h.key, h.count])).toEqual([
      [A, 55_000],
      [B, 50_050],
    ]);
    // The job's window (the last 10 minutes) gives the same hits.
    const now = t.clock.now();
    const job = await pgHits(t.ctx, compileRule(RULE), new Date(now.getTime() - 600_000), now);
    expect(job).toEqual(tried);
    const saved = await eng.post('/api/events/rules', { yaml: RULE, enabled: true });
    expect(saved.statusCode, saved.body).toBe(201);
    await correlate({ ...t.ctx, actor: SYSTEM_ACTOR });
    const { items } = json<{ items: TEventAlert[] }>(await eng.get('/api/events/alerts?pageSize=50'));
    expect(items.filter((a) => a.title === '同一来源大量 10 分钟内多次攻击').map((a) => a.key)).toEqual([A, B]);
    const alert = items.find((a) => a.key === A)!;
    const ticket = json<TTicket>(await eng.get(`/api/tickets/${alert.ticketId}`));
    expect(ticket.description).toContain('命中 55000 次');
  });

  it('a flood from many sources opens one alert per busiest source up to the cap, and one for the rest', async () => {
    const sources = Array.from({ length: MAX_ALERT_KEYS + 12 }, (_, i) => `198.51.100.${i + 1}`);
    for (const [i, src] of sources.entries()) await attacks(src, 1, 12 + i); // the later, the busier
    const title = '多个来源 10 分钟内多次攻击';
    const saved = await eng.post('/api/events/rules', { yaml: REPEATED_ATTACK_RULE.replace('同一来源', '多个来源'), enabled: true });
    expect(saved.statusCode, saved.body).toBe(201);
    await correlate({ ...t.ctx, actor: SYSTEM_ACTOR });
    const { items } = json<{ items: TEventAlert[] }>(await eng.get('/api/events/alerts?pageSize=100'));
    const mine = items.filter((a) => a.title === title);
    // A and B (the busiest of all) and the 48 busiest new sources each; the 14 others together.
    expect(mine).toHaveLength(MAX_ALERT_KEYS + 1);
    expect(mine.map((a) => a.key)).toEqual(expect.arrayContaining([A, B, sources.at(-1)!]));
    expect(mine.map((a) => a.key)).not.toContain(sources[13]);
    const others = mine.find((a) => a.key === OTHER_KEYS)!;
    expect(others.sample).toContain(`另有 14 个分组键达到阈值：${sources[13]}、${sources[12]}`);
    const ticket = json<TTicket>(await eng.get(`/api/tickets/${others.ticketId}`));
    expect(ticket.title).toBe(`安全告警：${title}（其余分组键）`);
  });

  it('counts in SQL what Node counts from the same rows (threshold, distinct, sequence; one window and longer)', async () => {
    const now = t.clock.now();
    const far = new Date(now.getTime() - 2 * 86_400_000);
    const read = (s: Selection, distinct: Field | null) => pgStore.select(t.ctx, s, 'srcIp', distinct, far, now, 100_000);
    const attackRows = await read(compileRule(RULE).first.selection, 'user'); // read once: 56,001 rows
    const rules = [RULE, RULE.replace('attack >= 50001', 'attack | count(user) >= 5'), RULE.replace('10m', '2m'), BRUTE_FORCE_RULE];
    for (const yaml of rules) {
      const c = compileRule(yaml);
      const [first, then] = c.then ? [await read(c.first.selection, null), await read(c.then.selection, null)] : [attackRows, null];
      for (const from of [new Date(now.getTime() - c.windowMs), far]) {
        const inNode = hitsOfRows(
          c,
          first.filter((r) => r.at >= from),
          then?.filter((r) => r.at >= from) ?? null,
          from,
          now,
        );
        expect(await pgHits(t.ctx, c, from, now), `${c.title} ${from.toISOString()}`).toEqual(inNode);
      }
    }
  });
});
