// The URLs the web calls are built from the routes' contracts: path parameters filled in and
// encoded, the query without the values that say nothing.
import { describe, expect, it } from 'vitest';
import { assetsApi } from '../../common/assets.api.ts';
import { deskFlowApi } from '../../common/desk-flow.api.ts';
import { deskApi } from '../../common/desk.api.ts';
import { callKey } from './query.ts';
import { urlOf, withQuery } from './client.ts';

describe('urlOf', () => {
  it('fills each path parameter, encoded', () => {
    expect(urlOf(assetsApi.byNumber, { params: { number: 'NET-SW/01 #2' } })).toBe('/api/assets/by-number/NET-SW%2F01%20%232');
    expect(urlOf(deskFlowApi.documentVersion, { params: { id: 't1', kind: 'plan', version: 3 } })).toBe(
      '/api/tickets/t1/documents/plan/versions/3',
    );
  });

  it('sends the query without undefined, null or empty values, and keeps 0 and false', () => {
    expect(urlOf(deskApi.listTickets, { query: { q: '', status: undefined, assignee: null as never, page: 0, open: 'true' } })).toBe(
      '/api/tickets?page=0&open=true',
    );
    expect(urlOf(deskApi.listTickets, { query: { q: '交换机 & 路由' } })).toBe(
      '/api/tickets?q=%E4%BA%A4%E6%8D%A2%E6%9C%BA+%26+%E8%B7%AF%E7%94%B1',
    );
    expect(urlOf(deskApi.listTickets)).toBe('/api/tickets');
    expect(withQuery('/api/x', { flag: false })).toBe('/api/x?flag=false');
  });

  it('refuses a path parameter without a value rather than calling a wrong URL', () => {
    expect(() => urlOf(deskApi.getTicket, { params: { id: '' } })).toThrow(/no value for :id/);
  });

  it('keys a cached call by its resource, path and input, so a prefix refreshes the resource', () => {
    expect(callKey(deskApi.getTicket, { params: { id: 't1' } })).toEqual(['tickets', '/api/tickets/:id', { params: { id: 't1' } }]);
  });
});
