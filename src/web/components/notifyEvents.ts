// The notification events every module raises (GET /api/notify/events): names for the bell and the
// preferences page. Fetched once per session; the list only changes when the server's modules do.
import { useQuery } from '@tanstack/react-query';
import type { TNotifyEvent } from '../../common/notify.ts';
import { api } from '../api/client.ts';

export function useNotifyEvents(): Map<string, TNotifyEvent> {
  const q = useQuery({
    queryKey: ['notify-events'],
    queryFn: () => api.get<{ items: TNotifyEvent[] }>('/api/notify/events'),
    staleTime: Infinity,
  });
  return new Map((q.data?.items ?? []).map((e) => [e.code, e]));
}
