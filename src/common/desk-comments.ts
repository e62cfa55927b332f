// Comments on a ticket (issue 11 point 11): the agency and the contractor discuss a ticket both can
// see; an @username tells that user (only people who can see the ticket may be mentioned).
import { z } from 'zod';
import { ZPage, ZTimestamp, text } from './api.ts';

/** Longest comment: a few paragraphs, not a report (documents and the work log hold those). */
export const COMMENT_MAX = 2000;
/** The author may take a comment back this long after posting it; nobody else ever may. */
export const COMMENT_DELETE_WINDOW_MS = 10 * 60_000;
/** At most this many people mentioned in one comment. */
export const MENTION_MAX = 10;

// @ at the start or after anything that cannot be part of a username (so a@b.c is no mention);
// a username starts with a letter (ZUsername); a trailing dot ends the sentence, not the name.
const MENTION_RE = /(?<![A-Za-z0-9._-])@([A-Za-z][A-Za-z0-9._-]*)/g;

/** The usernames a comment mentions, each once (lower case), in order of first mention. */
export function mentionsIn(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(MENTION_RE)) {
    const name = m[1]!.replace(/[.]+$/, '').toLowerCase();
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

export const ZCommentInput = z.object({ body: text(COMMENT_MAX) });

export const ZComment = z.object({
  id: z.string(),
  ticketId: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  body: z.string(),
  /** The users told, as they were named when the comment was posted. */
  mentions: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string() })),
  createdAt: ZTimestamp,
  /** The signed-in user wrote it and may still delete it. */
  deletable: z.boolean(),
});
export type TComment = z.infer<typeof ZComment>;

export const ZCommentQuery = ZPage;

export const ZMentionQuery = z.object({ q: z.string().trim().max(64).optional() });
export const ZMentionCandidate = z.object({ id: z.string(), username: z.string(), displayName: z.string() });
export type TMentionCandidate = z.infer<typeof ZMentionCandidate>;

export const ZCommentParams = z.object({ id: z.uuid(), commentId: z.uuid() });
