// What a section is made of: a definition reading one evidence provider, and the cells, links and
// charts its builder returns.
import type { TCell, TChart, TSection } from '../../../common/reports.ts';
import type { Period } from './periods.ts';

export type Built = Pick<TSection, 'columns' | 'rows' | 'notes' | 'chart'>;
export interface SectionDef {
  id: string;
  title: string;
  evidence: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each provider answers its own shape
  build: (r: any, p: Period) => Built;
}

export const link = (n: number, href: string): TCell => ({ n, href });
/** A list page's address with the filters that produced a number (empty values left out). */
export const to = (path: string, params: Record<string, string | number | boolean | null | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
};
/** The report's days as a list's day-range filter. */
export const days = (p: Period, names: [string, string] = ['from', 'to']): Record<string, string> => ({
  [names[0]]: p.start,
  [names[1]]: p.end,
});
export const pct = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? '—' : `${x.toFixed(digits)}%`);
export const bar = (title: string, categories: string[], series: TChart['series']): TChart | null =>
  categories.length ? { type: 'bar', title, categories, series } : null;
