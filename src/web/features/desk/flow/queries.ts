// Queries of the ticket's fault flow (R-SD-05..07): summary, documents, work log, timeline; and the
// one invalidation every flow action needs afterwards.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TTicketDocuments, TTicketFlow, TTimelineEvent, TWorkLog } from '../../../../common/desk-flow.ts';
import { api, type Paged } from '../../../api/client.ts';

export const flowKey = (id: string) => ['tickets', 'one', id, 'flow'] as const;

/** Lists may come as arrays or as {items, total}. */
const itemsOf = <T>(r: T[] | Paged<T>): T[] => (Array.isArray(r) ? r : r.items);

export const useFlow = (id: string) =>
  useQuery({
    queryKey: flowKey(id),
    queryFn: ({ signal }) => api.get<TTicketFlow>(`/api/tickets/${id}/flow`, undefined, signal),
    refetchInterval: 60_000,
  });

export const useDocuments = (id: string) =>
  useQuery({
    queryKey: ['tickets', 'one', id, 'documents'],
    queryFn: ({ signal }) => api.get<TTicketDocuments>(`/api/tickets/${id}/documents`, undefined, signal),
  });

export const useWorkLogs = (id: string) =>
  useQuery({
    queryKey: ['tickets', 'one', id, 'worklogs'],
    queryFn: async ({ signal }) => itemsOf(await api.get<TWorkLog[] | Paged<TWorkLog>>(`/api/tickets/${id}/worklogs`, undefined, signal)),
  });

export const useTimeline = (id: string) =>
  useQuery({
    queryKey: ['tickets', 'one', id, 'timeline'],
    queryFn: async ({ signal }) =>
      itemsOf(await api.get<TTimelineEvent[] | Paged<TTimelineEvent>>(`/api/tickets/${id}/timeline`, undefined, signal)),
  });

/** After any action on a ticket: the ticket, its flow, documents, log, timeline and the lists. */
export async function refreshTicket(qc: QueryClient, id: string): Promise<void> {
  await qc.invalidateQueries({ queryKey: ['tickets'] });
  await qc.invalidateQueries({ queryKey: ['followups'] });
  void id;
}

export const useRefresh = (id: string) => {
  const qc = useQueryClient();
  return () => refreshTicket(qc, id);
};
