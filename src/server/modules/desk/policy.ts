// The agency's desk policy (R-SD-02..04): reads and edits of the SLA policies (table sla_policies,
// seeded from the contract) and of the severity definitions (settings key desk.severity_definitions).
// An edited policy applies to tickets logged afterwards: each ticket's clocks keep the duration and
// profile they were started with (ticket_clocks), so nothing here touches existing tickets. The
// seed and the per-process cache that ticket creation reads are here too.
import { asc, count, eq } from 'drizzle-orm';
import {
  SEVERITY_SETTING,
  severityDefinitions,
  type TPolicyUpdate,
  type TSeverityUpdate,
  type TSeverityStored,
} from '../../../common/desk-policy.ts';
import { defaultPolicies, SEVERITIES, type SlaPolicy } from '../../../common/sla.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { getSetting, putSetting } from '../../kernel/settings.ts';
import { NotFound } from '../../kernel/errors.ts';
import { slaPolicies } from './tables.ts';

/** Seeds the contract's SLA policies into an empty table (first start). */
export async function seedSlaPolicies(ctx: Ctx): Promise<number> {
  const [n] = await ctx.db.select({ n: count() }).from(slaPolicies);
  if (Number(n?.n ?? 0) > 0) return 0;
  await ctx.db.insert(slaPolicies).values(
    defaultPolicies.map((p, i) => ({
      serviceLine: p.serviceLine,
      severity: p.severity,
      category: p.category ?? null,
      targets: [...p.targets],
      sort: i,
      updatedAt: ctx.now(),
    })),
  );
  await audit(ctx, { action: 'sla_policy.seed', objectType: 'sla_policy', detail: { policies: defaultPolicies.length } });
  return defaultPolicies.length;
}

// The SLA policies, read on every ticket created: cached per process for a few seconds like the
// role grants (docs/decisions/0003). An edit on this node applies at once (invalidatePolicyCache);
// other nodes pick it up within POLICY_CACHE_MS.
const POLICY_CACHE_MS = 5_000;
let policyCache: { at: number; db: Ctx['db']; list: SlaPolicy[] } | null = null;

export function invalidatePolicyCache(): void {
  policyCache = null;
}

/** The policies new tickets get their clocks from. Call outside a transaction (the cache is keyed by the database handle). */
export async function activePolicies(ctx: Ctx): Promise<SlaPolicy[]> {
  const now = Date.now();
  if (policyCache && policyCache.db === ctx.db && now - policyCache.at < POLICY_CACHE_MS) return policyCache.list;
  const rows = await ctx.db.select().from(slaPolicies).orderBy(asc(slaPolicies.sort));
  const list = rows.map(
    (r) =>
      ({
        serviceLine: r.serviceLine,
        severity: r.severity,
        ...(r.category ? { category: r.category } : {}),
        targets: r.targets,
      }) as SlaPolicy,
  );
  policyCache = { at: now, db: ctx.db, list };
  return list;
}

type PolicyRow = typeof slaPolicies.$inferSelect;

function policyView(r: PolicyRow) {
  return {
    id: r.id,
    serviceLine: r.serviceLine,
    severity: r.severity,
    category: r.category,
    targets: r.targets,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Every policy, in the seed's order (service line, severity, general before fault). */
export async function listPolicies(ctx: Ctx) {
  const rows = await ctx.db.select().from(slaPolicies).orderBy(asc(slaPolicies.sort), asc(slaPolicies.id));
  return { items: rows.map(policyView) };
}

/** Replaces one policy's targets; tickets already logged keep their clocks. */
export async function updatePolicy(ctx: Ctx, id: string, input: TPolicyUpdate) {
  const view = await inTx(ctx, async (tx) => {
    const [row] = await tx.db.select().from(slaPolicies).where(eq(slaPolicies.id, id)).for('update');
    if (!row) throw new NotFound('sla_policy.not_found', 'SLA 策略不存在');
    const targets = input.targets.map((t) => ({ target: t.target, durationMs: t.durationMs, profile: t.profile }));
    const [after] = await tx.db.update(slaPolicies).set({ targets, updatedAt: tx.now() }).where(eq(slaPolicies.id, id)).returning();
    if (!after) throw new Error('update failed');
    await audit(tx, {
      action: 'sla_policy.update',
      objectType: 'sla_policy',
      objectId: id,
      detail: { serviceLine: row.serviceLine, severity: row.severity, category: row.category },
      before: { targets: row.targets },
      after: { targets: after.targets },
    });
    return policyView(after);
  });
  invalidatePolicyCache(); // after the commit: the next ticket sees the new targets
  return view;
}

const storedSeverities = (ctx: Ctx) => getSetting(ctx, SEVERITY_SETTING);

/** The four levels with their names (fixed) and definitions (the agency's, else the defaults). */
export async function getSeverities(ctx: Ctx) {
  const s = await storedSeverities(ctx);
  return { items: severityDefinitions(s?.value), updatedAt: s ? s.updatedAt.toISOString() : null };
}

/** Stores the agency's definitions of all four levels. */
export async function updateSeverities(ctx: Ctx, input: TSeverityUpdate) {
  return inTx(ctx, async (tx) => {
    const before = await storedSeverities(tx);
    const value = {} as TSeverityStored;
    for (const code of SEVERITIES) {
      const x = input.items.find((i) => i.code === code)!;
      value[code] = { definition: x.definition.trim(), ...(x.examples?.trim() ? { examples: x.examples.trim() } : {}) };
    }
    const beforeView = Object.fromEntries(
      severityDefinitions(before?.value).map((d) => [d.code, { definition: d.definition, examples: d.examples }]),
    );
    await putSetting(tx, SEVERITY_SETTING, value, { action: 'desk.severity_definitions.update', before: beforeView });
    return { items: severityDefinitions(value), updatedAt: tx.now().toISOString() };
  });
}
