// The disk spool (spool.ts) and a runtime writing through it (spool-writer.ts), on PGlite and on
// PostgreSQL: records and Dates come back as written; segments rotate by size and go once committed; a
// record torn by a kill ends its segment and is counted; above its limit the spool stops the listener
// reading (back-pressure) until writes catch up; rows left in the spool at a stop are written exactly
// once by the next start, with the high-water mark moved in the same transaction as the rows.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, type TestDb } from '../../test/harness.ts';
import { Spool, decodeRow, encodeRow, type Pos } from './spool.ts';
import { LineClient, createTestTable, startTestCollectors, tcpListenerDouble, testSink, until, writtenLines } from './test-doubles.ts';
import type { CollectorRuntime, CollectorSink } from './types.ts';
import type { TestRow } from './test-doubles.ts';

let db: TestDb;
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'yw-spool-'));
  dirs.push(d);
  return d;
};
beforeAll(async () => {
  db = await testDb();
  await createTestTable(db.database.db);
});
afterAll(async () => {
  await db?.drop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function readAll(spool: Spool, from: Pos = { seg: 0, off: 0 }) {
  const out: unknown[] = [];
  for (let at = from; ;) {
    const { records, next, atEnd } = await spool.read(at, 7);
    out.push(...records.map((r) => decodeRow(r.payload)));
    if (atEnd) return { rows: out, next };
    at = next;
  }
}

describe('the spool files', () => {
  it('gives back what was appended, Dates as Dates, across rotated segments and a reopening', async () => {
    const dir = temp();
    const spool = await Spool.open(dir, 1024);
    const rows = Array.from({ length: 40 }, (_, i) => ({
      i,
      at: new Date(Date.UTC(2026, 11, 6, 12, 0, i)),
      text: `第${i}行 ${'x'.repeat(60)}`,
    }));
    for (let i = 0; i < rows.length; i += 4) await spool.append(rows.slice(i, i + 4).map(encodeRow));
    expect(readdirSync(dir).filter((f) => f.endsWith('.seg')).length).toBeGreaterThan(2);
    const { rows: back, next } = await readAll(spool);
    expect(back).toEqual(rows);
    expect((back[3] as { at: Date }).at).toBeInstanceOf(Date);
    await spool.release(next);
    // Only the segment being written is left once everything is committed.
    expect(readdirSync(dir).filter((f) => f.endsWith('.seg'))).toHaveLength(1);
    await spool.close();
    const again = await Spool.open(dir, 1024);
    expect(again.id).toBe(spool.id);
    expect((await readAll(again, next)).rows).toEqual([]);
    await again.close();
  });

  it('one process per spool directory: a second open is refused until the first closes; the lock of a dead holder is taken over', async () => {
    const dir = temp();
    const first = await Spool.open(dir, 1 << 20);
    await expect(Spool.open(dir, 1 << 20)).rejects.toThrow(/in use by process/);
    await first.close();
    const dead = spawnSync('true').pid;
    writeFileSync(join(dir, 'lock'), `${dead}\n`);
    const again = await Spool.open(dir, 1 << 20);
    await again.close();
  });

  it('a record torn at the end of a segment (a kill during the write) ends that segment and is counted', async () => {
    const dir = temp();
    const spool = await Spool.open(dir, 1 << 20);
    await spool.append([encodeRow({ n: 1 }), encodeRow({ n: 2 })]);
    await spool.close();
    const seg = readdirSync(dir).find((f) => f.endsWith('.seg'))!;
    appendFileSync(join(dir, seg), Buffer.from([200, 0, 0, 0, 1, 2, 3, 4, 0x7b]));
    const reopened = await Spool.open(dir, 1 << 20);
    await reopened.append([encodeRow({ n: 3 })]);
    expect((await readAll(reopened)).rows).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(reopened.torn).toBe(1);
    await reopened.close();
  });
});

describe('a runtime writing through its spool', () => {
  let gate: Promise<void> = Promise.resolve();
  let failing = false;
  const sink: CollectorSink<TestRow> = {
    ...testSink({ batchSize: 50, flushMs: 20 }),
    spool: true,
    async write(ctx, rows) {
      await gate;
      if (failing) throw new Error('database unavailable (test)');
      await testSink().write(ctx, rows);
    },
  };
  const running: CollectorRuntime[] = [];
  afterAll(async () => {
    for (const r of running) await r.stop();
  });

  it('stops the listener reading above its limit, and writes everything once writes resume', async () => {
    await db.database.db.execute(sql`DELETE FROM collector_test_rows`);
    const dataDir = temp();
    let open!: () => void;
    gate = new Promise((r) => (open = r));
    const tcp = tcpListenerDouble({ sink });
    const site = { dataDir, syslog: { host: '127.0.0.1', port: 1 }, spool: { dir: join(dataDir, 'spool'), maxBytes: 128 << 10 } };
    const rt = await startTestCollectors(db.database, 'node-a', [tcp.def], { site });
    running.push(rt);
    const client = new LineClient(tcp.port());
    await client.ready();
    // Lines of ~150 bytes on disk each: 128 KiB holds about 900 of them.
    for (let i = 0; i < 15 && client.send(100); i++) await new Promise((r) => setTimeout(r, 5));
    await until(() => tcp.pausedSockets() === 1, 'the listener stopped reading at the spool limit');
    const held = client.acked.size;
    expect(held).toBeGreaterThan(400);
    expect(held).toBeLessThan(client.sent);
    open();
    await until(() => client.acked.size === client.sent, 'every line accepted once the spool drains', 30_000);
    await until(async () => (await writtenLines(db.database.db)).size === client.sent, 'every line written');
    const lines = await writtenLines(db.database.db);
    expect([...lines.values()].every((n) => n === 1)).toBe(true);
    client.close();
    await rt.stop();
    running.pop();
  });

  it('keeps what it could not write at a stop, and the next start writes it exactly once', async () => {
    await db.database.db.execute(sql`DELETE FROM collector_test_rows`);
    gate = Promise.resolve();
    failing = true;
    const dataDir = temp();
    const site = { dataDir, syslog: { host: '127.0.0.1', port: 1 } };
    const first = tcpListenerDouble({ sink });
    const a = await startTestCollectors(db.database, 'node-a', [first.def], { site, drainMs: 300 });
    const client = new LineClient(first.port());
    await client.ready();
    client.send(300);
    await until(() => client.acked.size === 300, 'lines accepted (spooled) while nothing can be written');
    await a.stop();
    client.close();
    // Nothing was lost at the stop: the rows are on disk, not failed.
    expect(a.health()[0]).toMatchObject({ state: 'stopped', queued: 300 });
    expect((await writtenLines(db.database.db)).size).toBe(0);

    failing = false;
    const b = await startTestCollectors(db.database, 'node-b', [tcpListenerDouble({ sink }).def], { site });
    running.push(b);
    await until(async () => (await writtenLines(db.database.db)).size === 300, 'the spooled lines written by the next start');
    await until(() => b.health()[0]!.queued === 0, 'nothing left queued');
    await b.stop();
    running.pop();
    const lines = await writtenLines(db.database.db);
    expect([...client.acked].filter((s) => lines.get(s) !== 1)).toEqual([]);
    // Its segments are gone once committed: the one the last start wrote (empty) is left.
    const segs = readdirSync(join(dataDir, 'spool', 'test.tcp')).filter((f) => f.endsWith('.seg'));
    expect(segs).toHaveLength(1);
  });
});
