// Queries of the ticket's fault flow (R-SD-05..07): summary, documents, work log, timeline; and the
// one invalidation every flow action needs afterwards.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { deskFlowApi } from '../../../../common/desk-flow.api.ts';
import { useCall } from '../../../api/query.ts';

// Under ['tickets', 'one', id, …]: a flow action refreshes ['tickets']; an event on the ticket page
// refreshes the lists only (TicketActions skips 'one', having the ticket already).
export const flowKey = (id: string) => ['tickets', 'one', id, 'flow'] as const;

export const useFlow = (id: string) => useCall(deskFlowApi.flow, { params: { id } }, { queryKey: flowKey(id), refetchInterval: 60_000 });

export const useDocuments = (id: string) =>
  useCall(deskFlowApi.documents, { params: { id } }, { queryKey: ['tickets', 'one', id, 'documents'] });

export const useWorkLogs = (id: string) =>
  useCall(deskFlowApi.worklogs, { params: { id } }, { queryKey: ['tickets', 'one', id, 'worklogs'] });

export const useTimeline = (id: string) =>
  useCall(deskFlowApi.timeline, { params: { id } }, { queryKey: ['tickets', 'one', id, 'timeline'] });

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
