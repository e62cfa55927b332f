// The security headers of every answer (等保 2.0 secure communication; ARCHITECTURE.md "Security
// model"): helmet's headers with the product's content security policy. They are the same for every
// request, so helmet runs once at start and each answer copies the result. (@fastify/helmet rebuilt
// the whole helmet configuration, CSP parsing included, on every request: 3 % of a request's CPU.)
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export interface SecurityHeaderOptions {
  /** Strict-Transport-Security, only when the product is served over HTTPS. */
  hsts: boolean;
}

/** The headers helmet sets for these options, computed by running its middleware once. */
export function securityHeaders(o: SecurityHeaderOptions): Record<string, string> {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design's CSS-in-JS injects style elements
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: o.hsts ? { maxAge: 31536000 } : false,
  });
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failed: Error | null = null;
  middleware({} as never, res as never, (e?: unknown) => {
    if (e) failed = e instanceof Error ? e : new Error('helmet failed');
  });
  if (failed) throw failed;
  return headers;
}

/**
 * Sets the security headers on every answer, on the raw response so that answers a route writes
 * itself (the bell's event stream) carry them too; a route may still replace one (Node gives the
 * headers of writeHead precedence), e.g. a file's sandbox CSP.
 */
export function registerSecurityHeaders(app: FastifyInstance, o: SecurityHeaderOptions): void {
  const headers = Object.entries(securityHeaders(o));
  app.addHook('onRequest', async (_req, reply) => {
    for (const [k, v] of headers) reply.raw.setHeader(k, v);
  });
}
