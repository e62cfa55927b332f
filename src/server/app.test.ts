// The shell of the API: health, OpenAPI, and bad input answered with problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { buildApp } from './app.ts';
import { json, onPostgres, testApp, TEST_KEY, type TestApp } from './test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

describe('API shell', () => {
  it('reports health with the database in use (and no collectors: no collector node runs here)', async () => {
    expect(json(await t.agent().get('/api/health'))).toEqual({
      status: 'ok',
      database: onPostgres ? 'postgresql' : 'pglite',
      version: expect.any(String) as string,
      collectors: [],
    });
  });

  it('sends the security headers with every answer, and HSTS only when served over HTTPS', async () => {
    const r = await t.agent().get('/api/health');
    expect(r.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['strict-transport-security']).toBeUndefined();
    const https = await testApp();
    try {
      const h = await buildApp({ database: https.db.database, secretKey: TEST_KEY, webDir: null, secureCookies: true });
      const s = await h.inject({ method: 'GET', url: '/api/health' });
      expect(s.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      await h.close();
    } finally {
      await https.close();
    }
  });

  it('logs one line per request when it is answered: method, URL, status, time and who', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) });
    const logged = await testApp();
    try {
      const h = await buildApp({ database: logged.db.database, secretKey: TEST_KEY, webDir: null, logger });
      await h.inject({ method: 'GET', url: '/api/health' });
      await h.inject({ method: 'GET', url: '/api/tickets' });
      await h.close();
      const requests = lines.filter((l) => typeof l.url === 'string');
      expect(requests).toEqual([
        expect.objectContaining({ msg: 'request', method: 'GET', url: '/api/health', statusCode: 200, ms: expect.any(Number) as number }),
        expect.objectContaining({ msg: 'request', method: 'GET', url: '/api/tickets', statusCode: 401 }),
      ]);
    } finally {
      await logged.close();
    }
  });

  it('publishes OpenAPI 3 with every declared route, and the docs page', async () => {
    const doc = json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(await t.agent().get('/api/openapi.json'));
    expect(doc.openapi).toMatch(/^3\./);
    for (const r of t.app.yunweiRoutes) {
      const path = r.url.replace(/:([a-zA-Z]+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeDefined();
    }
    const page = await t.agent().get('/api/docs');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it.each([
    ['malformed JSON', { 'content-type': 'application/json' }, '{bad', 400, 'bad_json'],
    [
      'a body over 2 MiB',
      { 'content-type': 'application/json' },
      JSON.stringify({ username: 'x'.repeat(2_200_000), password: 'x' }),
      413,
      'payload_too_large',
    ],
    ['another content type', { 'content-type': 'text/xml' }, '<a/>', 415, 'unsupported_media_type'],
    ['a missing field', { 'content-type': 'application/json' }, '{"username":"a"}', 400, 'validation'],
  ])('answers %s with problem+json', async (_n, headers, payload, status, code) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload });
    expect(r.statusCode).toBe(status);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(json(r).code).toBe(code);
  });
});
