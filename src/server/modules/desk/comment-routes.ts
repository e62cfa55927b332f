// Routes of the comment thread on a ticket: whoever may open the ticket may read and write it.
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../kernel/http.ts';
import { deskCommentsApi } from '../../../common/desk-comments.api.ts';
import { addComment, deleteComment, listComments, mentionable } from './comments.ts';

export async function commentRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['desk'];
  const access = 'desk.read|desk.self';
  defineRoute(app, {
    ...deskCommentsApi.list,
    summary: '运维单评论（最新在前，分页）',
    tags,
    access,
    handler: async (ctx, { params, query }) => listComments(ctx, params.id, query),
  });
  defineRoute(app, {
    ...deskCommentsApi.create,
    summary: '发表评论（@用户名 通知能查看此单的用户）',
    tags,
    access,
    handler: async (ctx, { params, body }) => addComment(ctx, params.id, body.body),
  });
  defineRoute(app, {
    ...deskCommentsApi.remove,
    summary: '删除本人发表不久的评论',
    tags,
    access,
    handler: async (ctx, { params }) => deleteComment(ctx, params.id, params.commentId),
  });
  defineRoute(app, {
    ...deskCommentsApi.mentionable,
    summary: '可 @ 的用户（能查看此运维单的人）',
    tags,
    access,
    handler: async (ctx, { params, query }) => mentionable(ctx, params.id, query.q),
  });
}
