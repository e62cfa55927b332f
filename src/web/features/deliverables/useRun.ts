// One action of a page: runs the call, tells the user, refreshes the resource's queries.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFeedback } from '../../components/feedback.ts';

export function useRun(resource: string, after: () => void = () => undefined) {
  const fb = useFeedback();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      await fn();
      fb.ok(done);
      await qc.invalidateQueries({ queryKey: [resource] });
      after();
      return true;
    } catch (e) {
      fb.fail(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
