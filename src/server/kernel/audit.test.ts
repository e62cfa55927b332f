// The audit trail: who, when, from where, what, before/after; hash-chained; read by the audit admin only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { json, testApp, type Agent, type TestApp, TEST_PASSWORD } from '../test/harness.ts';
import { verifyAudit } from './audit.ts';
import { queryRows } from './db/client.ts';

interface Rec { seq: number; action: string; actorName: string; success: boolean; ip: string | null; detail: Record<string, unknown> | null }

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
