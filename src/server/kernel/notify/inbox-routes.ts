// Routes of the the in-app bell and notification preferences.
import type { FastifyInstance } from 'fastify';

export async function inboxRoutes(_app: FastifyInstance): Promise<void> {}
