// Every route that needs a permission refuses a signed-in user without it (403) and an anonymous
// caller (401), and lets in a user whose only permission is that one. The list of routes comes from
// the app itself, so a new route is covered the day it is added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock, json, testApp, type Agent, type TestApp } from './test/harness.ts';
import { permissionsIn, type RouteInfo } from './kernel/http.ts';
import { registryOf } from './site.ts';

let t: TestApp;
let nobody: Agent;
const anonymous = () => t.agent();

function concrete(url: string): string {
  return url
    .replace(/:date/g, '2021-10-01')
    .replace(/:code/g, 'engineer')
    .replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
}

beforeAll(async () => {
  t = await testApp({ clock: new Clock() });
  nobody = await t.userAgent('nobody', []);
});
afterAll(async () => {
  await t.close();
});

describe('permission matrix', () => {
  it('has routes to check', () => {
    const guarded = t.app.yunweiRoutes.filter((r) => r.access !== 'public' && r.access !== 'user');
    expect(guarded.length).toBeGreaterThan(30);
  });

  it('answers 403 auth.forbidden to a signed-in user without the permission, on every guarded route', async () => {
    const failures: string[] = [];
    for (const r of t.app.yunweiRoutes.filter((x) => x.access !== 'public' && x.access !== 'user')) {
      const res = await nobody.request(r.method, concrete(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      if (res.statusCode !== 403 || json(res).code !== 'auth.forbidden')
        failures.push(`${r.method} ${r.url} -> ${res.statusCode} ${res.body.slice(0, 80)}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 to an anonymous caller on every route that needs a user', async () => {
    const failures: string[] = [];
    for (const r of t.app.yunweiRoutes.filter((x) => x.access !== 'public')) {
      const res = await anonymous().request(r.method, concrete(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      if (res.statusCode !== 401) failures.push(`${r.method} ${r.url} -> ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('lets a user holding only that permission past the check', async () => {
    const byPermission = new Map<string, RouteInfo[]>();
    for (const r of t.app.yunweiRoutes)
      for (const p of permissionsIn(r.access))
        if (registryOf().permissions.has(p)) byPermission.set(p, [...(byPermission.get(p) ?? []), r]);
    const failures: string[] = [];
    const sec = await t.userAgent('matrix.sec', ['security_admin']);
    for (const [perm, routes] of byPermission) {
      const code = `only_${perm.replace('.', '_')}`;
      // A sign-in or two per permission: keep under the per-IP limit of 20 sign-ins in 5 minutes.
      t.clock.advance(40_000);
      expect((await sec.post('/api/roles', { code, nameZh: code, nameEn: code, permissions: [perm] })).statusCode).toBe(201);
      const a = await t.userAgent(`u.${code}`, [code]);
      for (const r of routes) {
        const res = await a.request(r.method, concrete(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        if (res.statusCode === 403 || res.statusCode === 401) failures.push(`${perm}: ${r.method} ${r.url} -> ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers unknown API routes with a problem+json 404', async () => {
    // Signed in afresh: the test above moves the clock 40 s per permission, past the session's idle limit.
    const r = await (await t.userAgent('nobody.again', [])).get('/api/no-such-thing');
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(json(r).code).toBe('route.not_found');
  });
});
