// LIKE / ILIKE patterns from user text: %, _ and \ are matched literally, never as wildcards.
const escape = (s: string): string => s.replace(/[\\%_]/g, '\\$&');

/** Matches text containing `s`. */
export const likeContains = (s: string): string => `%${escape(s)}%`;

/** Matches text starting with `s`. */
export const likePrefix = (s: string): string => `${escape(s)}%`;
