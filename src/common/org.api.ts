// Contracts of the org master data: parties with their bank accounts, and four kinds of records with
// the same five routes each (sites, rooms, departments, people).
import { z } from 'zod';
import { ZIdParams, paged, patchOf } from './api.ts';
import { ZOk, endpoint } from './endpoint.ts';
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
} from './org.ts';

/** list / export / get / create / update / delete of one kind of record under /api/<name>. */
function resource<N extends string, I extends z.ZodObject, T extends z.ZodType, Q extends z.ZodType>(
  name: N,
  o: { input: I; item: T; query: Q },
) {
  const all = `/api/${name}` as const;
  const one = `/api/${name}/:id` as const;
  return {
    list: endpoint({ method: 'GET', path: all, query: o.query, response: paged(o.item) }),
    /** The list with the same filters as an .xlsx (issue 11 point 14). */
    export: endpoint({ method: 'GET', path: `${all}/export`, query: o.query, raw: true }),
    get: endpoint({ method: 'GET', path: one, params: ZIdParams, response: o.item }),
    create: endpoint({ method: 'POST', path: all, body: o.input, response: o.item, status: 201 }),
    update: endpoint({ method: 'PATCH', path: one, params: ZIdParams, body: patchOf(o.input), response: o.item }),
    remove: endpoint({ method: 'DELETE', path: one, params: ZIdParams, response: ZOk }),
  };
}
export type ResourceApi = ReturnType<typeof resource>;

export const orgApi = {
  listParties: endpoint({ method: 'GET', path: '/api/parties', query: ZListQuery, response: paged(ZParty) }),
  exportParties: endpoint({ method: 'GET', path: '/api/parties/export', query: ZListQuery, raw: true }),
  /** With the party's bank accounts. */
  getParty: endpoint({ method: 'GET', path: '/api/parties/:id', params: ZIdParams, response: ZParty }),
  createParty: endpoint({ method: 'POST', path: '/api/parties', body: ZPartyInput, response: ZParty, status: 201 }),
  updateParty: endpoint({ method: 'PATCH', path: '/api/parties/:id', params: ZIdParams, body: ZPartyPatch, response: ZParty }),
  addBankAccount: endpoint({
    method: 'POST',
    path: '/api/parties/:id/bank-accounts',
    params: ZIdParams,
    body: ZBankAccountInput,
    response: ZBankAccount,
    status: 201,
  }),
  bankAccountNotified: endpoint({
    method: 'POST',
    path: '/api/parties/:id/bank-accounts/:accountId/notified',
    params: z.object({ id: z.uuid(), accountId: z.uuid() }),
    body: ZBankNotified,
    response: ZBankAccount,
  }),
  sites: resource('sites', { input: ZSiteInput, item: ZSite, query: ZListQuery }),
  rooms: resource('rooms', { input: ZRoomInput, item: ZRoom, query: ZRoomQuery }),
  departments: resource('departments', { input: ZDepartmentInput, item: ZDepartment, query: ZDepartmentQuery }),
  people: resource('people', { input: ZPersonInput, item: ZPerson, query: ZPeopleQuery }),
};
