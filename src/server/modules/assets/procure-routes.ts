// Routes of the procurement consulting (inquiries, quotes, purchase requests, receipt).
import type { FastifyInstance } from 'fastify';

export async function procureRoutes(_app: FastifyInstance): Promise<void> {}
