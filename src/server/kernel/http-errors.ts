// Every error leaves as RFC 9457 application/problem+json with a stable code and a Chinese detail
// (issue 11 point 6) — the services' typed errors, and the framework's own too: a malformed URL, a URL
// or headers too long, a body too large or of a type not accepted, broken JSON, and errors the HTTP
// parser raises before Fastify sees a request. Refusals (403, CSRF) are audited, a few per actor per
// minute so that a flood cannot fill the log (point 7).
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditAlone } from './audit.ts';
import { AppError, toProblem } from './errors.ts';
import { RateLimiter } from './ratelimit.ts';

/** Longer request targets are refused with 414 (Node itself stops at 16 KiB of headers with 431). */
export const MAX_URL_LENGTH = 8192;

const PROBLEM = 'application/problem+json';

/** The AppError a thrown value stands for; anything unexpected is a logged 500 that says nothing more. */
export function appErrorOf(err: unknown, req: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  const fe = err as { statusCode?: number; code?: string; message?: string };
  const code = fe.code ?? '';
  if (fe.statusCode === 413 || code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError(413, 'payload_too_large', '请求内容过大');
  if (fe.statusCode === 415 || code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new AppError(415, 'unsupported_media_type', '不支持的内容类型，请使用 application/json');
  if (code.startsWith('FST_ERR_CTP')) return new AppError(400, 'bad_json', '请求体不是有效的 JSON');
  if (code === 'FST_ERR_BAD_URL' || code === 'FST_ERR_INVALID_URL') return new AppError(400, 'bad_url', '请求地址格式有误');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return new AppError(fe.statusCode, 'bad_request', '请求有误，无法处理');
  req.log.error({ err }, 'unhandled error');
  return new AppError(500, 'internal', '服务器内部错误，请稍后重试或联系系统管理员');
}

export function sendProblem(reply: FastifyReply, e: AppError, instance: string): FastifyReply {
  return reply
    .code(e.status)
    .type(PROBLEM)
    .send(toProblem(e, instance.slice(0, 200)));
}

/** The request's path without its query, cut short: what `instance` names. */
export const instanceOf = (req: FastifyRequest) => req.url.split('?')[0]!.slice(0, 200);

const refusals = new RateLimiter(10, 60_000);
const OWED_STEPS = new Set(['change_password', 'enroll_totp', 'totp']);

/** Audits a refused request (403): who, which route, why; at most 10 records per actor per minute. */
async function auditRefusal(req: FastifyRequest, e: AppError): Promise<void> {
  const ctx = req.ctx;
  if (!ctx) return;
  const who = ctx.actor?.id ?? `ip:${req.ip}`;
  if (!refusals.hit(who, Date.now())) return;
  await auditAlone(ctx, {
    action: 'auth.denied',
    objectType: 'route',
    objectId: `${req.method} ${req.routeOptions.url ?? instanceOf(req)}`.slice(0, 300),
    success: false,
    detail: { code: e.code, ...(e.extra?.permission ? { permission: e.extra.permission } : {}) },
  }).catch((err: unknown) => req.log.error({ err }, 'could not audit a refusal'));
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    if (req.url.length > MAX_URL_LENGTH) throw new AppError(414, 'uri_too_long', '请求地址过长');
  });
  app.setErrorHandler(async (err, req, reply) => {
    const e = appErrorOf(err, req);
    // A session that still owes a step (new password, TOTP) is guided there, not refused.
    if (e.status === 403 && !OWED_STEPS.has(e.code)) await auditRefusal(req, e);
    return sendProblem(reply, e, instanceOf(req));
  });
}

/** Fastify's own refusals before routing (a URL it cannot decode), as problems. */
export function frameworkErrors(err: Error, req: FastifyRequest, reply: FastifyReply): void {
  void sendProblem(reply, appErrorOf(err, req), '/');
}

/**
 * What the HTTP parser refuses before there is a request (headers too large, a malformed request
 * line): answered on the socket itself, still as problem+json, then the connection is closed.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const e =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError(431, 'headers_too_large', '请求头过大')
      : err.code === 'HPE_URI_TOO_LONG'
        ? new AppError(414, 'uri_too_long', '请求地址过长')
        : new AppError(400, 'bad_request', '请求格式有误，无法处理');
  const body = JSON.stringify(toProblem(e));
  const reason = { 400: 'Bad Request', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' }[e.status] ?? 'Bad Request';
  socket.end(
    `HTTP/1.1 ${e.status} ${reason}\r\nContent-Type: ${PROBLEM}; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
