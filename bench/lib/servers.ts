// The HTTP servers under load, all in this process beside the database (as the product runs PGlite):
//   (a)  a bare Fastify route returning constant JSON
//   (b)  a bare Fastify route running one 50-row query through the app's Database (drizzle), no auth
//   (b2) diagnosis: (b) done the app's way, personStore.list = the 50-row page + a capped count
//   (b3) diagnosis: (b2) plus the kernel's session lookup (resolveSession: session+user, roles+permissions)
//   (c)  the real app (buildApp) with the product's default logging (LOG_LEVEL=info, here to /dev/null)
//   (c0) diagnosis: the real app with logging off (as the test harness builds it)
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { asc, eq } from 'drizzle-orm';
import { buildApp } from '../../src/server/app.ts';
import type { Database } from '../../src/server/kernel/db/client.ts';
import type { Ctx } from '../../src/server/kernel/context.ts';
import { keyring } from '../../src/server/kernel/crypto.ts';
import { resolveSession } from '../../src/server/kernel/auth/service.ts';
import { people } from '../../src/server/modules/org/tables.ts';
import { peopleWhere, personStore } from '../../src/server/modules/org/service.ts';
import { HOST } from './net.ts';
import { getJson } from './session.ts';
import { PEOPLE_IN_PARTY } from './seed.ts';
import { TOTAL_CAP } from '../../src/server/kernel/db/paged-total.ts';

export type ScenarioId = 'a' | 'b' | 'b2' | 'b3' | 'c0' | 'c';

export interface ScenarioInfo {
  id: ScenarioId;
  label: string;
  /** Diagnostic rows explain where (c)'s cost goes; they carry no target. */
  diagnostic: boolean;
  /** Needs the session cookie. */
  auth: boolean;
}

export interface Scenario extends ScenarioInfo {
  url: string;
}

/** In the order of the report. */
export const SCENARIOS: readonly ScenarioInfo[] = [
  { id: 'a', label: '(a) bare Fastify, constant JSON', diagnostic: false, auth: false },
  { id: 'b', label: '(b) bare Fastify + one 50-row query, no auth', diagnostic: false, auth: false },
  { id: 'b2', label: "(b2) = (b) the app's way: page + capped count", diagnostic: true, auth: false },
  { id: 'b3', label: '(b3) = (b2) + session lookup (resolveSession)', diagnostic: true, auth: true },
  { id: 'c0', label: '(c0) real app, logging off', diagnostic: true, auth: true },
  { id: 'c', label: '(c) real app, GET /api/people (LOG_LEVEL=info)', diagnostic: false, auth: true },
];

export interface Servers {
  scenarios: Scenario[];
  /** Base URL of the real app with logging (for sign-in). */
  appUrl: string;
  close(): Promise<void>;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: HOST, port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://${HOST}:${port}`;
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

export async function startServers(database: Database, secretKey: Buffer, partyId: string): Promise<Servers> {
  const opened: FastifyInstance[] = [];
  const close = async () => {
    await Promise.all(opened.splice(0).map((a) => a.close().catch(() => undefined)));
  };
  try {
    const db = database.db;
    const keys = keyring(secretKey);
    const silent = pino({ level: 'silent' });
    const q = `partyId=${partyId}&pageSize=50`;

    // (a)
    const a = Fastify({ logger: false });
    opened.push(a);
    a.get('/hello', async () => ({ status: 'ok', message: 'hello', items: [1, 2, 3] }));
    const aUrl = await listen(a);

    // (b)
    const b = Fastify({ logger: false });
    opened.push(b);
    b.get('/people', async (req) => {
      const { partyId: p } = req.query as { partyId?: string };
      const items = await db
        .select()
        .from(people)
        .where(eq(people.partyId, p ?? ''))
        .orderBy(asc(people.name))
        .limit(50);
      return { items };
    });
    const bUrl = await listen(b);

    // (b2), (b3): the same Fastify instance, two routes
    const d = Fastify({ logger: false });
    opened.push(d);
    const ctxFor = (requestId: string): Ctx => ({ db, actor: null, ip: HOST, requestId, now: () => new Date(), log: silent, keys });
    d.get('/count-and-page', async (req) => {
      const { partyId: p } = req.query as { partyId?: string };
      return personStore.list(ctxFor(String(req.id)), { page: 1, pageSize: 50, where: peopleWhere({ partyId: p }) });
    });
    d.get('/session-count-and-page', async (req, reply) => {
      const ctx = ctxFor(String(req.id));
      const sid = cookieValue(req.headers.cookie, 'yunwei_sid');
      if (!sid) return reply.code(401).send({ error: 'no session' });
      const s = await resolveSession(ctx, sid);
      if (s.pending || !s.actor.permissions.has('org.read')) return reply.code(403).send({ error: 'forbidden' });
      ctx.actor = s.actor;
      const { partyId: p } = req.query as { partyId?: string };
      return personStore.list(ctx, { page: 1, pageSize: 50, where: peopleWhere({ partyId: p }) });
    });
    const dUrl = await listen(d);

    // (c0): the real app, logging off
    const c0 = await buildApp({ database, secretKey, logger: false, webDir: null });
    opened.push(c0);
    const c0Url = await listen(c0);

    // (c): the real app as main.ts builds it, default LOG_LEVEL=info (request logs written to /dev/null)
    const log: Logger = pino({ level: 'info', base: { pid: process.pid } }, pino.destination({ dest: '/dev/null', sync: true }));
    const c = await buildApp({ database, secretKey, logger: log.child({ c: 'http' }), webDir: null });
    opened.push(c);
    const cUrl = await listen(c);

    const urls: Record<ScenarioId, string> = {
      a: `${aUrl}/hello`,
      b: `${bUrl}/people?partyId=${partyId}`,
      b2: `${dUrl}/count-and-page?partyId=${partyId}`,
      b3: `${dUrl}/session-count-and-page?partyId=${partyId}`,
      c0: `${c0Url}/api/people?${q}`,
      c: `${cUrl}/api/people?${q}`,
    };
    const scenarios: Scenario[] = SCENARIOS.map((s) => ({ ...s, url: urls[s.id] }));
    return { scenarios, appUrl: cUrl, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** One request per scenario before the load: the right status and the right 50 rows. */
export async function checkScenario(s: Scenario, headers: Record<string, string>, partyId: string): Promise<void> {
  const body = (await getJson(s.url, s.auth ? headers : {}, 10_000)) as {
    items?: { partyId?: string }[];
    total?: number;
    totalCapped?: boolean;
  };
  if (s.id === 'a') return;
  const items = body.items ?? [];
  if (items.length !== 50 || items.some((i) => i.partyId !== partyId))
    throw new Error(`${s.label}: expected 50 people of the party, got ${JSON.stringify(body).slice(0, 300)}`);
  // The total is counted up to the cap (kernel/db/paged-total.ts), which the party's 5,000 people pass.
  const total = Math.min(PEOPLE_IN_PARTY, TOTAL_CAP);
  if (s.id !== 'b' && (body.total !== total || body.totalCapped !== PEOPLE_IN_PARTY > TOTAL_CAP))
    throw new Error(`${s.label}: expected total ${total} (capped), got ${JSON.stringify({ t: body.total, capped: body.totalCapped })}`);
}
