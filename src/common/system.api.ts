// Contracts of the platform's own routes: health, the modules this site runs, the global search.
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { ZModuleList, ZSearchQuery, ZSearchResult } from './system.ts';

/** A collector as GET /api/health shows it: state and lag to anyone, counters and errors to a signed-in user. */
const ZCollectorState = z.looseObject({ id: z.string(), node: z.string(), state: z.string(), lagMs: z.number() });

export const systemApi = {
  // Registered by the app itself (src/server/app.ts), before any module's routes.
  health: endpoint({
    method: 'GET',
    path: '/api/health',
    response: z.object({ status: z.literal('ok'), database: z.string(), version: z.string(), collectors: z.array(ZCollectorState) }),
  }),
  modules: endpoint({ method: 'GET', path: '/api/modules', response: ZModuleList }),
  search: endpoint({ method: 'GET', path: '/api/search', query: ZSearchQuery, response: ZSearchResult }),
};
