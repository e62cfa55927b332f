// Security bulletins (issue 13 point 7, R-SEC-08): a bulletin on a vendor's product and version range
// finds the affected devices of the asset register (firmware in range, retired ones left out) and
// opens one SEC-line task for them; a bulletin nothing is affected by opens none. Versions compare by
// their numbers (Huawei's V600R007C20SPC300 style included).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TBulletin } from '../../../common/secops.ts';
import type { Ctx } from '../../kernel/context.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { compareVersions, inRange } from './bulletins.ts';

let t: TestApp;
let eng: Agent;
let contact: Agent;
const clock = new Clock(new Date('2026-12-06T08:00:00Z'));

async function device(ctx: Ctx, number: string, model: string, firmware: string, status = 'in_use'): Promise<void> {
  const now = ctx.now().toISOString();
  await ctx.db.execute(sql`
    INSERT INTO assets (number, name, class_code, kind, status, vendor, model, firmware, created_at, updated_at)
    VALUES (${number}, ${`防火墙 ${number}`}, 'A02010301', 'security', ${status}, '华为', ${model}, ${firmware}, ${now}::timestamptz, ${now}::timestamptz)`);
}

beforeAll(async () => {
  t = await testApp({ clock });
  eng = await t.userAgent('eng.sec', ['engineer'], { serviceLines: ['SEC'] });
  contact = await t.userAgent('agency.contact', ['agency_contact']);
  await device(t.ctx, 'FW-B-1', 'USG6650E', 'V600R007C20SPC300');
  await device(t.ctx, 'FW-B-2', 'USG6650E', 'V600R007C20SPC600'); // fixed release
  await device(t.ctx, 'FW-B-3', 'USG6555E', 'V600R007C00SPC100');
  await device(t.ctx, 'FW-B-4', 'USG6650E', 'V600R006C00', 'retired');
  await device(t.ctx, 'FW-B-5', 'AR6140', 'V300R021');
});
afterAll(() => t?.close());

describe('versions', () => {
  it('compare by their numbers', () => {
    expect(compareVersions('V600R007C20SPC300', 'V600R007C20SPC500')).toBe(-1);
    expect(compareVersions('9.1.10', '9.1.9')).toBe(1);
    expect(compareVersions('5.6', '5.6.0')).toBe(0);
    expect(inRange('V600R007C20SPC300', 'V600R007C00', 'V600R007C20SPC500')).toBe(true);
    expect(inRange('V600R007C20SPC600', '', 'V600R007C20SPC500')).toBe(false);
    expect(inRange('unknown', '1.0', '2.0')).toBe(true);
  });
});

describe('a bulletin', () => {
  const input = {
    title: 'USG 系列 IPSec 远程代码执行漏洞',
    source: 'CNVD',
    cve: 'CVE-2026-0001',
    severity: 'high',
    vendor: '华为',
    product: 'USG',
    versionFrom: 'V600R007C00',
    versionTo: 'V600R007C20SPC500',
    advice: '升级至 V600R007C20SPC600',
  };

  it('finds the affected devices and opens one SEC task', async () => {
    const r = await eng.post('/api/secops/bulletins', input);
    expect(r.statusCode, r.body).toBe(201);
    const b = json<TBulletin>(r);
    expect(b.affected.map((a) => a.number)).toEqual(['FW-B-1', 'FW-B-3']);
    expect(b.ticketNumber).toBeTruthy();
    const ticket = json<{ serviceLine: string; title: string; description: string }>(await eng.get(`/api/tickets/${b.ticketId}`));
    expect(ticket.serviceLine).toBe('SEC');
    expect(ticket.description).toContain('FW-B-1');
    expect(ticket.description).not.toContain('FW-B-2');
  });

  it('opens no task when nothing is affected; agency roles read only; bad input 400', async () => {
    const none = json<TBulletin>(await eng.post('/api/secops/bulletins', { ...input, product: 'NIP' }));
    expect(none).toMatchObject({ affected: [], ticketId: null });
    const list = json<{ items: TBulletin[]; total: number }>(await contact.get('/api/secops/bulletins'));
    expect(list.total).toBe(2);
    expect((await contact.post('/api/secops/bulletins', input)).statusCode).toBe(403);
    expect((await eng.post('/api/secops/bulletins', { ...input, vendor: '' })).statusCode).toBe(400);
  });
});
