// Issue 10 acceptance: a module defined only in a test (test/sample-module) shows up in the API,
// OpenAPI, the permission catalogue and the roles' grants, the notification events, the search box,
// the evidence providers and the demo, without an edit to any shared file; removing it from the list
// again keeps its data and its grants.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { bootstrap } from './bootstrap.ts';
import { buildApp } from './app.ts';
import { modules } from './modules/index.ts';
import { moduleMigrations, registryOf } from './site.ts';
import { sample } from './test/sample-module/module.ts';
import { sampleNotes } from './test/sample-module/tables.ts';
import { samplePolls } from './test/sample-module/series.ts';
import { appendRows, rangeQuery } from './kernel/timeseries/rows.ts';
import { json, testApp, TEST_KEY, TEST_PASSWORD, type Agent, type TestApp } from './test/harness.ts';
import { rolePermissions, settings } from './kernel/db/tables.ts';
import { ManifestError } from './kernel/registry.ts';
import { defineModule } from './kernel/module.ts';
import { defineRoute } from './kernel/http.ts';

const withSample = [...modules, sample];
/** The kernel, then this build's modules and the test's, in dependency order. */
const ids = registryOf(withSample).modules.map((m) => m.id);
let t: TestApp;
let pm: Agent;
let staff: Agent;

beforeAll(async () => {
  t = await testApp({ demo: true, modules: withSample });
  pm = t.agent();
  expect((await pm.login('pm', TEST_PASSWORD)).statusCode).toBe(200);
  staff = t.agent();
  expect((await staff.login('agency.staff', TEST_PASSWORD)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('a module that exists only in a test', () => {
  it('has its table from its own migrations, and its demo loaded with the others', async () => {
    const r = await pm.get('/api/sample/notes');
    expect(r.statusCode).toBe(200);
    expect(json<{ items: { body: string }[] }>(r).items.map((n) => n.body)).toEqual(['机房空调滤网已清洗', '核心交换机风扇声音异常']);
    const [row] = await t.ctx.db.select().from(settings).where(eq(settings.key, 'demo.modules'));
    expect(row?.value).toEqual(ids);
  });

  it('answers only those its permissions let in, and its writes are audited and notified', async () => {
    expect((await staff.get('/api/sample/notes')).statusCode).toBe(403);
    expect((await t.agent().get('/api/sample/notes')).statusCode).toBe(401);
    const w = await pm.post('/api/sample/notes', { body: '巡检发现 UPS 告警' });
    expect(w.statusCode).toBe(201);
    const eng = t.agent();
    expect((await eng.login('eng.net', TEST_PASSWORD)).statusCode).toBe(200);
    // The demo's own notices (inspection assignments, alerts) may be newer: find the sample's among them.
    const bell = json<{ items: { event: string; title: string }[] }>(await eng.get('/api/notifications?pageSize=100'));
    expect(bell.items.filter((n) => n.event === 'sample.noted')).toEqual([
      expect.objectContaining({ event: 'sample.noted', title: '便条：巡检发现 UPS 告警' }),
    ]);
    expect((await pm.post('/api/sample/notes', { body: '' })).statusCode).toBe(400);
  });

  it('is in OpenAPI, the permission catalogue, the built-in roles, the module list and the event catalogue', async () => {
    const doc = json<{ paths: Record<string, Record<string, { description?: string }>> }>(await t.agent().get('/api/openapi.json'));
    expect(doc.paths['/api/sample/notes']?.post?.description).toContain('sample.write');
    const sec = await t.userAgent('sec.sample', ['security_admin']);
    const perms = json<{ items: { code: string; module: string }[] }>(await sec.get('/api/permissions')).items;
    expect(perms).toContainEqual(expect.objectContaining({ code: 'sample.read', module: 'sample' }));
    const roles = json<{ items: { code: string; permissions: string[] }[] }>(await sec.get('/api/roles')).items;
    expect(roles.find((r) => r.code === 'contractor_pm')?.permissions).toEqual(expect.arrayContaining(['sample.read', 'sample.write']));
    expect(roles.find((r) => r.code === 'engineer')?.permissions).toContain('sample.read');
    expect(roles.find((r) => r.code === 'engineer')?.permissions).not.toContain('sample.write');
    const mods = json<{ items: { id: string; zh: string }[] }>(await t.agent().get('/api/modules')).items;
    expect(mods.map((x) => x.id)).toEqual(ids);
    const events = json<{ items: { code: string; module: string }[] }>(await pm.get('/api/notify/events')).items;
    expect(events).toContainEqual(expect.objectContaining({ code: 'sample.noted', module: 'sample' }));
  });

  it('answers the search box for those it lets in, next to the other modules', async () => {
    const hits = json<{ groups: { id: string; hits: { title: string }[] }[] }>(
      await pm.get('/api/search?q=' + encodeURIComponent('交换机')),
    );
    expect(hits.groups.find((g) => g.id === 'sample.notes')?.hits.map((h) => h.title)).toEqual(['核心交换机风扇声音异常']);
    const forStaff = json<{ groups: { id: string }[] }>(await staff.get('/api/search?q=' + encodeURIComponent('交换机')));
    expect(forStaff.groups.map((g) => g.id)).not.toContain('sample.notes');
    expect((await pm.get('/api/search?q=')).statusCode).toBe(400);
  });

  it("has its time series created at start and kept by the kernel's hourly job", async () => {
    const job = registryOf(withSample).jobs.find((j) => j.name === 'kernel-series-maintenance');
    expect(job?.scope).toBe('global');
    // Only a site with time series gets the job.
    expect(registryOf([]).jobs.map((j) => j.name)).not.toContain('kernel-series-maintenance');
    const at = t.clock.now();
    await appendRows(t.ctx, samplePolls, [{ at, noteId: randomUUID(), node: 'n1' }]);
    await job!.handler(t.ctx, null, t);
    const rows = await rangeQuery(t.ctx, samplePolls, { from: new Date(at.getTime() - 60_000), to: new Date(at.getTime() + 60_000) });
    expect(rows.map((r) => r.node)).toEqual(['n1']);
  });

  it('offers its evidence to the reports through the registry', async () => {
    const e = registryOf(withSample).evidence.get('sample.count')!;
    expect(await e.read(t.ctx, {})).toEqual({ notes: 3 });
  });

  it('keeps its data and its grants when it leaves the list; its grants stay editable', async () => {
    const boot = await bootstrap(t.ctx, { adminPassword: null, demo: true, demoPassword: TEST_PASSWORD }, registryOf(modules));
    expect(boot.demo).toBeNull();
    const app = await buildApp({ database: t.db.database, secretKey: TEST_KEY, webDir: null, modules });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/sample/notes' })).statusCode).toBe(404);
      const [n] = await t.ctx.db.select({ n: count() }).from(sampleNotes);
      expect(Number(n?.n)).toBe(3);
      const grants = await t.ctx.db.select().from(rolePermissions).where(eq(rolePermissions.permission, 'sample.read'));
      expect(grants.map((g) => g.roleCode).sort()).toEqual(['contractor_pm', 'engineer']);
      // The security admin edits the engineer role with the orphan grant still in it: accepted.
      const { updateRole, getRole } = await import('./kernel/rbac.ts');
      const before = await getRole(t.ctx, 'engineer');
      await updateRole(t.ctx, 'engineer', { permissions: before.permissions.filter((p) => p !== 'kb.write') });
      expect((await getRole(t.ctx, 'engineer')).permissions).toContain('sample.read');
    } finally {
      await app.close();
    }
  });

  it('brings its demo to a demo database it joins later, once', async () => {
    const later = await testApp({ demo: true });
    try {
      const reg = registryOf(withSample);
      await later.db.database.migrate(moduleMigrations(reg));
      const first = await bootstrap(later.ctx, { adminPassword: null, demo: true, demoPassword: TEST_PASSWORD }, reg);
      expect(first.demo?.modules).toEqual(['sample']);
      expect(first.demo?.accounts).toEqual([]);
      const again = await bootstrap(later.ctx, { adminPassword: null, demo: true, demoPassword: TEST_PASSWORD }, reg);
      expect(again.demo).toBeNull();
      const [n] = await later.ctx.db.select({ n: count() }).from(sampleNotes);
      expect(Number(n?.n)).toBe(2);
    } finally {
      await later.close();
    }
  });
});

describe('a route that names a permission no module declares', () => {
  it('stops the app from starting, naming the route and the permission', async () => {
    const typo = defineModule({
      id: 'typo',
      name: { zh: '笔误', en: 'Typo' },
      routes: [
        async (app) =>
          defineRoute(app, { method: 'GET', url: '/typo', summary: 'x', tags: [], access: 'dsek.read', handler: async () => ({}) }),
      ],
    });
    await expect(buildApp({ database: t.db.database, secretKey: TEST_KEY, webDir: null, modules: [...modules, typo] })).rejects.toThrow(
      ManifestError,
    );
    await expect(buildApp({ database: t.db.database, secretKey: TEST_KEY, webDir: null, modules: [...modules, typo] })).rejects.toThrow(
      /GET \/api\/typo 要求的权限 "dsek.read"/,
    );
  });
});
