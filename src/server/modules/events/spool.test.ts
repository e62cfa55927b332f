// The receiver killed with SIGKILL mid-stream (issue 13 point 1, "a kill -9 loses nothing that was
// spooled: it is persisted exactly once after restart"). The receiver runs in a child process
// (test/spool-child.ts: the real module code, a slowed sink so the spool runs ahead of the database);
// util-linux logger streams numbered lines to it over TCP with octet counting; the child is killed
// while lines are arriving and the database lags behind the spool. After a restart every line the
// receiver had accepted (spooled or written) is in the database exactly once; the sender then resumes
// after the last line the receiver had, and every line 1…N is there exactly once. PostgreSQL only: the
// child and this test share the database.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../kernel/collectors/test-doubles.ts';
import { Spool, decodeRow } from '../../kernel/collectors/spool.ts';
import { queryRows } from '../../kernel/db/client.ts';
import { onPostgres, testDb, type TestDb } from '../../test/harness.ts';
import type { EventRow } from './normalise.ts';
import { freePort } from './test/senders.ts';

const CHILD = fileURLToPath(new URL('./test/spool-child.ts', import.meta.url));
const N = 4000;
const line = (i: number) => `spool-kill id=${String(i).padStart(6, '0')} 第${i}行`;
const idOf = (message: string) => Number(/id=(\d{6})/.exec(message)?.[1]);

let db: TestDb;
let dataDir: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  if (!onPostgres) return;
  db = await testDb();
  dataDir = mkdtempSync(join(tmpdir(), 'yw-spool-kill-'));
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await db?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function startChild(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CHILD], {
    env: { ...process.env, YW_DB_URL: db.url!, YW_DATA_DIR: dataDir, YW_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  await until(() => out.includes('ready'), 'the receiver process listening', 60_000);
  return child;
}

/** logger reading lines from its stdin, one octet-counted RFC 5424 message per line, over one connection. */
function sender(port: number): ChildProcess {
  const args = [
    '--tcp',
    '--octet-count',
    '--rfc5424',
    '--server',
    '127.0.0.1',
    '--port',
    String(port),
    '-t',
    'spooltest',
    '-p',
    'user.notice',
  ];
  const s = spawn('logger', args, { stdio: ['pipe', 'ignore', 'ignore'] });
  s.stdin.on('error', () => undefined);
  children.add(s);
  s.on('exit', () => children.delete(s));
  return s;
}

/** How many rows, and the summed merge count, per line id in the database. */
async function stored(): Promise<Map<number, { rows: number; count: number }>> {
  const rows = await queryRows<{ message: string; rows: number; count: number }>(
    db.database.db,
    sql`SELECT message, count(*)::int AS rows, sum(count)::int AS count FROM evt_events WHERE message LIKE 'spool-kill id=%' GROUP BY message`,
  );
  return new Map(rows.map((r) => [idOf(r.message), { rows: r.rows, count: r.count }]));
}

/** The line ids in a copy of the spool directory (the copy is opened, so the original is untouched). */
async function spooled(): Promise<Set<number>> {
  const copy = mkdtempSync(join(tmpdir(), 'yw-spool-copy-'));
  cpSync(join(dataDir, 'spool', 'events.syslog'), copy, { recursive: true });
  const spool = await Spool.open(copy, 1 << 20);
  const ids = new Set<number>();
  for (let at = { seg: 0, off: 0 }; ;) {
    const { records, next, atEnd } = await spool.read(at, 10_000);
    for (const r of records) ids.add(idOf((decodeRow(r.payload) as EventRow).message));
    if (atEnd) break;
    at = next;
  }
  await spool.close();
  rmSync(copy, { recursive: true, force: true });
  return ids;
}

describe.skipIf(!onPostgres)('the receiver killed with SIGKILL mid-stream', () => {
  it('writes every line it had accepted exactly once after a restart, and loses none of them', async () => {
    const port = await freePort();
    const first = await startChild(port);
    const s1 = sender(port);
    let sent = 0;
    let feeding = true;
    const feed = async (upTo: number) => {
      while (sent < upTo && feeding) {
        const n = Math.min(100, upTo - sent);
        s1.stdin!.write(Array.from({ length: n }, (_, k) => line(sent + 1 + k) + '\n').join(''));
        sent += n;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    // The first half, then the rest streams while the child is killed with the database well behind.
    await feed(N / 2);
    await until(async () => (await stored()).size >= 200, 'some lines written', 60_000);
    const rest = feed(N);
    await until(() => sent >= (N * 3) / 4, 'more lines on their way');
    first.kill('SIGKILL');
    await once(first, 'exit');
    feeding = false;
    await rest;
    s1.kill();

    const inDb = new Set((await stored()).keys());
    const onDisk = await spooled();
    const waiting = [...onDisk].filter((id) => !inDb.has(id));
    // The kill found lines spooled and not yet in the database: the case the spool is for.
    expect(waiting.length).toBeGreaterThan(0);
    const accepted = new Set([...inDb, ...onDisk]);
    const k = accepted.size;
    // One TCP stream in order: what the receiver had is the lines 1…k (those after k were in flight).
    expect([...accepted].every((id) => id >= 1 && id <= k)).toBe(true);
    expect(k).toBeLessThan(N);

    const second = await startChild(port);
    await until(async () => (await stored()).size >= k, 'the spooled lines written after the restart', 60_000);
    const s2 = sender(port);
    s2.stdin!.end(Array.from({ length: N - k }, (_, j) => line(k + 1 + j) + '\n').join(''));
    await once(s2, 'exit');
    await until(async () => (await stored()).size >= N, 'every line written', 60_000);
    second.kill('SIGTERM');
    await once(second, 'exit');

    const final = await stored();
    const ids = [...final.keys()].sort((a, b) => a - b);
    expect(ids.length).toBe(N);
    expect(ids[0]).toBe(1);
    expect(ids.at(-1)).toBe(N);
    const twice = [...final].filter(([, v]) => v.rows !== 1 || v.count !== 1).map(([id]) => id);
    expect(twice).toEqual([]);
  }, 240_000);
});
