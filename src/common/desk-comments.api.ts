// Contracts of the comment thread on a ticket and its @mention lookup.
import { z } from 'zod';
import { ZIdParams, paged } from './api.ts';
import { ZComment, ZCommentInput, ZCommentParams, ZCommentQuery, ZMentionCandidate, ZMentionQuery } from './desk-comments.ts';
import { endpoint } from './endpoint.ts';

export const deskCommentsApi = {
  /** Newest first. */
  list: endpoint({ method: 'GET', path: '/api/tickets/:id/comments', params: ZIdParams, query: ZCommentQuery, response: paged(ZComment) }),
  create: endpoint({
    method: 'POST',
    path: '/api/tickets/:id/comments',
    params: ZIdParams,
    body: ZCommentInput,
    response: ZComment,
    status: 201,
  }),
  /** Only its author, within COMMENT_DELETE_WINDOW_MS of posting. */
  remove: endpoint({ method: 'DELETE', path: '/api/tickets/:id/comments/:commentId', params: ZCommentParams, status: 204 }),
  /** People who can see the ticket, for the @mention box. */
  mentionable: endpoint({
    method: 'GET',
    path: '/api/tickets/:id/mentionable',
    params: ZIdParams,
    query: ZMentionQuery,
    response: z.array(ZMentionCandidate),
  }),
};
