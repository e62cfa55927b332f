// What security operations prove to the reports (ARCHITECTURE.md principle 4): how current each
// security product's signatures were at the end of a period, the updates recorded in it (R-SEC-07),
// and the responses to alerts carried out and verified (R-SEC-03), read from the records as they are.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../kernel/db/client.ts';
import { ZEvidencePeriod, defineEvidence } from '../../kernel/module.ts';
import { boardAt } from './signatures.ts';

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
    const board = await boardAt(ctx, new Date(p.to));
    const counts = board.counts;
    const products = board.items.map((s) => ({
      assetId: s.assetId,
      assetNumber: s.assetNumber,
      assetName: s.assetName,
      ageDays: s.ageDays,
      status: s.status,
    }));
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
