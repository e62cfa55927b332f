// The complete export's progress lives in its row, and a crash does not block the next one:
// - a finished export's row says how far it got (tables, rows, files, bytes written = size), which
//   process ran it and when it last beat; a progress write lands in the row for any node to read;
// - an export left "running" by a process on another node blocks a new one while its heartbeat is
//   fresh; when the harness clock moves past the stale limit it becomes failed with 导出中断：服务重启,
//   its partial file and stored pieces are gone, the audit log says so, and a new export runs;
// - one left by a process of this host that no longer exists is closed at once (no waiting);
// - an export forced to ZIP64 opens with `unzip -t` and `python3 -m zipfile -t`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TExport } from '../../../common/handover.ts';
import { auditLog } from '../../kernel/db/tables.ts';
import { NODE_ID } from '../../kernel/jobs.ts';
import { registryOf } from '../../site.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { startExport } from './exports.ts';
import { handover } from './module.ts';
import { ExportProgress, INTERRUPTED, partialPath, STALE_MS } from './progress.ts';
import { hoExportChunks, hoExports } from './tables.ts';

let t: TestApp;
let sec: Agent;
const dir = mkdtempSync(join(tmpdir(), 'yw-export-rec-'));
beforeAll(async () => {
  t = await testApp({ clock: new Clock(new Date('2026-03-02T02:00:00Z')) });
  sec = await t.userAgent('sec.r', ['security_admin']);
}, 300_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function waitDone(id: string): Promise<TExport> {
  for (let i = 0; i < 900; i++) {
    const e = json<TExport>(await sec.get(`/api/handover/exports/${id}`));
    if (e.state !== 'running') return e;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('export did not finish');
}

const row = async (id: string) => (await t.ctx.db.select().from(hoExports).where(eq(hoExports.id, id)))[0]!;

/** An export some process left running, with a partial file on disk and one stored piece. */
async function leftRunning(node: string): Promise<string> {
  const [r] = await t.ctx.db
    .insert(hoExports)
    .values({
      state: 'running',
      startedByName: '安全管理员',
      startedAt: t.clock.now(),
      heartbeatAt: t.clock.now(),
      node,
      tablesTotal: 9,
      rows: 1234,
    })
    .returning({ id: hoExports.id });
  writeFileSync(partialPath(r!.id), 'PK partial');
  await t.ctx.db.insert(hoExportChunks).values({ exportId: r!.id, seq: 0, bytes: Buffer.from('PK') });
  return r!.id;
}
const orphans = () => handover.jobs.find((j) => j.name === 'handover-export-orphans')!.handler(t.ctx, null, t);

describe('export progress and crash recovery', () => {
  it('keeps the progress of a finished export in its row, and writes progress where any node reads it', async () => {
    const started = await sec.post('/api/handover/exports');
    expect(started.statusCode, started.body).toBe(202);
    const e = await waitDone(json<TExport>(started).id);
    expect(e).toMatchObject({ state: 'done', current: null, error: null });
    expect(e.tablesDone).toBe(e.tablesTotal);
    expect(e.rows).toBeGreaterThan(0);
    expect(e.written).toBe(e.size);
    const r = await row(e.id);
    expect(r.node).toBe(NODE_ID);
    expect(r.heartbeatAt).not.toBeNull();

    const id = await leftRunning(NODE_ID);
    const p = new ExportProgress(t.ctx, id);
    Object.assign(p, { tablesDone: 3, rows: 70_000, files: 2, written: 5_000_000, current: 'desk/tickets' });
    t.clock.advance(5000);
    await p.flush();
    expect(json<TExport>(await sec.get(`/api/handover/exports/${id}`))).toMatchObject({
      state: 'running',
      tablesDone: 3,
      rows: 70_000,
      files: 2,
      written: 5_000_000,
      current: 'desk/tickets',
      heartbeatAt: t.clock.now().toISOString(),
    });
    // Left by this very process id but not run by it (a restart that drew the same pid): closed.
    await orphans();
    expect(await row(id)).toMatchObject({ state: 'failed', error: INTERRUPTED });
  }, 300_000);

  it('closes an export whose node stopped beating once the clock passes the limit, and a new one runs', async () => {
    const id = await leftRunning('node-b.example:4242');
    const blocked = await sec.post('/api/handover/exports');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json<{ detail: string }>().detail).toContain('已有一个完整导出正在进行');
    t.clock.advance(STALE_MS - 1000);
    await orphans();
    expect((await row(id)).state).toBe('running');
    expect(existsSync(partialPath(id))).toBe(true);

    t.clock.advance(2000);
    await orphans();
    expect(await row(id)).toMatchObject({ state: 'failed', error: INTERRUPTED, finishedAt: t.clock.now(), current: null });
    expect(existsSync(partialPath(id))).toBe(false);
    expect(await t.ctx.db.select().from(hoExportChunks).where(eq(hoExportChunks.exportId, id))).toHaveLength(0);
    const trail = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'handover.export_interrupted'), eq(auditLog.objectId, id)));
    expect(trail).toHaveLength(1);
    const list = json<{ items: TExport[] }>(await sec.get('/api/handover/exports?page=1&pageSize=10'));
    expect(list.items.find((x) => x.id === id)).toMatchObject({ state: 'failed', error: '导出中断：服务重启' });

    const again = await sec.post('/api/handover/exports');
    expect(again.statusCode, again.body).toBe(202);
    expect((await waitDone(json<TExport>(again).id)).state).toBe('done');
  }, 300_000);

  it('closes at once an export whose process on this host is gone, when a new one is asked for', async () => {
    const dead = spawnSync('true').pid;
    const id = await leftRunning(`${hostname()}:${dead}`);
    const started = await sec.post('/api/handover/exports');
    expect(started.statusCode, started.body).toBe(202);
    expect(await row(id)).toMatchObject({ state: 'failed', error: INTERRUPTED });
    expect(existsSync(partialPath(id))).toBe(false);
    await waitDone(json<TExport>(started).id);
  }, 300_000);

  it('writes a package forced to ZIP64 that unzip and Python open', async () => {
    const { export: e, done } = await startExport(t.ctx, registryOf(), { zip64: true });
    await done;
    expect((await row(e.id)).state).toBe('done');
    const dl = await sec.get(`/api/handover/exports/${e.id}/download`);
    expect(dl.statusCode).toBe(200);
    const path = join(dir, 'zip64.zip');
    writeFileSync(path, dl.rawPayload);
    // The zip64 end of central directory record is there, and every local header says version 4.5.
    expect(dl.rawPayload.subarray(-200).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(dl.rawPayload.readUInt16LE(4)).toBe(45);
    expect(execFileSync('unzip', ['-t', path], { maxBuffer: 1 << 26 }).toString('utf8')).toMatch(
      /testing: manifest\.json +OK[\s\S]*No errors detected/,
    );
    execFileSync('python3', ['-m', 'zipfile', '-t', path]);
  }, 300_000);
});
