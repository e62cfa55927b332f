// 等保 8.1.4.3, issue 10: every state-changing route writes an audit record. Checked over the app's
// own route table, not a hand-kept list: every write route Fastify serves is declared through
// defineRoute, and defineRoute guarantees the record (the service's own, or the kernel's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { modules } from './modules/index.ts';
import { testApp, TEST_PASSWORD, type Agent, type TestApp } from './test/harness.ts';
import { audit } from './kernel/audit.ts';
import { auditLog } from './kernel/db/tables.ts';
import { defineRoute } from './kernel/http.ts';
import { defineModule } from './kernel/module.ts';

async function probeRoutes(app: FastifyInstance) {
  const common = { tags: ['probe'], access: 'user', body: z.object({ n: z.number().optional() }) };
  defineRoute(app, {
    ...common,
    method: 'POST',
    url: '/probe/silent',
    summary: '不自己记审计的写操作',
    handler: async () => ({ ok: true }),
  });
  defineRoute(app, {
    ...common,
    method: 'PUT',
    url: '/probe/own/:id',
    summary: '自己记审计的写操作',
    params: z.object({ id: z.string() }),
    handler: async (ctx, { params }) => {
      await audit(ctx, { action: 'probe.own', objectType: 'probe', objectId: params.id });
      return { ok: true };
    },
  });
}
const probe = defineModule({ id: 'probe', name: { zh: '探针', en: 'Probe' }, routes: [probeRoutes] });

let t: TestApp;
let user: Agent;
beforeAll(async () => {
  t = await testApp({ modules: [...modules, probe] });
  user = await t.userAgent('probe.user', ['engineer']);
});
afterAll(() => t.close());

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('audit of every write route', () => {
  it('serves no state-changing /api route that bypasses defineRoute', () => {
    const declared = new Set(t.app.yunweiRoutes.map((r) => `${r.method} ${r.url}`));
    const writes = t.app.fastifyRoutes.filter((r) => WRITES.has(r.method) && r.url.startsWith('/api/'));
    expect(writes.length).toBeGreaterThan(60);
    expect(writes.filter((r) => !declared.has(`${r.method} ${r.url}`))).toEqual([]);
  });

  it('records the request when the service recorded nothing, naming the route and the actor', async () => {
    const r = await user.post('/api/probe/silent', { n: 1 });
    expect(r.statusCode).toBe(200);
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, r.headers['x-request-id'] as string));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'api.write', objectId: 'POST /api/probe/silent', actorName: 'probe.user', success: true });
  });

  it('adds nothing when the service recorded its own', async () => {
    const r = await user.put('/api/probe/own/42', {});
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, r.headers['x-request-id'] as string));
    expect(rows.map((x) => [x.action, x.objectId])).toEqual([['probe.own', '42']]);
  });

  it('records nothing for a refused write (bad input)', async () => {
    const r = await user.post('/api/probe/silent', { n: 'x' });
    expect(r.statusCode).toBe(400);
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, r.headers['x-request-id'] as string));
    expect(rows).toEqual([]);
  });

  it('records a sign-in and a real write of the product with their own actions', async () => {
    const pm = t.agent();
    const login = await pm.login('probe.user', TEST_PASSWORD);
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, login.headers['x-request-id'] as string));
    expect(rows.map((x) => x.action)).toEqual(['auth.login']);
  });
});
