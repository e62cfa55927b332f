// Serves the built single-page app (dist/web) with a fallback to index.html for client routes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export async function registerWeb(app: FastifyInstance, webDir: string): Promise<boolean> {
  if (!existsSync(join(webDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    // Look files up per request, so a rebuilt web app is served without a restart; unknown paths
    // fall through to the not-found handler, which answers client routes with index.html.
    wildcard: true,
    index: ['index.html'],
    maxAge: '1h',
    setHeaders(res, path) {
      if (path.endsWith('index.html')) res.header('cache-control', 'no-cache');
      else if (path.includes('/static/')) res.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  return true;
}
