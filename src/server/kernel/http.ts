// Routes are thin: permission -> validate (Zod) -> service -> response (STYLE.md 2). Every route is
// declared through defineRoute so its permission is known (the 403 matrix test walks them all) and
// its schemas reach OpenAPI.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import { forbiddenTextPaths } from '../../common/text.ts';
import { auditAlone } from './audit.ts';
import type { Ctx } from './context.ts';
import { Download } from './download.ts';
import { AppError, Forbidden, Invalid, Unauthorized, type FieldError } from './errors.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteInfo {
  method: Method;
  url: string;
  /** 'public': no sign-in; 'user': any signed-in user; otherwise the permission needed, or several joined by '|' (any of them). */
  access: string;
  allowPending: boolean;
  /** The request schemas, for checks that walk every route (the hostile-input suite). */
  schemas?: { body?: ZodType | undefined; query?: ZodType | undefined; params?: ZodType | undefined };
}

type Infer<T> = T extends ZodType ? z.output<T> : undefined;

export interface RouteSpec<B extends ZodType | undefined, Q extends ZodType | undefined, P extends ZodType | undefined> {
  method: Method;
  /** The URL under the plugin's prefix, for a route without a contract (a module defined in a test). */
  url?: string;
  /** From the route's contract (`...deskApi.getTicket`, src/common/*.api.ts): the full path, prefix included. */
  path?: string;
  summary: string;
  tags: string[];
  access: 'public' | 'user' | (string & {});
  /** Routes a session may call while it still owes a step (change password, TOTP). */
  allowPending?: boolean;
  body?: B;
  query?: Q;
  params?: P;
  response?: ZodType;
  status?: number;
  /** A stream the handler sends itself (server-sent events), or a file the handler returns as a Download. */
  raw?: boolean;
  /** The handler reads a multipart upload itself (kernel/files/upload.ts). */
  multipart?: boolean;
  /**
   * A write that cannot change a session, a user or a role (logging a ticket): answering it leaves the
   * sessions cached (kernel/auth/session-lookup.ts), which every other write makes be read again.
   */
  keepsSessions?: boolean;
  handler: (
    ctx: Ctx,
    input: { body: Infer<B>; query: Infer<Q>; params: Infer<P> },
    req: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<unknown>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    keepsSessions?: boolean;
  }
  interface FastifyInstance {
    yunweiRoutes: RouteInfo[];
  }
  interface FastifyRequest {
    ctx: Ctx;
    pending: string | null;
  }
}

const jsonSchema = (s: ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(s, { target: 'draft-7', io, unrepresentable: 'any' }) as Record<string, unknown>;

function zodErrors(e: z.ZodError, root: string): FieldError[] {
  return e.issues.map((i) => ({ path: [root, ...i.path.map(String)].join('.'), message: i.message }));
}

function parse<T extends ZodType>(schema: T, value: unknown, root: string): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const errors = zodErrors(r.error, root);
    throw new Invalid('validation', `请求参数有误：${errors.map((e) => `${e.path} ${e.message}`).join('；')}`, errors);
  }
  return r.data;
}

/** Issue 11 point 4: no string of a request may hold what the database or the Office files refuse. */
function refuseForbiddenText(req: FastifyRequest): void {
  const bad = [
    ...forbiddenTextPaths(req.params, 'params'),
    ...forbiddenTextPaths(req.query, 'query'),
    ...(Buffer.isBuffer(req.body) ? [] : forbiddenTextPaths(req.body, 'body')),
  ];
  if (bad.length)
    throw new Invalid(
      'text.forbidden_chars',
      '输入中含有无法保存的字符（如空字符、控制字符或不完整的 Unicode 字符），请删除后重试',
      bad.map((path) => ({ path, message: '含有无法保存的字符' })),
    );
}

export function checkAccess(req: FastifyRequest, access: string, allowPending: boolean): void {
  if (access === 'public') return;
  const actor = req.ctx.actor;
  if (!actor) throw new Unauthorized();
  if (req.pending && !allowPending) throw new Forbidden(req.pending, pendingMessage(req.pending), { next: req.pending });
  if (access !== 'user' && !permissionsIn(access).some((p) => actor.permissions.has(p)))
    throw new Forbidden('auth.forbidden', '没有执行此操作的权限', { permission: access });
}

/** The permissions of an access string: 'a.read|a.self' lets in a holder of either. */
export function permissionsIn(access: string): string[] {
  return access.split('|');
}

function pendingMessage(step: string): string {
  switch (step) {
    case 'change_password':
      return '请先修改初始密码';
    case 'enroll_totp':
      return '管理员账号须先绑定动态口令（TOTP）';
    default:
      return '请先输入动态口令';
  }
}

/**
 * 等保 8.1.4.3: every state-changing request that succeeds leaves an audit record. Services record
 * their own, with before and after; a route whose service recorded none gets the kernel's record of
 * the request itself (who, what route, which ids) and a warning in the log naming the route.
 */
async function auditedWrite(req: FastifyRequest, reply: FastifyReply, spec: { method: Method; url: string; status?: number }) {
  const status = reply.statusCode >= 300 ? reply.statusCode : (spec.status ?? 200);
  if (req.ctx.trail?.audited || status >= 400) return;
  const route = `${spec.method} ${req.routeOptions.url ?? spec.url}`;
  req.log.warn({ route }, 'write route recorded no audit entry of its own; the kernel recorded the request');
  await auditAlone(req.ctx, { action: 'api.write', objectType: 'route', objectId: route, detail: { params: req.params, status } });
}

/**
 * The URL a route is registered under inside its plugin: a contract's path less the plugin's prefix
 * (`/api/tickets/:id` → `/tickets/:id` under `/api`), so the route answers exactly where the web calls it.
 */
function routeUrl(app: FastifyInstance, spec: { method: Method; url?: string; path?: string }): string {
  if (spec.url !== undefined) return spec.url;
  if (spec.path === undefined || !spec.path.startsWith(`${app.prefix}/`))
    throw new Error(`route ${spec.method} ${spec.path ?? '(no path)'}: the contract's path must start with the prefix ${app.prefix}`);
  return spec.path.slice(app.prefix.length);
}

export function defineRoute<
  B extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  P extends ZodType | undefined = undefined,
>(app: FastifyInstance, spec: RouteSpec<B, Q, P>): void {
  const allowPending = spec.allowPending ?? false;
  const url = routeUrl(app, spec);
  app.yunweiRoutes.push({
    method: spec.method,
    url: app.prefix + url,
    access: spec.access,
    allowPending,
    schemas: { body: spec.body, query: spec.query, params: spec.params },
  });
  const schema: Record<string, unknown> = {
    summary: spec.summary,
    tags: spec.tags,
    ...(spec.access !== 'public' ? { security: [{ session: [] }, { bearer: [] }] } : {}),
    ...(spec.access !== 'public' && spec.access !== 'user' ? { description: `权限 permission: \`${spec.access}\`` } : {}),
  };
  if (spec.body) schema.body = jsonSchema(spec.body, 'input');
  if (spec.query) schema.querystring = jsonSchema(spec.query, 'input');
  if (spec.params) schema.params = jsonSchema(spec.params, 'input');
  if (spec.response) schema.response = { [spec.status ?? 200]: jsonSchema(spec.response, 'output') };
  app.route({
    method: spec.method,
    url,
    schema,
    ...(spec.keepsSessions ? { config: { keepsSessions: true } } : {}),
    handler: async (req, reply) => {
      checkAccess(req, spec.access, allowPending);
      refuseForbiddenText(req);
      const input = {
        body: (spec.body ? parse(spec.body, req.body ?? {}, 'body') : undefined) as Infer<B>,
        query: (spec.query ? parse(spec.query, req.query ?? {}, 'query') : undefined) as Infer<Q>,
        params: (spec.params ? parse(spec.params, req.params ?? {}, 'params') : undefined) as Infer<P>,
      };
      const out = await spec.handler(req.ctx, input, req, reply);
      if (spec.method !== 'GET') await auditedWrite(req, reply, { method: spec.method, url, status: spec.status });
      if (out instanceof Download) return sendDownload(reply, out);
      if (spec.raw) return reply;
      reply.code(spec.status ?? 200);
      return out ?? (spec.status === 204 ? undefined : { ok: true });
    },
  });
}

/** RFC 6266 / RFC 5987: an ASCII fallback and the exact UTF-8 name in filename*. */
export function contentDisposition(type: 'inline' | 'attachment', name: string, asciiName?: string): string {
  const fallback = asciiName ?? (name.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'file');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Sends a service's file: its type, its name as an attachment (or inline), its own headers. */
async function sendDownload(reply: FastifyReply, d: Download): Promise<FastifyReply> {
  void reply
    .header('content-type', d.contentType)
    .header('content-disposition', contentDisposition(d.inline ? 'inline' : 'attachment', d.filename, d.asciiName));
  for (const [k, v] of Object.entries(d.headers)) void reply.header(k, v);
  await reply.send(d.body);
  return reply;
}

export { AppError };
