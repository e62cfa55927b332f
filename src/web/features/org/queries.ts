// Org lists used as pickers across screens (parties, sites, departments).
import { orgApi } from '../../../common/org.api.ts';
import { useCall } from '../../api/query.ts';

export const useParties = (enabled = true) => useCall(orgApi.listParties, { query: { pageSize: 200 } }, { enabled, staleTime: 60_000 });
export const useSites = (enabled = true) => useCall(orgApi.sites.list, { query: { pageSize: 200 } }, { enabled, staleTime: 60_000 });
export const useRooms = (enabled = true) => useCall(orgApi.rooms.list, { query: { pageSize: 200 } }, { enabled, staleTime: 60_000 });
export const useDepartments = (enabled = true) =>
  useCall(orgApi.departments.list, { query: { pageSize: 200 } }, { enabled, staleTime: 60_000 });
export const usePeopleSearch = (q: string) => useCall(orgApi.people.list, { query: { q: q || undefined, pageSize: 50 } });

export const PARTY_KIND: Record<string, { zh: string; en: string; color: string }> = {
  agency: { zh: '甲方', en: 'Agency', color: 'blue' },
  contractor: { zh: '乙方', en: 'Contractor', color: 'green' },
  vendor: { zh: '厂商', en: 'Vendor', color: 'purple' },
};
