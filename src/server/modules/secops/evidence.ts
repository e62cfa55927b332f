// What security operations prove to the reports (ARCHITECTURE.md principle 4): how current each
// security product's signatures were at the end of a period, the updates recorded in it (R-SEC-07),
// and the responses to alerts carried out and verified (R-SEC-03), read from the records as they are.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../kernel/db/client.ts';
import { ZEvidencePeriod, defineEvidence } from '../../kernel/module.ts';
import { signatureBoard } from './signatures.ts';

/**
 * Signature currency at `to`: every security product's age then (the last update known before it)
 * against its thresholds, counted ok / stale / critical / unknown; updates recorded in [from, to);
 * responses done in the period by kind, and how many were verified effective.
 */
export const signatureCurrency = defineEvidence({
  id: 'secops.signature_currency',
  title: { zh: '安全设备特征库时效与处置', en: 'Signature currency and responses' },
  requirements: ['R-SEC-03', 'R-SEC-07'],
  params: ZEvidencePeriod,
  read: async (ctx, p) => {
    const end = new Date(p.to);
    const board = await signatureBoard({ ...ctx, now: () => end });
    const last = await queryRows<{ assetId: string; at: string }>(
      ctx.db,
      sql`SELECT asset_id AS "assetId", max(updated_at)::text AS at FROM sec_signature_updates
          WHERE updated_at < ${p.to}::timestamptz GROUP BY asset_id`,
    );
    const lastAt = new Map(last.map((l) => [l.assetId, Date.parse(l.at)]));
    const counts = { ok: 0, stale: 0, critical: 0, unknown: 0 };
    const products = board.items.map((s) => {
      // The board reads today's versions; a later update than `to` does not count for the period.
      const known = s.updatedAt && Date.parse(s.updatedAt) < end.getTime() ? Date.parse(s.updatedAt) : (lastAt.get(s.assetId) ?? null);
      const ageDays = known === null ? null : Math.floor((end.getTime() - known) / 86_400_000);
      const status =
        ageDays === null ? 'unknown' : ageDays >= s.criticalDays ? 'critical' : ageDays >= s.staleDays ? 'stale' : ('ok' as const);
      counts[status]++;
      return { assetId: s.assetId, assetNumber: s.assetNumber, assetName: s.assetName, ageDays, status };
    });
    const [updates] = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM sec_signature_updates WHERE updated_at >= ${p.from}::timestamptz AND updated_at < ${p.to}::timestamptz`,
    );
    const responses = await queryRows<{ kind: string; done: number; verified: number }>(
      ctx.db,
      sql`SELECT kind, count(*)::int AS done, count(*) FILTER (WHERE verify_result = 'effective')::int AS verified
          FROM sec_responses WHERE done_at >= ${p.from}::timestamptz AND done_at < ${p.to}::timestamptz
          GROUP BY kind ORDER BY kind`,
    );
    return { from: p.from, to: p.to, counts, products, updates: updates?.n ?? 0, responses };
  },
});
