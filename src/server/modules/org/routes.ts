// Org master data routes: read with org.read, edit with org.write.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { ZIdParams, paged, patchOf } from '../../../common/api.ts';
import {
  ZBankAccount,
  ZBankAccountInput,
  ZBankNotified,
  ZDepartment,
  ZDepartmentInput,
  ZDepartmentQuery,
  ZListQuery,
  ZParty,
  ZPartyInput,
  ZPartyPatch,
  ZPeopleQuery,
  ZPerson,
  ZPersonInput,
  ZRoom,
  ZRoomInput,
  ZRoomQuery,
  ZSite,
  ZSiteInput,
} from '../../../common/org.ts';
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

type Store = ReturnType<typeof crud>;

/** list / get / create / update / delete for one kind of record. */
function resource(
  app: FastifyInstance,
  o: {
    path: string;
    tag: string;
    name: string;
    store: Store;
    input: z.ZodObject;
    item: z.ZodType;
    query?: z.ZodObject;
    where?: (q: Record<string, unknown>) => ReturnType<typeof peopleWhere>;
  },
): void {
  const query = o.query ?? ZListQuery;
  defineRoute(app, {
    method: 'GET',
    url: `/${o.path}`,
    summary: `${o.name}列表`,
    tags: [o.tag],
    access: 'org.read',
    query,
    response: paged(o.item),
    handler: async (ctx, { query: q }) => {
      const args = q as { q?: string; page: number; pageSize: number };
      return o.store.list(ctx, { q: args.q, page: args.page, pageSize: args.pageSize, where: o.where?.(q) });
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: `/${o.path}/:id`,
    summary: `${o.name}详情`,
    tags: [o.tag],
    access: 'org.read',
    params: ZIdParams,
    response: o.item,
    handler: async (ctx, { params }) => o.store.get(ctx, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: `/${o.path}`,
    summary: `新建${o.name}`,
    tags: [o.tag],
    access: 'org.write',
    body: o.input,
    response: o.item,
    status: 201,
    handler: async (ctx, { body }) => o.store.create(ctx, body as never),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: `/${o.path}/:id`,
    summary: `修改${o.name}`,
    tags: [o.tag],
    access: 'org.write',
    params: ZIdParams,
    body: patchOf(o.input),
    response: o.item,
    handler: async (ctx, { params, body }) => o.store.update(ctx, params.id, body as never),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: `/${o.path}/:id`,
    summary: `删除${o.name}`,
    tags: [o.tag],
    access: 'org.write',
    params: ZIdParams,
    handler: async (ctx, { params }) => {
      await o.store.remove(ctx, params.id);
      return { ok: true };
    },
  });
}

export async function orgRoutes(app: FastifyInstance): Promise<void> {
  const tag = 'org';
  defineRoute(app, {
    method: 'GET',
    url: '/parties',
    summary: '合同各方 Parties',
    tags: [tag],
    access: 'org.read',
    query: ZListQuery,
    response: paged(ZParty),
    handler: async (ctx, { query }) => partyStore.list(ctx, query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/parties/:id',
    summary: '单位详情（含银行账户）',
    tags: [tag],
    access: 'org.read',
    params: ZIdParams,
    response: ZParty,
    handler: async (ctx, { params }) => getPartyWithAccounts(ctx, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/parties',
    summary: '新建单位',
    tags: [tag],
    access: 'org.write',
    body: ZPartyInput,
    response: ZParty,
    status: 201,
    handler: async (ctx, { body }) => partyStore.create(ctx, body),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/parties/:id',
    summary: '修改单位（地址、电话、邮箱为合同约定的唯一有效联系方式）',
    tags: [tag],
    access: 'org.write',
    params: ZIdParams,
    body: ZPartyPatch,
    response: ZParty,
    handler: async (ctx, { params, body }) => partyStore.update(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/parties/:id/bank-accounts',
    summary: '登记结算账户变更（7 日内书面告知）',
    tags: [tag],
    access: 'org.write',
    params: ZIdParams,
    body: ZBankAccountInput,
    response: ZBankAccount,
    status: 201,
    handler: async (ctx, { params, body }) => addBankAccount(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/parties/:id/bank-accounts/:accountId/notified',
    summary: '记录已书面告知账户变更',
    tags: [tag],
    access: 'org.write',
    params: z.object({ id: z.uuid(), accountId: z.uuid() }),
    body: ZBankNotified,
    response: ZBankAccount,
    handler: async (ctx, { params, body }) => markBankAccountNotified(ctx, params.id, params.accountId, body.notifiedOn),
  });

  resource(app, { path: 'sites', tag, name: '地点', store: siteStore as unknown as Store, input: ZSiteInput, item: ZSite });
  resource(app, {
    path: 'rooms',
    tag,
    name: '房间',
    store: roomStore as unknown as Store,
    input: ZRoomInput,
    item: ZRoom,
    query: ZRoomQuery,
    where: (q) => (typeof q.siteId === 'string' ? eq(rooms.siteId, q.siteId) : undefined),
  });
  resource(app, {
    path: 'departments',
    tag,
    name: '部门',
    store: departmentStore as unknown as Store,
    input: ZDepartmentInput,
    item: ZDepartment,
    query: ZDepartmentQuery,
    where: (q) => (typeof q.partyId === 'string' ? eq(departments.partyId, q.partyId) : undefined),
  });
  resource(app, {
    path: 'people',
    tag,
    name: '人员',
    store: personStore as unknown as Store,
    input: ZPersonInput,
    item: ZPerson,
    query: ZPeopleQuery,
    where: (q) => peopleWhere({ partyId: q.partyId as string | undefined, phone: q.phone as string | undefined }),
  });
}
