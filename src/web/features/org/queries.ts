// Org lists used as pickers across screens (parties, sites, departments).
import { useQuery } from '@tanstack/react-query';
import type { TDepartment, TParty, TPerson, TRoom, TSite } from '../../../common/org.ts';
import { api, type Paged } from '../../api/client.ts';

export const useParties = (enabled = true) =>
  useQuery({
    queryKey: ['parties', 'all'],
    queryFn: () => api.get<Paged<TParty>>('/api/parties', { pageSize: 200 }),
    enabled,
    staleTime: 60_000,
  });
export const useSites = (enabled = true) =>
  useQuery({
    queryKey: ['sites', 'all'],
    queryFn: () => api.get<Paged<TSite>>('/api/sites', { pageSize: 200 }),
    enabled,
    staleTime: 60_000,
  });
export const useRooms = (enabled = true) =>
  useQuery({
    queryKey: ['rooms', 'all'],
    queryFn: () => api.get<Paged<TRoom>>('/api/rooms', { pageSize: 200 }),
    enabled,
    staleTime: 60_000,
  });
export const useDepartments = (enabled = true) =>
  useQuery({
    queryKey: ['departments', 'all'],
    queryFn: () => api.get<Paged<TDepartment>>('/api/departments', { pageSize: 200 }),
    enabled,
    staleTime: 60_000,
  });
export const usePeopleSearch = (q: string) =>
  useQuery({
    queryKey: ['people', 'search', q],
    queryFn: () => api.get<Paged<TPerson>>('/api/people', { q: q || undefined, pageSize: 50 }),
  });

export const PARTY_KIND: Record<string, { zh: string; en: string; color: string }> = {
  agency: { zh: '甲方', en: 'Agency', color: 'blue' },
  contractor: { zh: '乙方', en: 'Contractor', color: 'green' },
  vendor: { zh: '厂商', en: 'Vendor', color: 'purple' },
};
