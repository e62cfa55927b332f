// Contract data the screens share. Kept under ['contract', …]: every edit refreshes that prefix.
import { contractApi } from '../../../common/contract.api.ts';
import { useCall } from '../../api/query.ts';

export const useOverview = (enabled = true) => useCall(contractApi.overview, {}, { queryKey: ['contract', 'overview'], enabled });

export const useContracts = () => useCall(contractApi.list, { query: { pageSize: 200 } }, { queryKey: ['contract', 'list'] });

export const useContract = (id: string | null | undefined) =>
  useCall(contractApi.get, { params: { id: id ?? '' } }, { queryKey: ['contract', 'detail', id], enabled: !!id });
