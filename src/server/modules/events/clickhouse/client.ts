// ClickHouse over its HTTP interface (issue 13 point 8): statements as POST bodies, rows in as
// `INSERT … FORMAT JSONEachRow`, rows out as `SELECT … FORMAT JSON`. Values never become SQL text:
// strings travel as a one-table "external data" upload (`yp`, rows {k, v}, JSONEachRow) that the
// statement reads with a scalar subquery, which every release from 18.16 (Debian's) to today accepts
// (the newer `{name:Type}` query parameters do not exist before 19.x). Integers the server computed
// (times as epoch milliseconds, page sizes) are written as digits after a safe-integer check.
import { AppError } from '../../../kernel/errors.ts';

export interface ChTarget {
  /** http(s)://host:port/ without the credentials. */
  base: string;
  authorization: string | null;
  database: string;
}

/** YUNWEI_EVENTS_URL, e.g. http://user:pass@127.0.0.1:8123/yunwei (the path names the database). */
export function parseEventsUrl(text: string): ChTarget {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new Error('YUNWEI_EVENTS_URL: 不是有效的 URL (not a URL); expected http://user:password@host:8123/database');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('YUNWEI_EVENTS_URL: 只支持 http 或 https (http or https only)');
  const database = decodeURIComponent(u.pathname.replace(/^\/+|\/+$/g, '')) || 'yunwei';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database))
    throw new Error(`YUNWEI_EVENTS_URL: 数据库名只能是字母、数字和下划线 (database name): ${database}`);
  const user = decodeURIComponent(u.username);
  const authorization = user ? `Basic ${Buffer.from(`${user}:${decodeURIComponent(u.password)}`).toString('base64')}` : null;
  return { base: `${u.protocol}//${u.host}/`, authorization, database };
}

type Part = { text: string } | { value: string } | { list: readonly string[] };

/** A statement with its values kept apart (chSql). */
export class ChQuery {
  readonly parts: readonly Part[];
  constructor(parts: readonly Part[]) {
    this.parts = parts;
  }
  /** The SQL text and the external-data rows that carry its values. */
  render(): { text: string; params: { k: string; v: string }[] } {
    const params: { k: string; v: string }[] = [];
    let text = '';
    for (const p of this.parts) {
      if ('text' in p) {
        text += p.text;
        continue;
      }
      const k = `p${params.length}`;
      if ('value' in p) {
        params.push({ k, v: p.value });
        text += `(SELECT any(v) FROM yp WHERE k = '${k}')`;
      } else {
        params.push(...p.list.map((v) => ({ k, v })));
        // An empty list still uploads a row, so the table `yp` the subquery reads exists.
        if (!p.list.length) params.push({ k: `${k}_none`, v: '' });
        text += `(SELECT v FROM yp WHERE k = '${k}')`;
      }
    }
    return { text, params };
  }
}

/** Code-chosen SQL (identifiers, fixed clauses): never user input. */
export const chRaw = (text: string) => new ChQuery([{ text }]);

export type ChValue = string | number | readonly string[] | ChQuery;

/**
 * Template tag: strings become scalar subqueries on the uploaded values, string arrays `IN`-able
 * subqueries, safe integers digits, and nested ChQuery fragments are spliced in.
 */
export function chSql(strings: TemplateStringsArray, ...values: ChValue[]): ChQuery {
  const parts: Part[] = [];
  strings.forEach((s, i) => {
    parts.push({ text: s });
    if (i >= values.length) return;
    const v = values[i]!;
    if (v instanceof ChQuery) parts.push(...v.parts);
    else if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new Error(`not a safe integer: ${v}`);
      parts.push({ text: String(v) });
    } else if (typeof v === 'string') parts.push({ value: v });
    else parts.push({ list: v });
  });
  return new ChQuery(parts);
}

/** Joins fragments with a separator (conditions with AND…). */
export function chJoin(list: readonly ChQuery[], sep: string): ChQuery {
  return new ChQuery(list.flatMap((q, i) => (i ? [{ text: sep }, ...q.parts] : [...q.parts])));
}

/** 503 when ClickHouse cannot be reached (after the retries), 502 when it answered with an error. */
export class EventStoreUnavailable extends AppError {
  constructor(detail: string, answered = false) {
    super(
      answered ? 502 : 503,
      answered ? 'events.store_error' : 'events.store_unavailable',
      answered ? `事件库（ClickHouse）返回错误：${detail}` : `事件库（ClickHouse）暂时无法访问：${detail}`,
    );
  }
}

const TIMEOUT_MS = 30_000;
const ATTEMPTS = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A failure that happened before the server could have seen the request (safe to resend an INSERT). */
function notSent(e: unknown): boolean {
  const code = (e as { cause?: { code?: string } }).cause?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}

/**
 * One POST, retried with backoff (200 ms doubling) on a network failure or 502/503/504. An INSERT
 * (`idempotent: false`) is resent only when the connection was never made: a timeout after sending
 * may have stored the rows, and the collector runtime retries the whole batch itself.
 */
async function post(t: ChTarget, search: Record<string, string>, body: string | FormData, idempotent: boolean): Promise<string> {
  const url = new URL(t.base);
  // No `database` parameter: statements name `db`.table, and the database may not exist yet.
  for (const [k, v] of Object.entries(search)) url.searchParams.set(k, v);
  const headers: Record<string, string> = {};
  if (t.authorization) headers.authorization = t.authorization;
  let last: string;
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
      const text = await res.text();
      if (res.ok) return text;
      last = `HTTP ${res.status} ${text.trim().slice(0, 300)}`;
      if (![502, 503, 504].includes(res.status)) throw new EventStoreUnavailable(last, true);
      if (!idempotent) throw new EventStoreUnavailable(last);
    } catch (e) {
      if (e instanceof EventStoreUnavailable) throw e;
      last =
        e instanceof Error
          ? `${e.message}${(e as { cause?: Error }).cause ? ` (${(e as { cause?: Error }).cause!.message})` : ''}`
          : String(e);
      if (!idempotent && !notSent(e)) throw new EventStoreUnavailable(last);
    }
    if (attempt >= ATTEMPTS) throw new EventStoreUnavailable(last);
    await sleep(200 * 2 ** (attempt - 1));
  }
}

function form(q: ChQuery): { search: Record<string, string>; body: string | FormData } {
  const { text, params } = q.render();
  if (!params.length) return { search: {}, body: text };
  const f = new FormData();
  f.append('yp', new Blob([params.map((p) => JSON.stringify(p)).join('\n')]), 'yp.json');
  return { search: { query: text, yp_format: 'JSONEachRow', yp_structure: 'k String, v String' }, body: f };
}

/** A statement without result (DDL, ALTER …). */
export async function chExec(t: ChTarget, q: ChQuery): Promise<void> {
  const { search, body } = form(q);
  await post(t, search, body, true);
}

/** The rows of a SELECT (FORMAT JSON is appended; 64-bit integers arrive as strings). */
export async function chSelect<T>(t: ChTarget, q: ChQuery): Promise<T[]> {
  const { search, body } = form(new ChQuery([...q.parts, { text: ' FORMAT JSON' }]));
  const text = await post(t, search, body, true);
  return (JSON.parse(text) as { data: T[] }).data;
}

/** Appends rows to a table of the database (one INSERT … FORMAT JSONEachRow). */
export async function chInsert(t: ChTarget, table: string, rows: readonly object[]): Promise<void> {
  if (!rows.length) return;
  const body = rows.map((r) => JSON.stringify(r)).join('\n');
  await post(t, { query: `INSERT INTO ${table} FORMAT JSONEachRow` }, body, false);
}
