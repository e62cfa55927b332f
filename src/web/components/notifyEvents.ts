// The notification events every module raises (GET /api/notify/events): names for the bell and the
// preferences page. Fetched once per session; the list only changes when the server's modules do.
import type { TNotifyEvent } from '../../common/notify.ts';
import { notifyApi } from '../../common/notify.api.ts';
import { useCall } from '../api/query.ts';

export function useNotifyEvents(): Map<string, TNotifyEvent> {
  const q = useCall(notifyApi.events, {}, { staleTime: Infinity });
  return new Map((q.data?.items ?? []).map((e) => [e.code, e]));
}
