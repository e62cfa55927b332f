// Routes of the assets: classification, records, search, import and export, labels.
import type { FastifyInstance } from 'fastify';

export async function assetRoutes(_app: FastifyInstance): Promise<void> {}
