// buildApp(deps): kernel plugins, then every module's routes.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Logger } from 'pino';
import type { Database } from './kernel/db/client.ts';
import type { Ctx } from './kernel/context.ts';
import { keyring } from './kernel/crypto.ts';
import { AppError, Forbidden, Unauthorized } from './kernel/errors.ts';
import { clientErrorHandler, frameworkErrors, instanceOf, registerProblemHandlers, sendProblem } from './kernel/http-errors.ts';
import { resolveApiToken, resolveSession } from './kernel/auth/service.ts';
import { forgetSessions } from './kernel/auth/session-lookup.ts';
import { forgetCappedTotals } from './kernel/db/paged-total.ts';
import { safeEqual } from './kernel/crypto.ts';
import { registerWeb } from './kernel/web.ts';
import { registerSecurityHeaders } from './kernel/security-headers.ts';
import { uploadMaxMbFrom } from './kernel/config.ts';
import { multipartOptions } from './kernel/files/upload.ts';
import { CSRF_COOKIE, csrfToken, SESSION_COOKIE } from './kernel/auth/routes.ts';
import { collectorHealth } from './kernel/collectors/health.ts';
import { installRegistry } from './kernel/catalogue.ts';
import { lazySerializers } from './kernel/lazy-serializers.ts';
import { defineRoute, permissionsIn } from './kernel/http.ts';
import { systemApi } from '../common/system.api.ts';
import type { ModuleManifest } from './kernel/module.ts';
import { ManifestError, type Registry } from './kernel/registry.ts';
import { registryOf } from './site.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface AppDeps {
  database: Database;
  secretKey: Buffer;
  clock?: () => Date;
  logger?: Logger | boolean;
  webDir?: string | null;
  /** Set false behind plain HTTP in tests; true sends Secure cookies. */
  secureCookies?: boolean;
  /** Largest upload in MiB (config uploadMaxMb); read from YUNWEI_UPLOAD_MAX_MB when not given. */
  uploadMaxMb?: number;
  /** The modules this app runs (src/server/modules/index.ts when not given; tests add their own). */
  modules?: readonly ModuleManifest[];
  /** The registry, when the caller built it already (a node); else built from `modules`. */
  registry?: Registry;
}

declare module 'fastify' {
  interface FastifyRequest {
    authError: AppError | null;
  }
  interface FastifyInstance {
    fastifyRoutes: { method: string; url: string }[];
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One log line per request, written when it is answered (who, what, how long), instead of Fastify's two. */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: req.method,
      url: req.url,
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      user: req.ctx?.actor?.username,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request');
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? (() => new Date());
  const registry = deps.registry ?? registryOf(deps.modules);
  installRegistry(registry);
  const keys = keyring(deps.secretKey);
  const app = Fastify({
    ...(typeof deps.logger === 'object' ? { loggerInstance: deps.logger } : { logger: deps.logger ?? false }),
    genReqId: () => randomUUID(),
    logController: new OneLinePerRequest(),
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: false,
    // A plugin (Swagger UI, the modules' routes) is not killed for being slow to register: on a busy
    // 2-core host the whole app took over Fastify's default 10 s, and the start failed for nothing.
    pluginTimeout: 0,
    ajv: { customOptions: { strict: false } },
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
    frameworkErrors,
    clientErrorHandler,
  }) as unknown as FastifyInstance;
  app.decorate('yunweiRoutes', []);
  // Every route Fastify serves, however it was declared: the audit check compares it with yunweiRoutes.
  app.decorate('fastifyRoutes', []);
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) app.fastifyRoutes.push({ method: m, url: r.url });
  });
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('pending', null);
  app.decorateRequest('authError', null);
  // Zod validates in defineRoute after the permission check; JSON Schemas are for OpenAPI only.
  app.setValidatorCompiler(() => () => true);

  await app.register(cookie, { secret: deps.secretKey.toString('hex') });
  // Uploads (kernel/files): one file per request, small fields, the size capped while it streams.
  app.decorate('uploadMaxBytes', (deps.uploadMaxMb ?? uploadMaxMbFrom(process.env)) * 1024 * 1024);
  await app.register(multipart, multipartOptions(app.uploadMaxBytes));
  registerSecurityHeaders(app, { hsts: !!deps.secureCookies });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Yunwei 运维 API',
        version: VERSION,
        description: '运维服务合同管理平台接口。会话 Cookie 或个人 API 令牌（Bearer）鉴权。',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Served over plain HTTP inside agency networks: never upgrade the page's own requests to HTTPS.
    transformStaticCSP: (header) => header.replace(/upgrade-insecure-requests;?/g, ''),
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    const ctx: Ctx = {
      db: deps.database.db,
      actor: null,
      ip: req.ip,
      requestId: req.id,
      now: clock,
      log: req.log as unknown as Logger,
      keys,
      trail: { audited: false },
    };
    req.ctx = ctx;
    if (!req.url.startsWith('/api/')) return;
    const auth = req.headers.authorization;
    try {
      if (auth?.startsWith('Bearer ')) {
        ctx.actor = await resolveApiToken(ctx, auth.slice(7).trim());
      } else {
        const sid = req.cookies[SESSION_COOKIE];
        if (sid) {
          const s = await resolveSession(ctx, sid);
          ctx.actor = s.actor;
          req.pending = s.pending;
        }
      }
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      req.authError = e;
      if (e.code === 'auth.session_expired') reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    // CSRF: a cookie session's writes echo the readable cookie in X-CSRF-Token, and both are the
    // token of this very session (kernel/auth/routes.ts csrfToken).
    if (ctx.actor?.via === 'session' && !SAFE.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      const cookieValue = req.cookies[CSRF_COOKIE];
      const expected = csrfToken(keys, ctx.actor.sessionId ?? '');
      if (typeof header !== 'string' || !cookieValue || !safeEqual(header, cookieValue) || !safeEqual(header, expected))
        throw new Forbidden('csrf.invalid', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
    }
  });
  // Sessions cached for a moment (kernel/auth/session-lookup.ts) are read again after any write this
  // process answers, before its answer leaves: a sign-out, a password change or a role change applies
  // to the very next request. Writes that cannot change one (defineRoute's keepsSessions) keep them.
  app.addHook('onSend', (req, _reply, payload, done) => {
    if (!SAFE.has(req.method)) {
      if (!req.routeOptions.config?.keepsSessions) forgetSessions();
      forgetCappedTotals(); // a list's remembered "超过 1,000 条" (kernel/db/paged-total.ts) is counted again
    }
    done(null, payload);
  });
  // A route that needs a user reports why the credentials were refused (expired session, bad token).
  app.addHook('preHandler', async (req) => {
    if (req.authError && !req.ctx.actor && !isPublic(app, req)) throw req.authError;
  });

  registerProblemHandlers(app);

  await app.register(
    async (api) => {
      defineRoute(api, {
        ...systemApi.health,
        summary: '健康检查 Health',
        tags: ['system'],
        access: 'public',
        allowPending: true,
        handler: async (ctx) => {
          const { nodes } = await collectorHealth(deps.database.db, clock());
          // Anyone sees each collector's state and lag; counters and the last error (which may name a
          // device's address) only a signed-in user.
          const collectors = nodes.flatMap((n) =>
            n.collectors.map((c) =>
              ctx.actor ? { ...c, node: n.node, seenAt: n.seenAt } : { id: c.id, node: n.node, state: c.state, lagMs: c.lagMs },
            ),
          );
          return { status: 'ok' as const, database: deps.database.kind, version: VERSION, collectors };
        },
      });
      const moduleDeps = { registry, secureCookies: deps.secureCookies ?? false };
      for (const m of registry.modules) for (const plugin of m.routes ?? []) await plugin(api, moduleDeps);
    },
    { prefix: '/api' },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  checkRouteAccess(app, registry);

  const webDir = deps.webDir === undefined ? join(ROOT, 'dist/web') : deps.webDir;
  const hasWeb = webDir ? await registerWeb(app, webDir) : false;
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, new AppError(404, 'route.not_found', `接口不存在：${req.method} ${instanceOf(req)}`), instanceOf(req));
  });
  return app;
}

/** Every route names permissions some module declares: a typo is refused at start, not found as a 403 later. */
function checkRouteAccess(app: FastifyInstance, registry: Registry): void {
  for (const r of app.yunweiRoutes) {
    if (r.access === 'public' || r.access === 'user') continue;
    for (const p of permissionsIn(r.access).map((x) => x.replace(/^!/, '')))
      if (!registry.permissions.has(p)) throw new ManifestError(`接口 ${r.method} ${r.url} 要求的权限 "${p}" 没有任何模块声明`);
  }
}

function isPublic(app: FastifyInstance, req: FastifyRequest): boolean {
  const url = req.routeOptions.url ?? '';
  return app.yunweiRoutes.some((r) => r.access === 'public' && r.url === url && r.method === req.method);
}

export { Unauthorized };
