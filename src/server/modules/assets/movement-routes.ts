// Routes of the asset movements (requests approved per level), relations, lines and end-of-support cases.
import type { FastifyInstance } from 'fastify';

export async function movementRoutes(_app: FastifyInstance): Promise<void> {}
