// 等保 2.0 8.1.4.3 安全审计: every sign-in, sign-out, failure and write, hash-chained.
// Each record's hash covers its fields and the previous record's hash; `seq` is last + 1 under an
// advisory lock, so a deleted record leaves a gap and a changed one breaks the chain. The append runs
// in the database (audit_append, migration 0009), one statement per record.
import { createHash } from 'node:crypto';
import { and, asc, eq, getTableColumns, gt, gte, ilike, lte, sql, type SQL } from 'drizzle-orm';
import { auditLog } from './db/tables.ts';
import { inTx, type Ctx } from './context.ts';
import type { Db } from './db/client.ts';
import { likeContains, likePrefix } from './db/like.ts';

const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  action: string; // e.g. 'auth.login', 'user.create', 'contract.update'
  objectType?: string;
  objectId?: string | null;
  success?: boolean;
  before?: unknown;
  after?: unknown;
  detail?: Record<string, unknown>;
}

interface ChainFields {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  ip: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  success: boolean;
  detail: Record<string, unknown> | null;
  requestId: string | null;
  prevHash: string;
}

/** JSON with object keys sorted, so the hash does not depend on jsonb's key order. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

export function chainHash(f: ChainFields): string {
  const body = canonical([
    f.seq,
    f.at.toISOString(),
    f.actorId,
    f.actorName,
    f.ip,
    f.action,
    f.objectType,
    f.objectId,
    f.success,
    f.detail,
    f.requestId,
    f.prevHash,
  ]);
  return createHash('sha256').update(body).digest('hex');
}

// Values that must never reach the audit trail in clear.
const SECRET_KEYS = /password|secret|token|totp|hash/i;
function redact(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(redact);
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    out[k] = SECRET_KEYS.test(k) && val !== null && val !== undefined && typeof val !== 'boolean' ? '***' : redact(val);
  }
  return out;
}

/** The detail as stored: before/after folded in, the token named, secrets replaced by `***`. */
function storedDetail(ctx: Ctx, e: AuditEntry): Record<string, unknown> | null {
  const detailRaw: Record<string, unknown> = { ...(e.detail ?? {}) };
  if (e.before !== undefined) detailRaw.before = e.before;
  if (e.after !== undefined) detailRaw.after = e.after;
  // Writes made with a personal API token name the token, so an integration's actions can be told apart.
  if (ctx.actor?.via === 'token' && ctx.actor.tokenId) detailRaw.viaToken = ctx.actor.tokenId;
  return Object.keys(detailRaw).length ? (JSON.parse(JSON.stringify(redact(detailRaw))) as Record<string, unknown>) : null;
}

/**
 * The SQL call that appends e to the chain: `audit_append(...)` (migration 0009), which takes the
 * chain lock (held until the transaction commits), links, hashes and inserts in the database. For a
 * write that is one statement (a data-modifying CTE), `detail` may rewrite the stored detail with
 * values only that statement knows, e.g. a number the database assigns.
 */
export function auditAppend(ctx: Ctx, e: AuditEntry, detail?: (stored: SQL) => SQL): SQL {
  if (ctx.trail) ctx.trail.audited = true;
  const d = storedDetail(ctx, e);
  const stored = sql`${d === null ? null : JSON.stringify(d)}::jsonb`;
  // A sign-in attempt for a name nobody holds has no actor id: the record names only what was typed.
  const actorId = ctx.actor && ctx.actor.via !== 'system' && ctx.actor.id ? ctx.actor.id : null;
  return sql`audit_append(${ctx.now().toISOString()}::timestamptz, ${actorId}::uuid, ${ctx.actor?.username ?? 'anonymous'}, ${ctx.ip}::text, ${e.action}, ${e.objectType ?? null}::text, ${e.objectId ?? null}::text, ${e.success ?? true}, ${detail ? detail(stored) : stored}, ${ctx.requestId || null}::text)`;
}

/**
 * Records an audit entry on ctx.db; call it inside the transaction of the write it describes, as
 * late as possible (it takes the chain lock, held until commit). One statement.
 */
export async function audit(ctx: Ctx, e: AuditEntry): Promise<void> {
  await ctx.db.execute(sql`SELECT ${auditAppend(ctx, e)}`);
}

/** An audit entry in a transaction of its own (sign-in failures, denied requests). */
export async function auditAlone(ctx: Ctx, e: AuditEntry): Promise<void> {
  await inTx(ctx, (tx) => audit(tx, e));
}

/** The hash of a record written by audit_append (hash_v = 2), recomputed by the database. */
const AUDIT_HASH_V2 = sql<string>`audit_hash(${auditLog.seq}, ${auditLog.at}, ${auditLog.actorId}, ${auditLog.actorName}, ${auditLog.ip}, ${auditLog.action}, ${auditLog.objectType}, ${auditLog.objectId}, ${auditLog.success}, ${auditLog.detail}, ${auditLog.requestId}, ${auditLog.prevHash})`;

export interface VerifyResult {
  ok: boolean;
  checked: number;
  lastSeq: number;
  firstBad: { seq: number; reason: 'changed' | 'missing' | 'broken_link' } | null;
}

/** Walks the whole chain in order; reports the first changed or missing record. */
export async function verifyAudit(db: Db): Promise<VerifyResult> {
  let expectSeq = 1;
  let prevHash = GENESIS;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select({ ...getTableColumns(auditLog), expect: AUDIT_HASH_V2 })
      .from(auditLog)
      .where(gte(auditLog.seq, expectSeq))
      .orderBy(asc(auditLog.seq))
      .limit(2000);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== expectSeq) return { ok: false, checked, lastSeq: expectSeq - 1, firstBad: { seq: expectSeq, reason: 'missing' } };
      if (r.prevHash !== prevHash) return { ok: false, checked, lastSeq: r.seq, firstBad: { seq: r.seq, reason: 'broken_link' } };
      const expect = r.hashV === 2 ? r.expect : chainHash({ ...r, detail: r.detail ?? null });
      if (expect !== r.hash) return { ok: false, checked, lastSeq: r.seq, firstBad: { seq: r.seq, reason: 'changed' } };
      prevHash = r.hash;
      expectSeq++;
      checked++;
    }
  }
  return { ok: true, checked, lastSeq: expectSeq - 1, firstBad: null };
}

export interface AuditQuery {
  from?: Date | undefined;
  to?: Date | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  success?: boolean | undefined;
  afterSeq?: number | undefined;
}

export function auditWhere(q: AuditQuery): SQL | undefined {
  const c: SQL[] = [];
  if (q.from) c.push(gte(auditLog.at, q.from));
  if (q.to) c.push(lte(auditLog.at, q.to));
  if (q.actor) c.push(ilike(auditLog.actorName, likeContains(q.actor)));
  if (q.action) c.push(ilike(auditLog.action, likePrefix(q.action)));
  if (q.objectType) c.push(eq(auditLog.objectType, q.objectType));
  if (q.objectId) c.push(eq(auditLog.objectId, q.objectId));
  if (q.success !== undefined) c.push(eq(auditLog.success, q.success));
  if (q.afterSeq !== undefined) c.push(gt(auditLog.seq, q.afterSeq));
  return c.length ? and(...c) : undefined;
}
