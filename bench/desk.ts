// The service desk at scale (the service-desk issue's acceptance): on PostgreSQL 1,000,000 tickets
// (about 100,000 open), on PGlite 100,000 (about 10,000 open), seeded with set-based SQL
// (lib/desk-seed.ts); then through real HTTP against the real app (buildApp, default logging, a duty
// operator signed in with a real session):
//   - the queue page and other realistic filters: p50/p95/p99 at a few concurrent clients, next to
//     GET /api/health on the same server at the same concurrency (the baseline of the ratio);
//   - ticket creation: concurrent POST /api/tickets with the session cookie and CSRF token (the
//     hotline path: NET high faults, so each one is also announced to the line's three engineers),
//     next to GET /api/health at the same concurrency;
//   - the SLA job: reevaluateOpenClocks called in-process over 100,000 open tickets (on PGlite a
//     second in-memory database where all 100,000 are open), its first pass (the seed's approximate
//     due times get corrected: many writes) and the steady state (the next pass, as every minute),
//     next to reading the same open clocks once (the baseline of the ratio).
import { randomBytes } from 'node:crypto';
import { sql, desc, type SQL } from 'drizzle-orm';
import { bootstrap } from '../src/server/bootstrap.ts';
import type { Ctx } from '../src/server/kernel/context.ts';
import { createUser } from '../src/server/kernel/auth/users.ts';
import { queryRows, type Database } from '../src/server/kernel/db/client.ts';
import { reevaluateOpenClocks } from '../src/server/modules/desk/clocks.ts';
import { ticketFilter } from '../src/server/modules/desk/service.ts';
import { tickets } from '../src/server/modules/desk/tables.ts';
import type { TTicketQuery } from '../src/common/desk.ts';
import { benchCtx, getJson, startBenchApp } from './lib/session.ts';
import { onCleanup } from './lib/cleanup.ts';
import { freshDb, type BenchDb } from './lib/seed.ts';
import { seedDesk } from './lib/desk-seed.ts';
import { latency, type LatencyResult } from './lib/latency.ts';

export const DUTY = { username: 'bench_duty', password: 'Bench-Pass-1', role: 'duty_operator' };
/** The NET line's engineers: every ticket the bench logs (a NET high fault) is announced to them. */
export const NET_ENGINEERS = 3;

export interface DeskConfig {
  /** Concurrent clients of the list requests and of creation. */
  readConnections: number;
  writeConnections: number;
  warmupSeconds: number;
  durationSeconds: number;
  pgTickets: number;
  pgOpen: number;
  liteTickets: number;
  liteOpen: number;
  /** Open tickets of the SLA run on PGlite (a database of its own). */
  liteSlaOpen: number;
  log: (s: string) => void;
}

export interface QueryRun {
  id: string;
  label: string;
  path: string;
  /** Carries the p95 target. */
  target: boolean;
  result: LatencyResult;
  total: number;
  totalCapped: boolean;
  plan: string;
}

export interface SlaRun {
  tickets: number;
  openTickets: number;
  openClocks: number;
  readMs: number;
  first: { ms: number; checked: number; changed: number; breached: number };
  steady: { ms: number; checked: number; changed: number; breached: number };
}

export interface DeskRun {
  label: 'PostgreSQL' | 'PGlite';
  version: string;
  tickets: number;
  clocks: number;
  open: number;
  seedSeconds: number;
  healthRead: LatencyResult;
  queries: QueryRun[];
  healthWrite: LatencyResult;
  create: LatencyResult;
  sla: SlaRun;
}

async function seeded(
  baseUrl: string | null,
  total: number,
  open: number,
  secretKey: Buffer,
  log: (s: string) => void,
): Promise<{ bdb: BenchDb; ctx: Ctx; seconds: number; rows: { tickets: number; clocks: number; open: number } }> {
  const bdb = await freshDb(baseUrl);
  onCleanup(`${bdb.label} desk database`, () => bdb.drop());
  const ctx = benchCtx(bdb.database, secretKey, 'bench-desk');
  await bootstrap(ctx, { adminPassword: 'Admin-Pass-1', demo: false, demoPassword: null });
  const t = performance.now();
  let last = 0;
  const rows = await seedDesk(bdb.database, {
    total,
    open,
    now: new Date(),
    onProgress: (done) => {
      if (performance.now() - last > 15_000) {
        last = performance.now();
        log(`    … ${done.toLocaleString('en')} tickets in ${((performance.now() - t) / 1000).toFixed(0)} s`);
      }
    },
  });
  const seconds = (performance.now() - t) / 1000;
  log(
    `  ${bdb.label}: seeded ${rows.tickets.toLocaleString('en')} tickets (${rows.open.toLocaleString('en')} open), ${rows.clocks.toLocaleString('en')} SLA clocks in ${seconds.toFixed(1)} s`,
  );
  return { bdb, ctx, seconds, rows };
}

/** The plan's nodes, outermost first. */
async function plan(database: Database, query: SQL): Promise<string> {
  const rows = await queryRows<Record<string, string>>(database.db, sql`EXPLAIN ${query}`);
  return rows
    .map((r) => Object.values(r)[0] ?? '')
    .map((line) => /^\s*(?:->\s*)?([A-Za-z][\w ]*?(?: on \w+)?(?: using \w+)?)\s*(?:on \w+\s*)?\(cost/.exec(line)?.[1])
    .filter((x): x is string => !!x)
    .join(' → ');
}

interface QuerySpec {
  id: string;
  label: string;
  query: Partial<TTicketQuery>;
  target: boolean;
}

async function querySpecs(database: Database): Promise<QuerySpec[]> {
  // Search terms taken from the data: the digits of a ticket number and the last 8 digits of a phone.
  const [t] = await queryRows<{ number: string; phone: string }>(
    database.db,
    sql`SELECT number, requester_phone AS phone FROM tickets WHERE status = 'in_progress' ORDER BY reported_at DESC OFFSET 500 LIMIT 1`,
  );
  if (!t) throw new Error('no ticket to search for');
  const digits = t.number.slice(-6);
  const phone = t.phone.slice(-8);
  return [
    {
      id: 'queue',
      label: "queue: NET, in progress (the issue's page)",
      query: { serviceLine: 'NET', status: 'in_progress' },
      target: true,
    },
    { id: 'all', label: 'all tickets, newest first (no filter)', query: {}, target: false },
    { id: 'severity', label: 'severity = critical', query: { severity: 'critical' }, target: false },
    { id: 'open', label: 'open SM high-severity', query: { serviceLine: 'SM', severity: 'high', open: true }, target: false },
    { id: 'risk', label: 'open, SLA at risk (warning or breached)', query: { open: true, sla: 'at_risk' }, target: false },
    { id: 'qnum', label: `q = ticket number digits "${digits}"`, query: { q: digits }, target: false },
    { id: 'qphone', label: `q = phone digits "${phone}"`, query: { q: phone }, target: false },
    { id: 'qtext', label: 'q = "交换机" (title text)', query: { q: '交换机' }, target: false },
  ];
}

const qs = (q: Partial<TTicketQuery>) =>
  new URLSearchParams({ ...Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])), page: '1', pageSize: '20' }).toString();

const TICKET_BODY = JSON.stringify({
  serviceLine: 'NET',
  category: 'fault',
  severity: 'high',
  title: '压测：六里桥办公区三层断网 #{n}',
  description: '压测登记的运维单',
  channel: 'hotline',
  requesterName: '王工',
  requesterPhone: '13900000000',
  requesterDepartment: '信息中心',
});

async function slaRun(database: Database, ctx: Ctx, rows: { tickets: number; open: number }, log: (s: string) => void): Promise<SlaRun> {
  const [oc] = await queryRows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM ticket_clocks WHERE state IN ('running', 'paused', 'warning', 'breached')`,
  );
  let t = performance.now();
  await queryRows(
    database.db,
    sql`SELECT ticket_id, target, duration_ms, profile, events, state, due_at FROM ticket_clocks WHERE state IN ('running', 'paused', 'warning', 'breached') ORDER BY ticket_id, target`,
  );
  const readMs = performance.now() - t;
  t = performance.now();
  const first = { ...(await reevaluateOpenClocks(ctx)), ms: performance.now() - t };
  t = performance.now();
  const steady = { ...(await reevaluateOpenClocks(ctx)), ms: performance.now() - t };
  log(
    `  SLA job over ${rows.open.toLocaleString('en')} open tickets (${oc!.n.toLocaleString('en')} open clocks): first pass ${first.ms.toFixed(0)} ms ` +
      `(${first.changed.toLocaleString('en')} written), steady ${steady.ms.toFixed(0)} ms (${steady.changed.toLocaleString('en')} written); reading them once ${readMs.toFixed(0)} ms`,
  );
  return { tickets: rows.tickets, openTickets: rows.open, openClocks: oc!.n, readMs, first, steady };
}

async function benchOne(baseUrl: string | null, c: DeskConfig): Promise<DeskRun> {
  const secretKey = randomBytes(32);
  const onPg = baseUrl !== null;
  const total = onPg ? c.pgTickets : c.liteTickets;
  const openN = onPg ? c.pgOpen : c.liteOpen;
  c.log(`\nDesk on ${onPg ? 'PostgreSQL' : 'PGlite'}: seeding ${total.toLocaleString('en')} tickets…`);
  const { bdb, ctx, seconds, rows } = await seeded(baseUrl, total, openN, secretKey, c.log);
  await createUser(
    ctx,
    { username: DUTY.username, displayName: '压测值班员', password: DUTY.password, roles: [DUTY.role], serviceLines: [] },
    { mustChangePassword: false, allowRoles: true },
  );
  for (let i = 1; i <= NET_ENGINEERS; i++)
    await createUser(
      ctx,
      { username: `bench_eng${i}`, displayName: `压测工程师${i}`, password: DUTY.password, roles: ['engineer'], serviceLines: ['NET'] },
      { mustChangePassword: false, allowRoles: true },
    );

  const app = await startBenchApp(bdb.database, secretKey, 'desk app', DUTY);
  const { base, headers } = app;
  const read = { headers, connections: c.readConnections, warmupSeconds: c.warmupSeconds, durationSeconds: c.durationSeconds };

  const healthRead = await latency({ ...read, url: `${base}/api/health`, headers: {} });
  c.log(
    `  ${'GET /api/health (baseline)'.padEnd(52)} p50 ${healthRead.p50Ms.toFixed(1).padStart(6)}  p95 ${healthRead.p95Ms.toFixed(1).padStart(6)}  p99 ${healthRead.p99Ms.toFixed(1).padStart(6)} ms`,
  );
  const queries: QueryRun[] = [];
  for (const s of await querySpecs(bdb.database)) {
    const path = `/api/tickets?${qs(s.query)}`;
    const body = (await getJson(`${base}${path}`, headers)) as {
      items: { serviceLine: string; status: string }[];
      total: number;
      totalCapped?: boolean;
    };
    if (body.items.length > 20) throw new Error(`${path}: ${body.items.length} items`);
    if (s.id === 'queue' && (body.items.length !== 20 || body.items.some((i) => i.serviceLine !== 'NET' || i.status !== 'in_progress')))
      throw new Error(`${path}: expected 20 NET tickets in progress, got ${JSON.stringify(body).slice(0, 300)}`);
    const filter = ticketFilter({ ...ctx, actor: null }, { ...s.query });
    const p = await plan(
      bdb.database,
      bdb.database.db.select().from(tickets).where(filter).orderBy(desc(tickets.reportedAt)).limit(20).getSQL(),
    );
    const result = await latency({ ...read, url: `${base}${path}` });
    queries.push({ ...s, path, result, total: body.total, totalCapped: body.totalCapped ?? false, plan: p });
    c.log(
      `  ${s.label.padEnd(52)} p50 ${result.p50Ms.toFixed(1).padStart(6)}  p95 ${result.p95Ms.toFixed(1).padStart(6)}  p99 ${result.p99Ms.toFixed(1).padStart(6)} ms  ${result.perSecond.toFixed(0)}/s  total ${body.total}${body.totalCapped ? '+' : ''}`,
    );
  }

  const write = { connections: c.writeConnections, warmupSeconds: c.warmupSeconds, durationSeconds: c.durationSeconds };
  const healthWrite = await latency({ ...write, url: `${base}/api/health`, headers: {} });
  const create = await latency({ ...write, url: `${base}/api/tickets`, method: 'POST', headers, body: TICKET_BODY });
  const [told] = await queryRows<{ n: number }>(
    bdb.database.db,
    sql`SELECT count(*)::int AS n FROM notifications WHERE event = 'ticket.created'`,
  );
  if (Number(told!.n) < create.ok * NET_ENGINEERS)
    throw new Error(`${create.ok} tickets logged but only ${told!.n} notices to the ${NET_ENGINEERS} NET engineers`);
  c.log(
    `  POST /api/tickets at ${c.writeConnections} clients: ${create.perSecond.toFixed(0)} tickets/s (p95 ${create.p95Ms.toFixed(1)} ms); GET /api/health ${healthWrite.perSecond.toFixed(0)}/s`,
  );
  await app.close();

  let sla: SlaRun;
  if (onPg || c.liteSlaOpen <= openN) sla = await slaRun(bdb.database, ctx, rows, c.log);
  else {
    await bdb.drop();
    c.log(`  PGlite SLA run: a second database with ${c.liteSlaOpen.toLocaleString('en')} tickets, all open…`);
    const s = await seeded(null, c.liteSlaOpen, c.liteSlaOpen, secretKey, c.log);
    sla = await slaRun(s.bdb.database, s.ctx, s.rows, c.log);
    await s.bdb.drop();
  }
  await bdb.drop();
  return { label: bdb.label, version: bdb.version, ...rows, seedSeconds: seconds, healthRead, queries, healthWrite, create, sla };
}

export async function benchDesk(pgUrl: string | null, wantLite: boolean, c: DeskConfig): Promise<DeskRun[]> {
  const runs: DeskRun[] = [];
  if (pgUrl) runs.push(await benchOne(pgUrl, c));
  if (wantLite) runs.push(await benchOne(null, c));
  return runs;
}
