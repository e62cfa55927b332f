// Org master data routes: read with org.read, edit with org.write.
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { defineRoute } from '../../kernel/http.ts';
import type { crud } from '../../kernel/crud.ts';
import type { Ctx } from '../../kernel/context.ts';
import type { PagedTotal } from '../../kernel/db/paged-total.ts';
import { listXlsx } from '../../kernel/office/list-export.ts';
import { departments, rooms } from './tables.ts';
import { orgColumns, partyColumns, type OrgList } from './exports.ts';
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
type Row = Record<string, unknown>;

/** list / get / create / update / delete for one kind of record (its five contracts: common/org.api.ts). */
function resource(
  app: FastifyInstance,
  o: {
    api: ResourceApi;
    tag: string;
    name: string;
    store: Store;
    list: OrgList;
    where?: (q: Record<string, unknown>) => ReturnType<typeof peopleWhere>;
  },
): void {
  const list = (ctx: Ctx, q: Record<string, unknown>, page: number, pageSize: number) =>
    o.store.list(ctx, { q: q.q as string | undefined, page, pageSize, where: o.where?.(q) }) as Promise<{ items: Row[] } & PagedTotal>;
  defineRoute(app, {
    ...o.api.list,
    summary: `${o.name}列表`,
    tags: [o.tag],
    access: 'org.read',
    handler: async (ctx, { query }) => {
      const q = query as Row & { page: number; pageSize: number };
      return list(ctx, q, q.page, q.pageSize);
    },
  });
  defineRoute(app, {
    ...o.api.export,
    summary: `导出${o.name}列表（Excel，筛选同列表）`,
    tags: [o.tag],
    access: 'org.read',
    handler: async (ctx, { query }) => {
      const q = query as Row;
      return listXlsx<Row>(ctx, {
        title: o.name,
        objectType: o.store.objectType,
        query: q,
        list: (page, pageSize) => list(ctx, q, page, pageSize),
        columns: (rows) => orgColumns(ctx, o.list, rows),
      });
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
    ...orgApi.exportParties,
    summary: '导出合同各方（Excel，筛选同列表）',
    tags: [tag],
    access: 'org.read',
    handler: async (ctx, { query }) =>
      listXlsx(ctx, {
        title: '单位',
        objectType: 'party',
        query,
        list: async (page, pageSize) => (await partyStore.list(ctx, { ...query, page, pageSize })) as { items: Row[] } & PagedTotal,
        columns: partyColumns,
      }),
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

  resource(app, { api: orgApi.sites, tag, name: '地点', list: 'sites', store: siteStore as unknown as Store });
  resource(app, {
    api: orgApi.rooms,
    list: 'rooms',
    tag,
    name: '房间',
    store: roomStore as unknown as Store,
    where: (q) => (typeof q.siteId === 'string' ? eq(rooms.siteId, q.siteId) : undefined),
  });
  resource(app, {
    api: orgApi.departments,
    list: 'departments',
    tag,
    name: '部门',
    store: departmentStore as unknown as Store,
    where: (q) => (typeof q.partyId === 'string' ? eq(departments.partyId, q.partyId) : undefined),
  });
  resource(app, {
    api: orgApi.people,
    list: 'people',
    tag,
    name: '人员',
    store: personStore as unknown as Store,
    where: (q) => peopleWhere({ partyId: q.partyId as string | undefined, phone: q.phone as string | undefined }),
  });
}
