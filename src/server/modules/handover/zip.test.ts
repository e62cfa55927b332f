// The package streams: a table of 20,000 rows (5 MB of text) read through the kernel's cursor in
// batches of at most 5,000 rows, and written into a .zip whose every write to the file is one small
// deflated piece — the rows are never held whole, in the reader or in the writer — and `unzip` reads
// every row back, with the CRC it checks.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTx } from '../../kernel/context.ts';
import { eachBatch } from '../../kernel/export.ts';
import { testApp, type TestApp } from '../../test/harness.ts';
import { csvLine, jsonLine } from './csv.ts';
import { ZipWriter } from './zip.ts';

const bulk = pgTable('ho_test_bulk', { id: integer('id').primaryKey(), body: text('body').notNull() });
const ROWS = 20_000;

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await testApp();
  dir = mkdtempSync(join(tmpdir(), 'yw-zip-'));
  await t.ctx.db.execute(sql`CREATE TABLE ho_test_bulk (id integer PRIMARY KEY, body text NOT NULL)`);
  await t.ctx.db.execute(sql`INSERT INTO ho_test_bulk SELECT i, repeat(md5(i::text), 8) || ',"' FROM generate_series(1, ${ROWS}) AS i`);
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('streamed package', () => {
  it('reads and writes 20,000 rows in bounded pieces, and unzip reads them all back', async () => {
    const path = join(dir, 'bulk.zip');
    const file = createWriteStream(path);
    let largestWrite = 0;
    let writes = 0;
    // A pass-through that measures every piece the zip writer hands to the file.
    const out = new Writable({
      write(chunk: Buffer, _enc, cb) {
        largestWrite = Math.max(largestWrite, chunk.length);
        writes++;
        file.write(chunk, cb);
      },
    });
    const zip = new ZipWriter(out, new Date('2026-01-05T10:00:00+08:00'));
    const batches: number[] = [];
    let largestPut = 0;
    await inTx(t.ctx, async (tx) => {
      await zip.add('bulk.csv', async (put) => {
        await eachBatch(tx, bulk, async (rows) => {
          batches.push(rows.length);
          const text = rows.map((r) => csvLine([r.id, r.body])).join('');
          largestPut = Math.max(largestPut, text.length);
          await put(text);
        });
      });
      await zip.add('数据/bulk.jsonl', async (put) => {
        await eachBatch(tx, bulk, async (rows) => put(rows.map(jsonLine).join('')));
      });
    });
    await zip.finish();
    out.end();
    await finished(out);
    file.end();
    await finished(file);

    expect(batches).toEqual([5000, 5000, 5000, 5000]);
    // 20,000 rows of 258 characters: over 5 MB of CSV, handed over one batch (~1.3 MB) at a time.
    expect(largestPut).toBeLessThan(1_500_000);
    // Written to the file in deflate's pieces (16 KiB), hundreds of them, never the package whole.
    expect(largestWrite).toBeLessThanOrEqual(64 * 1024);
    expect(writes).toBeGreaterThan(50);

    execFileSync('unzip', ['-q', '-o', path, '-d', dir]); // exits non-zero on a bad CRC or size
    const csv = readFileSync(join(dir, 'bulk.csv'), 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(ROWS);
    expect(lines[0]).toMatch(/^1,"[0-9a-f]{256},"""$/);
    const jsonl = readFileSync(join(dir, '数据', 'bulk.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(jsonl).toHaveLength(ROWS);
    expect(JSON.parse(jsonl[ROWS - 1]!)).toMatchObject({ id: ROWS });
  }, 120_000);
});
