// The one way the web app talks to the server: a route's contract (src/common/*.api.ts) called with
// same-origin fetch, the session cookie, the CSRF double-submit header on writes, JSON in and out,
// and RFC 9457 problems turned into ApiError. The contract types the input and the answer, so the
// web has no hand-written response types (issue 10 point 5).
import type { z } from 'zod';
import type { TProblem } from '../../common/api.ts';
import type { Endpoint } from '../../common/endpoint.ts';

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

export type Query = Record<string, unknown>;

/** The query string of the values that say something (no undefined, null or empty text). */
export function withQuery(path: string, query?: object): string {
  if (!query) return path;
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query) as [string, unknown][])
    if ((typeof v === 'string' && v !== '') || typeof v === 'number' || typeof v === 'boolean') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}

/** One part of a call's input: required when its schema has a required field, absent when the contract has none. */
type Part<K extends string, S> = [S] extends [z.ZodType]
  ? object extends z.input<S>
    ? { [P in K]?: z.input<S> }
    : { [P in K]: z.input<S> }
  : { [P in K]?: undefined };
type SchemaOf<E, K extends string> = E extends { [P in K]: infer S extends z.ZodType } ? S : undefined;

/** What a call sends: the path parameters, the query and the body, each typed by the contract's schema. */
export type CallInput<E extends Endpoint> = Part<'params', SchemaOf<E, 'params'>> &
  Part<'query', SchemaOf<E, 'query'>> &
  Part<'body', SchemaOf<E, 'body'>>;
/** What a call answers: the contract's response as the server sends it (204: nothing). */
export type Output<E extends Endpoint> = E extends { response: infer R extends z.ZodType } ? z.output<R> : void;
/** Files and streams are linked to (urlOf), not called. */
export type Callable = Endpoint & { raw?: false };

export interface CallOptions {
  signal?: AbortSignal;
  /** Do not hand a 401 to the app-wide listener (sign-in form, session probe). */
  quiet401?: boolean;
}
type Args<E extends Endpoint, Rest extends unknown[]> =
  object extends CallInput<E> ? [input?: CallInput<E>, ...rest: Rest] : [input: CallInput<E>, ...rest: Rest];

/** The URL of a route: its path with each `:name` filled in (encoded) and the query appended. */
export function urlOf<E extends Endpoint>(e: E, ...[input]: Args<E, []>): string {
  const { params = {}, query } = (input ?? {}) as { params?: Record<string, unknown>; query?: object };
  const path = e.path.replace(/:([A-Za-z][A-Za-z0-9_]*)/g, (_, k: string) => {
    const v = params[k];
    if ((typeof v !== 'string' || v === '') && typeof v !== 'number') throw new Error(`${e.method} ${e.path}: no value for :${k}`);
    return encodeURIComponent(String(v));
  });
  return withQuery(path, query);
}

/** Calls a route by its contract (src/common/*.api.ts): the URL, the body and the answer's type come from it. */
export function call<E extends Callable>(e: E, ...[input, opts]: Args<E, [opts?: CallOptions]>): Promise<Output<E>> {
  const body = e.method === 'GET' || e.method === 'DELETE' ? undefined : ((input as { body?: unknown } | undefined)?.body ?? {});
  return request<Output<E>>(e.method, urlOf(e, ...([input] as Args<E, []>)), { ...opts, body });
}

interface RequestOptions extends CallOptions {
  body?: unknown;
}

async function request<T>(method: string, url: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, url, 'application/json, application/problem+json', opts);
  if (res.status === 204) return undefined as T;
  return ((res.headers.get('content-type') ?? '').includes('json') ? await res.json().catch(() => null) : await res.text()) as T;
}

/**
 * One request with the session cookie and, on writes, the CSRF header: the response when it
 * succeeds, else its problem as an ApiError (a 401 also told to the app, a pending step too).
 */
export async function send(method: string, url: string, accept: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE.has(method)) headers['X-CSRF-Token'] = csrfToken();
  let res: Response;
  try {
    res = await fetch(url, {
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
  if (res.ok) return res;
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => null) : await res.text();
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
