// One contract per route (issue 10 point 5, STYLE.md 3): method, path and Zod schemas, declared once
// here in common/ and used by both sides. The server registers the route from it (defineRoute takes
// the contract, the schemas validate the input and filter the output) and the web calls it (call,
// useCall, urlOf in src/web/api), so the web's types are the server's schemas. Contracts live in a
// `<domain>.api.ts` beside the domain's schemas, exported as one object named `<domain>Api`.
import { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
  method: Method;
  /** The path as the browser calls it, `/api` included, with `:name` for each path parameter. */
  path: `/api/${string}`;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The answer on success; none for 204 and for raw routes. */
  response?: z.ZodType;
  /** The success status when not 200. */
  status?: number;
  /** A file (Excel, Word, PDF) or a stream (server-sent events): linked to, not called as JSON. */
  raw?: boolean;
  /** A multipart/form-data upload (one file and small fields), sent with upload progress. */
  multipart?: boolean;
}

/** Declares a route's contract; the object comes back with its literal types kept. */
export function endpoint<const E extends Endpoint>(e: E): E {
  return e;
}

/** The answer of a write that has nothing else to say. */
export const ZOk = z.object({ ok: z.literal(true) });

/** The `:name` parameters of a path, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
}
