// The parser hook of signatures (issue 13 point 6): every few minutes, the syslog lines the event
// centre stored since the last pass that look like updates (UPDATE_WORDS) are parsed (update-lines.ts)
// and, when the sender's address is a security product's management address, recorded as its update
// (source `log`). The position is kept, so each line is read once.
import { eq } from 'drizzle-orm';
import { inTx, type Ctx } from '../../kernel/context.ts';
import type { GlobalJob } from '../../kernel/jobs.ts';
import { securityProducts } from '../assets/api.ts';
import { eventsMentioning } from '../events/api.ts';
import { recordUpdate, updatesOf } from './signatures.ts';
import { UPDATE_WORDS } from './update-lines.ts';
import { secCursors } from './tables.ts';

const KEY = 'signature-log';
const FIRST_LOOK_MS = 7 * 86_400_000;
const BATCH = 2000;

/** Reads the update lines received since the last pass; answers how many updates were recorded. */
export async function readSignatureLogs(ctx: Ctx): Promise<number> {
  const [cursor] = await ctx.db.select().from(secCursors).where(eq(secCursors.key, KEY));
  const now = ctx.now();
  const from = cursor?.at ?? new Date(now.getTime() - FIRST_LOOK_MS);
  const lines = await eventsMentioning(ctx, { from, to: now, words: UPDATE_WORDS, limit: BATCH });
  // A full batch stops at its last line's time (the rest next pass); else everything up to now was read.
  const until = lines.length === BATCH ? new Date(lines.at(-1)!.receivedAt.getTime() + 1) : now;
  const byIp = new Map((await securityProducts(ctx)).filter((p) => p.mgmtIp).map((p) => [p.mgmtIp, p.id]));
  let n = 0;
  await inTx(ctx, async (tx) => {
    for (const l of lines) {
      const assetId = byIp.get(l.source);
      if (!assetId) continue;
      for (const u of updatesOf([{ text: l.raw, at: l.occurredAt ?? l.receivedAt }], now)) {
        await recordUpdate(tx, assetId, u, 'log');
        n++;
      }
    }
    await tx.db
      .insert(secCursors)
      .values({ key: KEY, at: until })
      .onConflictDoUpdate({ target: secCursors.key, set: { at: until } });
  });
  return n;
}

export const signatureLogJob: GlobalJob = {
  name: 'secops-signature-log',
  scope: 'global',
  cron: '*/5 * * * *',
  handler: async (ctx) => void (await readSignatureLogs(ctx)),
};
