// Issue 11 acceptance: hostile input over every route and every string field, from the app's own route
// list and schemas (test/samples.ts builds a plausible request from each route's schema, then puts the
// hostile value in every string of it at once). Text no field may hold is refused with 400 and leaves
// the database as it was; anything else (huge, injected, out of range) never gets a 5xx, never hangs,
// and never answers more than a bounded amount.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { json, testApp, type Agent, type TestApp } from './test/harness.ts';
import { countLeaves, queryString, replaceLeaves, sampleFor } from './test/samples.ts';
import { queryRows } from './kernel/db/client.ts';
import type { RouteInfo } from './kernel/http.ts';

// Routes left out, and why: the live stream never ends; changing one's password or TOTP with a wrong
// value counts towards locking the suite's own account; signing out ends its session.
const SKIP = new Set(['GET /api/notifications/stream', 'POST /api/auth/password', 'POST /api/auth/logout']);
const skipped = (r: RouteInfo) => SKIP.has(`${r.method} ${r.url}`) || r.url.startsWith('/api/auth/totp');

const FORBIDDEN = ['\u0000', 'a\uD800b', '\uFFFF', 'bell\u0007'];
const WILD: unknown[] = [
  '长'.repeat(20_000),
  "' OR '1'='1' --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '=HYPERLINK("http://example.invalid","x")',
  '𠀀𠀁𪚥',
  '   ',
  '0000-01-01',
  '9999-12-31T23:59:59Z',
];
const NUMBERS = [-1, 1e308, 0.5, 2 ** 53 + 1];
const MAX_ANSWER = 1024 * 1024;
// A hang, not a speed limit (speed lives in bench/): a PDF rendered by Chromium took 41 s on a machine
// shared by a dozen busy processes, so only an answer that takes minutes counts as hanging.
const HANG_MS = 180_000;

let t: TestApp;
let hostile: Agent;
const ids = new Map<string, string>();

/** A real id for a route's :id, from the list route of the same prefix when there is one. */
async function idFor(url: string): Promise<string> {
  const prefix = url.slice(0, url.indexOf('/:'));
  if (!ids.has(prefix)) {
    const r = await hostile.get(prefix);
    const items = r.statusCode === 200 ? (json<{ items?: { id?: unknown }[] }>(r).items ?? []) : [];
    ids.set(prefix, typeof items[0]?.id === 'string' ? items[0].id : '00000000-0000-4000-8000-000000000000');
  }
  return ids.get(prefix)!;
}

/** Percent-encoded as a client would send it; a lone surrogate as the bytes a broken client sends (WTF-8). */
function encodePath(v: string): string {
  return [...v].map((ch) => (ch.isWellFormed() ? encodeURIComponent(ch) : '%ED%A0%80')).join('');
}

async function concrete(r: RouteInfo, paramValue?: string): Promise<string> {
  const sample = (sampleFor(r.schemas?.params) ?? {}) as Record<string, string | number | undefined>;
  let url = r.url;
  for (const m of r.url.matchAll(/:(\w+)/g)) {
    const name = m[1]!;
    const v = paramValue ?? (name === 'id' ? await idFor(r.url) : String(sample[name] ?? '2026-03-02'));
    url = url.replace(`:${name}`, encodePath(v));
  }
  return url;
}

/** Row counts of every table a refused request could touch (not the audit log or sessions). */
async function fingerprint(): Promise<string> {
  const tables = await queryRows<{ t: string }>(
    t.ctx.db,
    sql`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('audit_log', 'sessions', 'job_runs') ORDER BY 1`,
  );
  const counts = await queryRows<Record<string, number>>(
    t.ctx.db,
    sql.raw(`SELECT ${tables.map((x) => `(SELECT count(*) FROM "${x.t}")::int AS "${x.t}"`).join(', ')}`),
  );
  return JSON.stringify(counts[0]);
}

async function send(r: RouteInfo, url: string, body: unknown, query: unknown) {
  const started = Date.now();
  const res = await hostile.request(
    r.method,
    `${url}${queryString(query)}`,
    r.method === 'GET' || r.method === 'DELETE' ? undefined : (body ?? {}),
  );
  return { res, ms: Date.now() - started };
}

beforeAll(async () => {
  t = await testApp({ demo: true });
  const sec = await t.userAgent('hostile.sec', ['security_admin']);
  const all = json<{ items: { code: string }[] }>(await sec.get('/api/permissions')).items.map((p) => p.code);
  expect((await sec.post('/api/roles', { code: 'all_perms', nameZh: '全部权限', nameEn: 'All', permissions: all })).statusCode).toBe(201);
  hostile = await t.userAgent('hostile', ['all_perms'], { serviceLines: ['SM', 'NET', 'SEC', 'VC'] });
});
afterAll(() => t.close());

describe('hostile input on every route', () => {
  it('refuses text no field may hold, in every string of every route, and changes nothing', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of t.app.yunweiRoutes) {
      if (skipped(r) || r.access === 'public') continue;
      const body = sampleFor(r.schemas?.body);
      const query = sampleFor(r.schemas?.query);
      const inBody = countLeaves(body, 'string') > 0;
      const inUrl = countLeaves(query, 'string') > 0 || r.url.includes('/:');
      if (!inBody && !inUrl) continue;
      const url = await concrete(r);
      const before = await fingerprint();
      for (const bad of FORBIDDEN) {
        // In a JSON body every such character arrives as it is and must be refused at the edge.
        if (inBody) {
          const { res } = await send(r, url, replaceLeaves(body, 'string', bad), query);
          checked++;
          if (!(res.statusCode === 400 && json(res).code === 'text.forbidden_chars'))
            failures.push(`${r.method} ${r.url} body ${JSON.stringify(bad)} -> ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
        // In a URL a lone surrogate cannot even be written (clients send U+FFFD or bytes that do not
        // decode): refused one way or another, as long as it is a 4xx or a harmless read.
        if (inUrl) {
          const target = r.url.includes('/:') ? await concrete(r, bad) : url;
          const { res } = await send(r, target, body, replaceLeaves(query, 'string', bad));
          checked++;
          const refused = res.statusCode === 400 || res.statusCode === 404;
          if (!(refused || (bad.includes('\uD800') && res.statusCode < 300 && r.method === 'GET')))
            failures.push(`${r.method} ${r.url} url ${JSON.stringify(bad)} -> ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
      if ((await fingerprint()) !== before) failures.push(`${r.method} ${r.url}: the database changed`);
    }
    expect(checked).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  }, 900_000);

  it('never answers 5xx, never hangs and bounds its answer, whatever the strings and numbers hold', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const r of t.app.yunweiRoutes) {
      if (skipped(r)) continue;
      const body = sampleFor(r.schemas?.body);
      const query = sampleFor(r.schemas?.query);
      const url = await concrete(r);
      const cases: [unknown, unknown][] = [[body, query]];
      for (const v of WILD) cases.push([replaceLeaves(body, 'string', v), replaceLeaves(query, 'string', v)]);
      for (const n of NUMBERS) cases.push([replaceLeaves(body, 'number', n), replaceLeaves(query, 'number', n)]);
      // A route with no string (or number) leaf would get the same request again: sent once.
      const distinct = new Map(cases.map((c) => [JSON.stringify(c), c]));
      for (const [b, q] of distinct.values()) {
        const { res, ms } = await send(r, url, b, q);
        requests++;
        const size = res.rawPayload.length;
        if (res.statusCode >= 500 || size > MAX_ANSWER || ms > HANG_MS)
          failures.push(`${r.method} ${r.url} -> ${res.statusCode}, ${size} bytes, ${ms} ms: ${res.body.slice(0, 160)}`);
      }
    }
    expect(requests).toBeGreaterThan(600);
    expect(failures).toEqual([]);
  }, 900_000);
});
