// Issue 10 point 5: every route the server serves has exactly one contract in src/common/*.api.ts,
// and every contract has a route — so the web, which calls only through contracts, types every
// call against the server's own schemas. Walked over the app's route table, not a hand-kept list:
// a new route without a contract (or a contract left behind by a removed route) fails here.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { z } from 'zod';
import { endpoint, pathParams, type Endpoint } from '../common/endpoint.ts';
import { defineRoute } from './kernel/http.ts';
import { testApp, type TestApp } from './test/harness.ts';

const COMMON = new URL('../common/', import.meta.url);

function isEndpoint(v: unknown): v is Endpoint {
  return !!v && typeof v === 'object' && typeof (v as Endpoint).method === 'string' && typeof (v as Endpoint).path === 'string';
}

/** Every contract exported by a `*.api.ts`, with its name (`deskApi.getTicket`, `orgApi.sites.list`). */
async function allContracts(): Promise<{ name: string; e: Endpoint }[]> {
  const out: { name: string; e: Endpoint }[] = [];
  const seen = new Set<Endpoint>();
  const walk = (name: string, v: unknown) => {
    if (isEndpoint(v)) {
      if (!seen.has(v)) out.push({ name, e: v });
      seen.add(v);
    } else if (v && typeof v === 'object' && !(v instanceof z.ZodType))
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(`${name}.${k}`, x);
  };
  for (const f of readdirSync(COMMON)
    .filter((n) => n.endsWith('.api.ts'))
    .sort()) {
    const mod = (await import(new URL(f, COMMON).href)) as Record<string, unknown>;
    for (const [k, v] of Object.entries(mod)) if (k.endsWith('Api')) walk(k, v);
  }
  return out;
}

let t: TestApp;
let contracts: { name: string; e: Endpoint }[];
beforeAll(async () => {
  t = await testApp();
  contracts = await allContracts();
});
afterAll(() => t.close());

const key = (method: string, path: string) => `${method} ${path}`;

describe('route contracts', () => {
  it('gives every route exactly one contract', () => {
    expect(t.app.yunweiRoutes.length).toBeGreaterThan(150);
    const missing: string[] = [];
    const doubled: string[] = [];
    for (const r of t.app.yunweiRoutes) {
      const found = contracts.filter((c) => key(c.e.method, c.e.path) === key(r.method, r.url));
      if (found.length === 0) missing.push(key(r.method, r.url));
      if (found.length > 1) doubled.push(`${key(r.method, r.url)}: ${found.map((c) => c.name).join(', ')}`);
    }
    expect(missing).toEqual([]);
    expect(doubled).toEqual([]);
  });

  it('gives every contract a route', () => {
    const served = new Set(t.app.yunweiRoutes.map((r) => key(r.method, r.url)));
    expect(contracts.filter((c) => !served.has(key(c.e.method, c.e.path))).map((c) => `${c.name}: ${key(c.e.method, c.e.path)}`)).toEqual(
      [],
    );
  });

  it('names the same parameters in the path and in its params schema', () => {
    const wrong = contracts.flatMap(({ name, e }) => {
      const inPath = pathParams(e.path).sort();
      const shape = e.params instanceof z.ZodObject ? Object.keys(e.params.shape).sort() : [];
      return inPath.join() === shape.join() ? [] : [`${name}: path ${inPath.join() || '-'} / params ${shape.join() || '-'}`];
    });
    expect(wrong).toEqual([]);
  });

  it('declares the answer of every JSON route, and none for files, streams and 204', () => {
    const wrong = contracts.flatMap(({ name, e }) => {
      const bodiless = !!e.raw || e.status === 204;
      if (bodiless === !e.response) return [];
      return [`${name}: ${bodiless ? 'has a response schema' : 'has no response schema'}`];
    });
    expect(wrong).toEqual([]);
    // An upload is read by the handler from the multipart stream: no JSON body to declare.
    expect(contracts.filter(({ e }) => e.multipart && (e.body || e.method !== 'POST')).map((c) => c.name)).toEqual([]);
  });

  it('registers a contract route under its plugin prefix and refuses a path outside it', async () => {
    const app = Fastify();
    app.decorate('yunweiRoutes', []);
    app.decorateRequest('ctx', null as never);
    const ping = endpoint({
      method: 'GET',
      path: '/api/ping/:id',
      params: z.object({ id: z.string() }),
      response: z.object({ id: z.string() }),
    });
    await app.register(
      async (api) => {
        defineRoute(api, { ...ping, summary: 'ping', tags: [], access: 'public', handler: async (_ctx, { params }) => params });
        expect(() =>
          defineRoute(api, { ...ping, path: '/other/ping', summary: 'ping', tags: [], access: 'public', handler: async () => ({}) }),
        ).toThrow(/prefix \/api/);
      },
      { prefix: '/api' },
    );
    expect(app.yunweiRoutes).toEqual([
      expect.objectContaining({ method: 'GET', url: '/api/ping/:id', access: 'public', allowPending: false }),
    ]);
    const r = await app.inject({ method: 'GET', url: '/api/ping/a%20b' });
    expect(r.json()).toEqual({ id: 'a b' });
    await app.close();
  });
});
