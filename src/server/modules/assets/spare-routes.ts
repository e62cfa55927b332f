// Routes of the spare parts (stock, minimum levels, issues and returns per ticket, reservations).
import type { FastifyInstance } from 'fastify';

export async function spareRoutes(_app: FastifyInstance): Promise<void> {}
