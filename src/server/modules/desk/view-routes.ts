// Routes of the queue views (saved filters, Excel export, my work, SLA risk board).
import type { FastifyInstance } from 'fastify';

export async function viewRoutes(_app: FastifyInstance): Promise<void> {}
