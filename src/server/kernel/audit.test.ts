// The audit trail: who, when, from where, what, before/after; hash-chained; read by the audit admin only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { json, testApp, testDb, type Agent, type TestApp, TEST_KEY, TEST_PASSWORD } from '../test/harness.ts';
import { audit, chainHash, verifyAudit } from './audit.ts';
import { SYSTEM_ACTOR, inTx, type Ctx } from './context.ts';
import { keyring } from './crypto.ts';
import { queryRows } from './db/client.ts';
import { auditLog } from './db/tables.ts';

interface Rec {
  seq: number;
  action: string;
  actorName: string;
  success: boolean;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

let t: TestApp;
let auditor: Agent;
beforeAll(async () => {
  t = await testApp();
  auditor = await t.userAgent('auditor', ['audit_admin']);
});
afterAll(async () => {
  await t.close();
});

describe('audit log', () => {
  it('records sign-in failures and writes with actor, IP and before/after, never a password', async () => {
    await t.agent().login('auditor', 'Wrong-Pass-1');
    const sys = await t.userAgent('sysad', ['system_admin']);
    const u = json<{ id: string }>(await sys.post('/api/users', { username: 'newbie', displayName: '新人', password: TEST_PASSWORD }));
    await sys.patch(`/api/users/${u.id}`, { displayName: '新同事' });
    const failures = json<{ items: Rec[] }>(await auditor.get('/api/audit?action=auth.login&success=false'));
    expect(failures.items.some((r) => r.actorName === 'auditor')).toBe(true);
    const upd = json<{ items: Rec[] }>(await auditor.get(`/api/audit?action=user.update&objectId=${u.id}`)).items[0]!;
    expect(upd.actorName).toBe('sysad');
    expect(upd.ip).toBeTruthy();
    expect(upd.detail).toMatchObject({ before: { displayName: '新人' }, after: { displayName: '新同事' } });
    const all = JSON.stringify(json(await auditor.get('/api/audit?pageSize=200')));
    expect(all).not.toContain(TEST_PASSWORD);
    expect(all).not.toContain('$argon2');
  });

  it('is read by the audit admin only', async () => {
    const sys = await t.userAgent('sysad2', ['system_admin']);
    expect((await sys.get('/api/audit')).statusCode).toBe(403);
  });

  it('exports the filtered log to Excel', async () => {
    const r = await auditor.get('/api/audit/export?action=auth');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(5).value).toBe('操作');
    expect(ws.rowCount).toBeGreaterThan(2);
    expect(ws.getRow(2).getCell(5).text).toMatch(/^auth/);
  });

  it('verifies the chain, and finds a changed row and a missing row', async () => {
    expect(json(await auditor.get('/api/audit/verify'))).toMatchObject({ ok: true, firstBad: null });
    const db = t.db.database.db;
    const original = (await queryRows<{ action: string }>(db, sql`SELECT action FROM audit_log WHERE seq = 3`))[0]!.action;
    await db.execute(sql`UPDATE audit_log SET action = 'user.tampered' WHERE seq = 3`);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, firstBad: { seq: 3, reason: 'changed' } });
    const r = json<{ ok: boolean; firstBad: { seq: number } }>(await auditor.get('/api/audit/verify'));
    expect(r).toMatchObject({ ok: false, firstBad: { seq: 3 } });
    await db.execute(sql`UPDATE audit_log SET action = ${original} WHERE seq = 3`);
    expect((await verifyAudit(db)).ok).toBe(true);
    await db.execute(sql`DELETE FROM audit_log WHERE seq = 5`);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, firstBad: { seq: 5, reason: 'missing' } });
  });
});

describe('a chain begun before the hashes moved into the database', () => {
  it('verifies records hashed in Node (hash_v 1) followed by records hashed by audit_append, and finds a change in either', async () => {
    const d = await testDb();
    try {
      const db = d.database.db;
      // Three records as the releases before migration 0009 wrote them: hashed in Node.
      let prevHash = '0'.repeat(64);
      for (let seq = 1; seq <= 3; seq++) {
        const f = {
          seq,
          at: new Date(Date.UTC(2026, 10, 1, 8, 0, seq)),
          actorId: null,
          actorName: 'system',
          ip: null,
          action: `old.${seq}`,
          objectType: null,
          objectId: null,
          success: true,
          detail: { n: seq, 中文: '旧记录' },
          requestId: null,
          prevHash,
        };
        const hash = chainHash(f);
        await db.insert(auditLog).values({ ...f, hash, hashV: 1 });
        prevHash = hash;
      }
      const ctx: Ctx = {
        db,
        actor: SYSTEM_ACTOR,
        ip: '10.0.0.8',
        requestId: 'r-1',
        now: () => new Date('2026-11-24T08:00:00.123Z'),
        log: pino({ level: 'silent' }),
        keys: keyring(TEST_KEY),
      };
      await inTx(ctx, (tx) =>
        audit(tx, { action: 'new.one', objectType: 'ticket', objectId: 'x', after: { title: '核心交换机', n: 1.5 } }),
      );
      await inTx(ctx, (tx) => audit(tx, { action: 'new.two', detail: { password: 'secret' } }));
      const rows = await db.select().from(auditLog).orderBy(auditLog.seq);
      expect(rows.map((r) => [r.seq, r.hashV])).toEqual([
        [1, 1],
        [2, 1],
        [3, 1],
        [4, 2],
        [5, 2],
      ]);
      expect(rows[3]!.prevHash).toBe(rows[2]!.hash); // the new records link onto the old ones
      expect(rows[4]!.detail).toEqual({ password: '***' });
      expect(await verifyAudit(db)).toEqual({ ok: true, checked: 5, lastSeq: 5, firstBad: null });

      // A record hashed by the database: its detail, or its time by one microsecond.
      await db.execute(sql`UPDATE audit_log SET detail = jsonb_set(detail, '{after,title}', '"接入交换机"') WHERE seq = 4`);
      expect(await verifyAudit(db)).toMatchObject({ ok: false, firstBad: { seq: 4, reason: 'changed' } });
      await db.execute(sql`UPDATE audit_log SET detail = jsonb_set(detail, '{after,title}', '"核心交换机"') WHERE seq = 4`);
      expect((await verifyAudit(db)).ok).toBe(true);
      await db.execute(sql`UPDATE audit_log SET at = at + interval '1 microsecond' WHERE seq = 5`);
      expect(await verifyAudit(db)).toMatchObject({ ok: false, firstBad: { seq: 5, reason: 'changed' } });
      await db.execute(sql`UPDATE audit_log SET at = at - interval '1 microsecond' WHERE seq = 5`);
      // A record hashed in Node.
      await db.execute(sql`UPDATE audit_log SET actor_name = 'mallory' WHERE seq = 2`);
      expect(await verifyAudit(db)).toMatchObject({ ok: false, firstBad: { seq: 2, reason: 'changed' } });
    } finally {
      await d.drop();
    }
  });
});
