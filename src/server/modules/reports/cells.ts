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
export const pct = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? '—' : `${x.toFixed(digits)}%`);
export const bar = (title: string, categories: string[], series: TChart['series']): TChart | null =>
  categories.length ? { type: 'bar', title, categories, series } : null;
