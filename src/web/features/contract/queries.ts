// Contract data the screens share.
import { useQuery } from '@tanstack/react-query';
import type { TContract, TOverview } from '../../../common/contract.ts';
import { api, type Paged } from '../../api/client.ts';

export const useOverview = (enabled = true) =>
  useQuery({ queryKey: ['contract', 'overview'], queryFn: () => api.get<TOverview>('/api/contract/overview'), enabled });

export const useContracts = () =>
  useQuery({ queryKey: ['contract', 'list'], queryFn: () => api.get<Paged<TContract>>('/api/contracts', { pageSize: 200 }) });

export const useContract = (id: string | null | undefined) =>
  useQuery({ queryKey: ['contract', 'detail', id], queryFn: () => api.get<TContract>(`/api/contracts/${id}`), enabled: !!id });
