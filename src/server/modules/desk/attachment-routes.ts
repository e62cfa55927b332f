// Routes of the ticket attachments and photos.
import type { FastifyInstance } from 'fastify';

export async function attachmentRoutes(_app: FastifyInstance): Promise<void> {}
