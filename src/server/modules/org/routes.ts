// Org master data routes: read with org.read, edit with org.write.
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { defineRoute } from '../../kernel/http.ts';
import type { crud } from '../../kernel/crud.ts';
import { departments, rooms } from './tables.ts';
import {
  addBankAccount,
  departmentStore,
  getPartyWithAccounts,
  markBankAccountNotified,
  partyStore,
  peopleWhere,
  personStore,
  roomStore,
  siteStore,
} from './service.ts';
import { orgApi, type ResourceApi } from '../../../common/org.api.ts';

type Store = ReturnType<typeof crud>;

/** list / get / create / update / delete for one kind of record (its five contracts: common/org.api.ts). */
function resource(
  app: FastifyInstance,
  o: {
    api: ResourceApi;
    tag: string;
    name: string;
    store: Store;
    where?: (q: Record<string, unknown>) => ReturnType<typeof peopleWhere>;
  },
): void {
  defineRoute(app, {
    ...o.api.list,
    summary: `${o.name}列表`,
    tags: [o.tag],
    access: 'org.read',
    handler: async (ctx, { query: q }) => {
      const args = q as { q?: string; page: number; pageSize: number };
      return o.store.list(ctx, { q: args.q, page: args.page, pageSize: args.pageSize, where: o.where?.(q as Record<string, unknown>) });
    },
  });
  defineRoute(app, {
    ...o.api.get,
    summary: `${o.name}详情`,
    tags: [o.tag],
    access: 'org.read',
    handler: async (ctx, { params }) => o.store.get(ctx, params.id),
  });
  defineRoute(app, {
    ...o.api.create,
    summary: `新建${o.name}`,
    tags: [o.tag],
    access: 'org.write',
    handler: async (ctx, { body }) => o.store.create(ctx, body as never),
  });
  defineRoute(app, {
    ...o.api.update,
    summary: `修改${o.name}`,
    tags: [o.tag],
    access: 'org.write',
    handler: async (ctx, { params, body }) => o.store.update(ctx, params.id, body as never),
  });
  defineRoute(app, {
    ...o.api.remove,
    summary: `删除${o.name}`,
    tags: [o.tag],
    access: 'org.write',
    handler: async (ctx, { params }) => {
      await o.store.remove(ctx, params.id);
      return { ok: true };
    },
  });
}

export async function orgRoutes(app: FastifyInstance): Promise<void> {
  const tag = 'org';
  defineRoute(app, {
    ...orgApi.listParties,
    summary: '合同各方 Parties',
    tags: [tag],
    access: 'org.read',
    handler: async (ctx, { query }) => partyStore.list(ctx, query),
  });
  defineRoute(app, {
    ...orgApi.getParty,
    summary: '单位详情（含银行账户）',
    tags: [tag],
    access: 'org.read',
    handler: async (ctx, { params }) => getPartyWithAccounts(ctx, params.id),
  });
  defineRoute(app, {
    ...orgApi.createParty,
    summary: '新建单位',
    tags: [tag],
    access: 'org.write',
    handler: async (ctx, { body }) => partyStore.create(ctx, body),
  });
  defineRoute(app, {
    ...orgApi.updateParty,
    summary: '修改单位（地址、电话、邮箱为合同约定的唯一有效联系方式）',
    tags: [tag],
    access: 'org.write',
    handler: async (ctx, { params, body }) => partyStore.update(ctx, params.id, body),
  });
  defineRoute(app, {
    ...orgApi.addBankAccount,
    summary: '登记结算账户变更（7 日内书面告知）',
    tags: [tag],
    access: 'org.write',
    handler: async (ctx, { params, body }) => addBankAccount(ctx, params.id, body),
  });
  defineRoute(app, {
    ...orgApi.bankAccountNotified,
    summary: '记录已书面告知账户变更',
    tags: [tag],
    access: 'org.write',
    handler: async (ctx, { params, body }) => markBankAccountNotified(ctx, params.id, params.accountId, body.notifiedOn),
  });

  resource(app, { api: orgApi.sites, tag, name: '地点', store: siteStore as unknown as Store });
  resource(app, {
    api: orgApi.rooms,
    tag,
    name: '房间',
    store: roomStore as unknown as Store,
    where: (q) => (typeof q.siteId === 'string' ? eq(rooms.siteId, q.siteId) : undefined),
  });
  resource(app, {
    api: orgApi.departments,
    tag,
    name: '部门',
    store: departmentStore as unknown as Store,
    where: (q) => (typeof q.partyId === 'string' ? eq(departments.partyId, q.partyId) : undefined),
  });
  resource(app, {
    api: orgApi.people,
    tag,
    name: '人员',
    store: personStore as unknown as Store,
    where: (q) => peopleWhere({ partyId: q.partyId as string | undefined, phone: q.phone as string | undefined }),
  });
}
