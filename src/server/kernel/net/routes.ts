// The outbound policy's screen (system administrator): GET/PUT /api/admin/outbound.
import type { FastifyInstance } from 'fastify';
import { notifyApi } from '../../../common/notify.api.ts';
import { defineRoute } from '../http.ts';
import { inTx } from '../context.ts';
import { outboundPolicy, saveOutboundPolicy } from './policy.ts';

export async function outboundRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['notify'];
  defineRoute(app, {
    ...notifyApi.outbound,
    summary: '外发访问策略 Where robots and the SMTP server may be',
    tags,
    access: 'notify.admin',
    handler: async (ctx) => {
      const p = await outboundPolicy(ctx);
      return { allowPrivate: p.allowPrivate, allow: [...p.allow] };
    },
  });
  defineRoute(app, {
    ...notifyApi.saveOutbound,
    summary: '修改外发访问策略 Set where robots and the SMTP server may be',
    tags,
    access: 'notify.admin',
    handler: async (ctx, { body }) => {
      const p = await inTx(ctx, (tx) => saveOutboundPolicy(tx, body));
      return { allowPrivate: p.allowPrivate, allow: [...p.allow] };
    },
  });
}
