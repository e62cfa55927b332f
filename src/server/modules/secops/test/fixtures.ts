// Fixtures of the secops tests: security products in the asset register, and a real correlation
// alert raised by the event centre from a brute force then a success (stored as the receiver stores
// syslog, then correlated).
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { DEMO_SYSLOG_SOURCES } from '../../../demo/syslog.ts';
import { demoLine } from '../../../demo/lab/syslog.ts';
import { BRUTE_FORCE_RULE, alertByKey, correlate, storeLines } from '../../events/api.ts';
import type { Agent } from '../../../test/harness.ts';

/** A security asset of class `classCode` (防火墙 A02010301, 防病毒 A02010303 …). */
export async function securityAsset(ctx: Ctx, o: { number: string; name: string; classCode?: string; ip?: string }): Promise<string> {
  const now = ctx.now().toISOString();
  const r = await ctx.db.execute<{ id: string }>(sql`
    INSERT INTO assets (number, name, class_code, kind, status, vendor, mgmt_ip, created_at, updated_at)
    VALUES (${o.number}, ${o.name}, ${o.classCode ?? 'A02010301'}, 'security', 'in_use', '华为', ${o.ip ?? ''}, ${now}::timestamptz, ${now}::timestamptz)
    RETURNING id`);
  return (r as { rows: { id: string }[] }).rows[0]!.id;
}

/** Enables the brute-force rule (as an events admin) once. */
export async function enableBruteForce(admin: Agent): Promise<void> {
  const r = await admin.post('/api/events/rules', { yaml: BRUTE_FORCE_RULE, enabled: true });
  if (r.statusCode !== 201 && r.statusCode !== 200) throw new Error(`rule: ${r.statusCode} ${r.body}`);
}

/** Five failed logins then a success from `attacker` on the Huawei firewall; answers the alert's id. */
export async function bruteForceAlert(ctx: Ctx, attacker: string): Promise<string> {
  const usg = DEMO_SYSLOG_SOURCES.find((s) => s.vendor === 'huawei')!;
  const a = { outside: attacker, pc: '10.8.2.31', server: '10.8.100.10', port: 40000 };
  const at = new Date(ctx.now().getTime() - 120_000);
  await storeLines(
    ctx,
    usg.address,
    Array.from({ length: 5 }, () => demoLine(usg, 1, at, a)),
    at,
  );
  const ok = new Date(at.getTime() + 30_000);
  await storeLines(ctx, usg.address, [demoLine(usg, 2, ok, a)], ok);
  await correlate(ctx);
  const alert = await alertByKey(ctx, attacker);
  if (!alert) throw new Error('no alert raised');
  return alert.id;
}
