// LIKE / ILIKE patterns from user text: %, _ and \ are matched literally, never as wildcards.
import { sql, type SQL } from 'drizzle-orm';

const escape = (s: string): string => s.replace(/[\\%_]/g, '\\$&');

/** Matches text containing `s`. */
export const likeContains = (s: string): string => `%${escape(s)}%`;

/** Matches text starting with `s`. */
export const likePrefix = (s: string): string => `${escape(s)}%`;

/** Spaces (ASCII, tab, ideographic) are not part of what a search compares: 4层 = 4 层. */
export const SPACES_SQL = sql`' ' || chr(9) || chr(12288)`;

/** Text as searches compare it: lower case, without spaces (the search columns are stored so). */
export const compactSql = (text: SQL): SQL => sql`translate(lower(${text}), ${SPACES_SQL}, '')`;

/** The terms of a search box: split at spaces, lower case, each once, at most `max`. */
export function searchTerms(q: string, max = 8): string[] {
  return [
    ...new Set(
      q
        .toLowerCase()
        .split(/[\s\u3000]+/)
        .filter(Boolean),
    ),
  ].slice(0, max);
}
