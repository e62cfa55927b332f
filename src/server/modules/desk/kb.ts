// Knowledge base (R-SD-08): problem / cause / solution articles, filed from resolved tickets and
// found again by Chinese substring search on both databases.
import { and, arrayContains, count, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { audit } from '../../kernel/audit.ts';
import { actorId, type Ctx, inTx } from '../../kernel/context.ts';
import { crud } from '../../kernel/crud.ts';
import { readTicket } from './service.ts';
import { kbArticles } from './tables.ts';
import { likeContains as like } from '../../kernel/db/like.ts';

export const kbStore = crud(kbArticles, { objectType: 'kb_article', label: '知识库文章', order: [kbArticles.createdAt] });

// The indexed expression: the same text the trigram index covers, so the planner can use it.
const allText = sql`(${kbArticles.title} || ' ' || ${kbArticles.problem} || ' ' || ${kbArticles.cause} || ' ' || ${kbArticles.solution})`;

/** Terms split on whitespace; an article must contain every term; the best matches come first. */
export async function searchKb(
  ctx: Ctx,
  q: {
    q?: string | undefined;
    serviceLine?: string | undefined;
    tag?: string | undefined;
    sourceTicketId?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const terms = (q.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
  const c: SQL[] = terms.map((t) => sql`${allText} ILIKE ${like(t)}`);
  if (q.serviceLine) c.push(eq(kbArticles.serviceLine, q.serviceLine));
  if (q.tag) c.push(arrayContains(kbArticles.tags, [q.tag]));
  if (q.sourceTicketId) c.push(eq(kbArticles.sourceTicketId, q.sourceTicketId));
  const where = c.length ? and(...c) : undefined;
  // Title hits weigh most, then problem, then solution; a title that is the query itself tops all.
  const score = terms.length
    ? sql<number>`(${sql.join(
        terms.map(
          (t) =>
            sql`(CASE WHEN ${kbArticles.title} ILIKE ${like(t)} THEN 4 ELSE 0 END + CASE WHEN ${kbArticles.problem} ILIKE ${like(t)} THEN 2 ELSE 0 END + CASE WHEN ${kbArticles.solution} ILIKE ${like(t)} THEN 1 ELSE 0 END)`,
        ),
        sql` + `,
      )} + CASE WHEN ${kbArticles.title} = ${q.q?.trim() ?? ''} THEN 10 ELSE 0 END)`.mapWith(Number)
    : sql<number>`0`.mapWith(Number);
  const [t] = await ctx.db.select({ n: count() }).from(kbArticles).where(where);
  const rows = await ctx.db
    .select({ a: kbArticles, score })
    .from(kbArticles)
    .where(where)
    // Without terms there is no score to order by (a constant would read as ORDER BY column 0).
    .orderBy(...(terms.length ? [desc(score), desc(kbArticles.updatedAt)] : [desc(kbArticles.updatedAt)]))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map((r) => ({ ...r.a, score: r.score })), total: Number(t?.n ?? 0) };
}

export async function createKb(
  ctx: Ctx,
  input: {
    title: string;
    serviceLine: string | null;
    problem: string;
    cause: string;
    solution: string;
    tags: string[];
    sourceTicketId: string | null;
  },
) {
  // Filed from a ticket: one the writer can see (readTicket answers 404 otherwise).
  if (input.sourceTicketId) await readTicket(ctx, input.sourceTicketId);
  const now = ctx.now();
  return inTx(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(kbArticles)
      .values({ ...input, createdBy: actorId(tx), createdAt: now, updatedAt: now })
      .returning();
    if (!row) throw new Error('insert failed');
    await audit(tx, { action: 'kb_article.create', objectType: 'kb_article', objectId: row.id, after: row });
    return row;
  });
}

/** The browse panel: how many articles per service line and per tag (the 30 most used tags). */
export async function kbFacets(ctx: Ctx) {
  const [all] = await ctx.db.select({ n: count() }).from(kbArticles);
  const lines = await ctx.db
    .select({ code: kbArticles.serviceLine, n: count() })
    .from(kbArticles)
    .where(isNotNull(kbArticles.serviceLine))
    .groupBy(kbArticles.serviceLine);
  const tag = sql<string>`unnest(${kbArticles.tags})`;
  const tags = await ctx.db
    .select({ tag, n: sql<number>`count(*)`.mapWith(Number) })
    .from(kbArticles)
    .groupBy(sql`1`)
    .orderBy(sql`2 DESC`, sql`1`)
    .limit(30);
  return {
    total: Number(all?.n ?? 0),
    lines: lines.map((l) => ({ code: l.code ?? '', count: Number(l.n) })),
    tags: tags.map((t) => ({ tag: t.tag, count: t.n })),
  };
}

/** kbStore.update, with a newly named source ticket checked like createKb's. */
export async function updateKb(ctx: Ctx, id: string, patch: Partial<Parameters<typeof createKb>[1]>) {
  if (patch.sourceTicketId) await readTicket(ctx, patch.sourceTicketId);
  return kbStore.update(ctx, id, patch);
}
