// The one way the web app talks to the server: same-origin fetch with the session cookie, the CSRF
// double-submit header on writes, JSON in and out, and RFC 9457 problems turned into ApiError.
import type { TProblem } from '../../common/api.ts';

const CSRF_COOKIE = 'yunwei_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: { path: string; message: string }[];
  readonly problem: Partial<TProblem>;
  constructor(status: number, problem: Partial<TProblem>) {
    super(problem.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'network' : `http_${status}`);
    this.detail = problem.detail ?? '';
    this.errors = problem.errors ?? [];
    this.problem = problem;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Steps a session may owe after sign-in; the server answers 403 with one of these codes. */
export const PENDING_CODES = new Set(['change_password', 'enroll_totp', 'totp']);

type AuthListener = (e: ApiError) => void;
let authListener: AuthListener | null = null;
/** The app registers what to do when a request finds the session gone (401) or owing a step (403). */
export function onAuthProblem(fn: AuthListener | null): void {
  authListener = fn;
}

export function csrfToken(): string {
  const m = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return m ? decodeURIComponent(m.slice(CSRF_COOKIE.length + 1)) : '';
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not hand a 401 to the app-wide listener (sign-in form, session probe). */
  quiet401?: boolean;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE.has(method)) headers['X-CSRF-Token'] = csrfToken();
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'network', detail: '无法连接服务器，请检查网络后重试' });
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (res.ok) return data as T;
  const problem = (
    data && typeof data === 'object' ? data : { detail: typeof data === 'string' ? data.slice(0, 200) : '' }
  ) as Partial<TProblem>;
  const err = new ApiError(res.status, problem);
  if (res.status === 401 && !opts.quiet401) {
    if (authListener) authListener(err);
    else if (!window.location.pathname.startsWith('/login')) window.location.assign('/login');
  }
  if (res.status === 403 && PENDING_CODES.has(err.code)) authListener?.(err);
  throw err;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

export interface Paged<T> {
  items: T[];
  total: number;
}
