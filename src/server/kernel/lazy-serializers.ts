// Fastify's own response serializers (fast-json-stringify: only the fields a route's response schema
// declares leave the server), each compiled when its route first answers instead of all at start.
// Compiling the ~500 routes' serializers was the largest single step of building the app (about
// 0.5 s of a 6 s restart, docs/decisions/0012-server-bundle.md); most routes of a process never answer.
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type BuildSerializer = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildSerializer'];

/** The default serializer factory, each route's serializer built on its first use. */
export const lazySerializers: BuildSerializer = (externalSchemas, serializerOpts) => {
  const compile = SerializerSelector()(externalSchemas, serializerOpts);
  return (route) => {
    let serialize: ((doc: unknown) => string) | null = null;
    return (doc: unknown) => (serialize ??= compile(route))(doc);
  };
};
