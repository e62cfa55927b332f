// One action of a drawer: runs the call, tells the user, refreshes the resource's lists and closes.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFeedback } from './feedback.ts';

export function useRun(resource: string, after: () => void) {
  const fb = useFeedback();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      fb.ok(done);
      await qc.invalidateQueries({ queryKey: [resource] });
      after();
    } catch (e) {
      fb.fail(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
