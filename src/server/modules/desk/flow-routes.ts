// Routes of the fault flow (documents, confirmation, work log, merge, follow-up, Word export).
import type { FastifyInstance } from 'fastify';

export async function flowRoutes(_app: FastifyInstance): Promise<void> {}
