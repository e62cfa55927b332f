// Comments on a ticket (issue 11 point 11): whoever can see the ticket (service line and party, as
// scope() in service.ts decides) reads and writes its thread; an @username tells that user through
// the kernel's notifications (ticket.mentioned). A mention of anyone who cannot see the ticket, or
// of no such user, is refused with a 400 naming them, so the writer knows nobody was told.
// Comments are never edited; the author may delete one within COMMENT_DELETE_WINDOW_MS.
import { and, count, desc, eq } from 'drizzle-orm';
import { COMMENT_DELETE_WINDOW_MS, MENTION_MAX, mentionsIn } from '../../../common/desk-comments.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { usersInAudience, type Audience } from '../../kernel/directory.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.ts';
import { notifyUsers } from '../../kernel/notify/inbox.ts';
import { readTicket } from './service.ts';
import { ticketComments, type tickets } from './tables.ts';

type TicketRow = typeof tickets.$inferSelect;
type CommentRow = typeof ticketComments.$inferSelect;

/** Who can see this ticket: the rules of scope() in service.ts, stated as audiences. */
export function ticketAudience(t: Pick<TicketRow, 'serviceLine' | 'createdBy'>): Audience[] {
  return [
    { permission: 'desk.read_all' },
    { permission: 'desk.read', serviceLine: t.serviceLine },
    { permission: 'desk.read', userId: t.createdBy },
    { permission: 'desk.self', userId: t.createdBy },
  ];
}

function view(ctx: Ctx, c: CommentRow) {
  const mine = !!ctx.actor && ctx.actor.via !== 'system' && c.authorId === ctx.actor.id;
  return { ...c, deletable: mine && ctx.now().getTime() - c.createdAt.getTime() < COMMENT_DELETE_WINDOW_MS };
}

export async function listComments(ctx: Ctx, ticketId: string, q: { page: number; pageSize: number }) {
  await readTicket(ctx, ticketId);
  const where = eq(ticketComments.ticketId, ticketId);
  const [t] = await ctx.db.select({ n: count() }).from(ticketComments).where(where);
  const rows = await ctx.db
    .select()
    .from(ticketComments)
    .where(where)
    .orderBy(desc(ticketComments.createdAt), desc(ticketComments.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map((r) => view(ctx, r)), total: Number(t?.n ?? 0) };
}

/** People who can see the ticket, for the @mention box (the writer left out). */
export async function mentionable(ctx: Ctx, ticketId: string, q: string | undefined) {
  const t = await readTicket(ctx, ticketId);
  const found = await usersInAudience(ctx, ticketAudience(t), { q, limit: 21 });
  return found.filter((u) => u.id !== ctx.actor?.id).slice(0, 20);
}

export async function addComment(ctx: Ctx, ticketId: string, body: string) {
  const a = ctx.actor;
  if (!a || a.via === 'system') throw new Forbidden('comment.person_only', '只有登录用户可以评论');
  const names = mentionsIn(body);
  if (names.length > MENTION_MAX)
    throw new Invalid('comment.too_many_mentions', `一条评论最多提及 ${MENTION_MAX} 人`, [
      { path: 'body.body', message: `最多 ${MENTION_MAX} 人` },
    ]);
  return inTx(ctx, async (tx) => {
    const t = await readTicket(tx, ticketId);
    const told = names.length ? await usersInAudience(tx, ticketAudience(t), { usernames: names, limit: MENTION_MAX }) : [];
    const unknown = names.filter((n) => !told.some((u) => u.username.toLowerCase() === n));
    if (unknown.length)
      throw new Invalid('comment.mention_unseen', `无法提及 ${unknown.map((n) => `@${n}`).join('、')}：用户不存在或无权查看此运维单`, [
        { path: 'body.body', message: unknown.join(', ') },
      ]);
    const [row] = await tx.db
      .insert(ticketComments)
      .values({
        ticketId,
        authorId: a.id,
        authorName: a.displayName,
        body,
        mentions: told.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName })),
        createdAt: tx.now(),
      })
      .returning();
    if (!row) throw new Error('insert failed');
    const notified = await notifyUsers(tx, {
      userIds: told.map((u) => u.id),
      event: 'ticket.mentioned',
      title: `${a.displayName} 在运维单 ${t.number} 的评论中提到了你`,
      body: body.length > 200 ? `${body.slice(0, 200)}…` : body,
      link: `/desk/${t.id}?tab=comments`,
      objectType: 'ticket',
      objectId: t.id,
    });
    await audit(tx, {
      action: 'ticket.comment',
      objectType: 'ticket',
      objectId: t.id,
      after: row,
      detail: { mentioned: told.map((u) => u.username), notified },
    });
    return view(tx, row);
  });
}

export async function deleteComment(ctx: Ctx, ticketId: string, commentId: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    await readTicket(tx, ticketId);
    const [c] = await tx.db
      .select()
      .from(ticketComments)
      .where(and(eq(ticketComments.id, commentId), eq(ticketComments.ticketId, ticketId)))
      .for('update');
    if (!c) throw new NotFound('comment.not_found', '评论不存在');
    if (c.authorId !== tx.actor?.id) throw new Forbidden('comment.not_author', '只能删除自己的评论');
    if (tx.now().getTime() - c.createdAt.getTime() >= COMMENT_DELETE_WINDOW_MS)
      throw new Conflict('comment.too_late', `评论发出 ${COMMENT_DELETE_WINDOW_MS / 60_000} 分钟后不能再删除`);
    await tx.db.delete(ticketComments).where(eq(ticketComments.id, c.id));
    await audit(tx, { action: 'ticket.comment_delete', objectType: 'ticket', objectId: ticketId, before: c });
  });
}
