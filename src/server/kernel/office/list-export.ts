// "导出 Excel" of any list page (issue 11 point 14): the list route's own service, with the filters
// the page shows, paged through on the server into one .xlsx (xlsxDownload: frozen bold headers,
// every text cell neutralised against formulas). Capped: more rows than the cap is refused before
// any is read, with the count and the cap in the message, so the user narrows the filters rather
// than receiving a silently cut file. Audited as `<objectType>.export` with the filters and the
// number of rows: who exported what.
import { dateOf } from '../../../common/dates.ts';
import { audit } from '../audit.ts';
import type { Ctx } from '../context.ts';
import type { Download } from '../download.ts';
import { Invalid } from '../errors.ts';
import { xlsxDownload, type Column } from './xlsx.ts';

/** Rows in one export at most: a sheet a person reads, not a data dump (that is the complete export). */
export const LIST_EXPORT_MAX = 10_000;
const BATCH = 500;

export interface ListExport<T> {
  /** What the list is, in Chinese: the sheet's name, the file's name and the refusal's noun. */
  title: string;
  /** The audit record's object type; the action is `<objectType>.export`. */
  objectType: string;
  /** The list route's query as received; page and pageSize are dropped (every page is exported). */
  query: object;
  /** One page of the list route's service, with the same filters. */
  list: (page: number, pageSize: number) => Promise<{ items: T[]; total: number; totalCapped?: boolean | undefined }>;
  /** The columns, or a function of all rows (to look up the names they refer to, once). */
  columns: Column<T>[] | ((rows: T[]) => Promise<Column<T>[]>);
  max?: number;
}

export async function listXlsx<T>(ctx: Ctx, o: ListExport<T>): Promise<Download> {
  const max = o.max ?? LIST_EXPORT_MAX;
  const first = await o.list(1, BATCH);
  const tooMany = (n: string) =>
    new Invalid('export.too_many', `符合条件的${o.title}${n}，超过单次导出上限 ${max} 条，请缩小筛选范围后再导出`);
  if (first.total > max) throw tooMany(first.totalCapped ? `超过 ${first.total} 条` : `有 ${first.total} 条`);
  const rows = [...first.items];
  // A capped total (kernel/db/paged-total.ts) is a lower bound: page on until a page is not full.
  const known = first.totalCapped ? Infinity : first.total;
  for (let page = 2; rows.length < known && rows.length <= max; page++) {
    const next = await o.list(page, BATCH);
    rows.push(...next.items);
    if (next.items.length < BATCH) break;
  }
  if (rows.length > max) throw tooMany(`超过 ${max} 条`);
  const columns = typeof o.columns === 'function' ? await o.columns(rows) : o.columns;
  const filters = Object.fromEntries(
    Object.entries(o.query).filter(([k, v]) => k !== 'page' && k !== 'pageSize' && v !== undefined && v !== ''),
  );
  await audit(ctx, { action: `${o.objectType}.export`, objectType: o.objectType, detail: { filters, rows: rows.length } });
  return xlsxDownload(`${o.title}-${dateOf(ctx.now())}.xlsx`, o.title, columns, rows);
}

const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
/** An instant as the pages show it: YYYY-MM-DD HH:mm in Asia/Shanghai; none as empty. */
export function shanghaiTime(t: Date | string | null | undefined): string {
  if (!t) return '';
  const d = typeof t === 'string' ? new Date(t) : t;
  return Number.isNaN(d.getTime()) ? '' : SHANGHAI.format(d);
}
