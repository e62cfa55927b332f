// Helpers of the menu tests (app/features.test.ts, features/index.test.ts): the menu as one line of
// labels per level, and a user holding the given permissions.
type Item = { key: string; label: string; children?: Item[] };

export const outline = (items: unknown[]): string[] =>
  (items as Item[]).map((i) => (i.children ? `${i.label}[${outline(i.children).join(' ')}]` : i.label));

/** can() of a user holding these permissions ('a|b' is any of). */
export const holder =
  (...perms: string[]) =>
  (p: string) =>
    p.split('|').some((x) => perms.includes(x));

/** t() that leaves the Chinese as it is. */
export const id = (s: string) => s;
