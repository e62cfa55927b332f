// A delete through a contract that refreshes the event centre's lists afterwards.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { eventsApi } from '../../../common/events.api.ts';
import { call } from '../../api/client.ts';
import { useFeedback } from '../../components/feedback.ts';

export function useRemove(route: typeof eventsApi.removeSource | typeof eventsApi.removeFilter) {
  const fb = useFeedback();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(route, { params: { id } }),
    onSuccess: async () => {
      fb.ok('已删除');
      await qc.invalidateQueries({ queryKey: ['events'] });
    },
    onError: (e) => fb.fail(e),
  });
}
