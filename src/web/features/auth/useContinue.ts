// After each sign-in step the server names the next one; when none is left, go where the user was headed.
import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { TPendingStep } from '../../../common/auth.ts';
import { useAuth, type LoginState } from '../../app/auth.tsx';
import { STEP_PATH } from './steps.ts';

export function useContinue() {
  const navigate = useNavigate();
  const location = useLocation();
  const { refresh } = useAuth();
  const from = (location.state as LoginState | null)?.from;
  return useCallback(
    async (next: TPendingStep | null) => {
      if (next) {
        const state: LoginState = { from };
        await refresh();
        void navigate(STEP_PATH[next], { replace: true, state });
        return;
      }
      await refresh();
      void navigate(from && !from.startsWith('/login') ? from : '/', { replace: true });
    },
    [navigate, refresh, from],
  );
}
