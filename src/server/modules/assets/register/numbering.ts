// R-AST-02: asset numbers from a configurable rule (settings key 'assets.number_rule', default
// `{class}-{site}-{seq:5}` → NET-WEST-00012). One counter per prefix in asset_number_seqs, taken
// by a single upsert in the create transaction: the row lock orders concurrent creates, so they get
// distinct numbers, and a counter only ever goes up, so numbers are never reused — not after a
// deletion, a retirement or a rolled-back import either (a rollback gives the values back, but no
// number of a rolled-back transaction was ever stored).
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { queryRows } from '../../../kernel/db/client.ts';
import { getSetting } from '../../../kernel/settings.ts';
import { Invalid } from '../../../kernel/errors.ts';

export const NUMBER_RULE_KEY = 'assets.number_rule';
export const DEFAULT_NUMBER_RULE = '{class}-{site}-{seq:5}';

export async function numberRule(ctx: Ctx): Promise<string> {
  const value = (await getSetting(ctx, NUMBER_RULE_KEY))?.value;
  return typeof value === 'string' && value.includes('{seq') ? value : DEFAULT_NUMBER_RULE;
}

/** Site codes become number segments: upper case, letters and digits only (city-hall → CITYHALL). */
export const siteSegment = (code: string | null | undefined): string => (code ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '') || 'XX';

const SEQ = /\{seq(?::(\d))?\}/;

/** The rule with its parts filled in, the sequence left as a placeholder: `prefix` keys the counter. */
export function renderRule(
  rule: string,
  parts: { class: string; site: string; year: string },
): { prefix: string; width: number; render: (n: number) => string } {
  const m = SEQ.exec(rule);
  if (!m) throw new Invalid('asset.number_rule', `编号规则 ${rule} 缺少 {seq}`);
  const width = Number(m[1] ?? 5);
  const filled = rule
    .replace(/\{class\}/g, parts.class)
    .replace(/\{site\}/g, parts.site)
    .replace(/\{year\}/g, parts.year);
  const prefix = filled.replace(SEQ, '#');
  return { prefix, width, render: (n) => filled.replace(SEQ, String(n).padStart(width, '0')) };
}

/** Takes the next number for the prefix; call inside the transaction that stores the asset. */
export async function nextNumber(tx: Ctx, rule: string, parts: { class: string; site: string; year: string }): Promise<string> {
  const [n] = await nextNumbers(tx, rule, parts, 1);
  return n!;
}

/** Takes `count` consecutive numbers of one prefix at once (imports): one statement, however many. */
export async function nextNumbers(
  tx: Ctx,
  rule: string,
  parts: { class: string; site: string; year: string },
  count: number,
): Promise<string[]> {
  const r = renderRule(rule, parts);
  const [row] = await queryRows<{ last: number | string }>(
    tx.db,
    sql`INSERT INTO asset_number_seqs (prefix, last) VALUES (${r.prefix}, ${count})
        ON CONFLICT (prefix) DO UPDATE SET last = asset_number_seqs.last + ${count}
        RETURNING last`,
  );
  const last = Number(row!.last);
  return Array.from({ length: count }, (_, i) => r.render(last - count + 1 + i));
}
