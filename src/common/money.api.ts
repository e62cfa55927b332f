// The contract's money: the calculator (stable Public API, issue 15 point 5), the dashboard and the
// recorded payments.
import { z } from 'zod';
import { ZIdParams } from './api.ts';
import { ZOk, endpoint } from './endpoint.ts';
import { ZCalcInput, ZCalcResult, ZMoneyDashboard, ZPayment, ZPaymentInput, ZPaymentPatch } from './money.ts';

export const moneyApi = {
  /** `{kind, ...}` → `{amount, basis}`; see docs/contract-money.md for how each kind counts. */
  calc: endpoint({ method: 'POST', path: '/api/contract/calc', body: ZCalcInput, response: ZCalcResult }),
  dashboard: endpoint({
    method: 'GET',
    path: '/api/contract/money',
    query: z.object({ contractId: z.uuid().optional() }),
    response: ZMoneyDashboard,
  }),
  createPayment: endpoint({
    method: 'POST',
    path: '/api/contracts/:id/payments',
    params: ZIdParams,
    body: ZPaymentInput,
    response: ZPayment,
    status: 201,
  }),
  updatePayment: endpoint({
    method: 'PATCH',
    path: '/api/contract-payments/:id',
    params: ZIdParams,
    body: ZPaymentPatch,
    response: ZPayment,
  }),
  removePayment: endpoint({ method: 'DELETE', path: '/api/contract-payments/:id', params: ZIdParams, response: ZOk }),
};
