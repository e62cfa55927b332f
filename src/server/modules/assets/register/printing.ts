// R-AST-03: the printed asset labels and the asset card as PDF (HTML from labels.ts, rendered by
// kernel/office/pdf.ts), each print audited. The owner printed on them is the agency.
import { inArray } from 'drizzle-orm';
import { audit } from '../../../kernel/audit.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { Download } from '../../../kernel/download.ts';
import { htmlToPdf } from '../../../kernel/office/pdf.ts';
import { partiesByKind } from '../../org/api.ts';
import { cardHtml, labelsHtml } from './labels.ts';
import { getAsset, viewsOf } from './records.ts';
import { assets } from './tables.ts';

async function ownerName(ctx: Ctx): Promise<string> {
  const [agency] = await partiesByKind(ctx, 'agency');
  return agency?.name ?? '';
}

/** Beijing time to the minute, as the card prints it. */
const stamp = (ctx: Ctx) => new Date(ctx.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const pdf = async (filename: string, html: string) =>
  new Download({ filename, contentType: 'application/pdf', inline: true, body: await htmlToPdf(html) });

/** A sheet of labels for these assets, in the order given; `publicUrl` is what their QR codes open. */
export async function labelsPdf(ctx: Ctx, ids: string[], publicUrl: string): Promise<Download> {
  const rows = await ctx.db.select().from(assets).where(inArray(assets.id, ids));
  const order = new Map(ids.map((id, i) => [id, i]));
  const items = (await viewsOf(ctx, rows)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const html = await labelsHtml(items, publicUrl, await ownerName(ctx));
  await audit(ctx, { action: 'asset.labels', objectType: 'asset', detail: { count: items.length, numbers: items.map((a) => a.number) } });
  return pdf(`资产标签-${items.length}.pdf`, html);
}

/** The asset card (资产卡片) of one asset. */
export async function cardPdf(ctx: Ctx, id: string, publicUrl: string): Promise<Download> {
  const a = await getAsset(ctx, id);
  const html = await cardHtml(a, publicUrl, await ownerName(ctx), stamp(ctx));
  await audit(ctx, { action: 'asset.card', objectType: 'asset', objectId: a.id, detail: { number: a.number } });
  return pdf(`资产卡片-${a.number}.pdf`, html);
}
