// Who is signed in (GET /api/auth/me), what they may do, and what happens when the session ends.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { TMe } from '../../common/auth.ts';
import { authApi } from '../../common/auth.api.ts';
import { ApiError, call, onAuthProblem } from '../api/client.ts';
import { STEP_PATH, isStep } from '../features/auth/steps.ts';

export const ME_KEY = ['me'] as const;
export const EXPIRED_FLAG = 'yunwei.sessionExpired';

/** True once after the session probe found the session timed out. */
export function takeExpiredFlag(): boolean {
  const v = sessionStorage.getItem(EXPIRED_FLAG) === '1';
  sessionStorage.removeItem(EXPIRED_FLAG);
  return v;
}

async function fetchMe(): Promise<TMe | null> {
  try {
    return await call(authApi.me, {}, { quiet401: true });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      // The sign-in page tells the user why they are back there.
      if (e.code === 'auth.session_expired') sessionStorage.setItem(EXPIRED_FLAG, '1');
      return null;
    }
    throw e;
  }
}

interface Auth {
  me: TMe | null;
  loading: boolean;
  error: unknown;
  can: (perm: string) => boolean;
  refresh: () => Promise<TMe | null>;
  logout: () => Promise<void>;
}

const AuthCtx = createContext<Auth | null>(null);

/** State carried to /login: why the user is there and where to return afterwards. */
export interface LoginState {
  reason?: string;
  from?: string;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const q = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
  const me = q.data ?? null;

  const here = location.pathname + location.search;
  useEffect(() => {
    onAuthProblem((e) => {
      if (e.status === 401) {
        qc.setQueryData(ME_KEY, null);
        qc.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
        if (!window.location.pathname.startsWith('/login')) {
          const state: LoginState = { reason: e.code, from: here };
          void navigate('/login', { replace: true, state });
        }
      } else if (isStep(e.code)) {
        void qc.invalidateQueries({ queryKey: ME_KEY });
        void navigate(STEP_PATH[e.code], { replace: true });
      }
    });
    return () => onAuthProblem(null);
  }, [qc, navigate, here]);

  const refresh = useCallback(async () => {
    const fresh = await fetchMe();
    qc.setQueryData(ME_KEY, fresh);
    return fresh;
  }, [qc]);

  const logout = useCallback(async () => {
    try {
      await call(authApi.logout);
    } finally {
      qc.setQueryData(ME_KEY, null);
      qc.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
      const state: LoginState = { reason: 'logged_out' };
      void navigate('/login', { replace: true, state });
    }
  }, [qc, navigate]);

  const value = useMemo<Auth>(() => {
    const perms = new Set(me?.permissions ?? []);
    return { me, loading: q.isPending, error: q.error, can: (p) => p.split('|').some((x) => perms.has(x)), refresh, logout };
  }, [me, q.isPending, q.error, refresh, logout]);
  return <AuthCtx.Provider value={value}>{children}</AuthCtx.Provider>;
}

export function useAuth(): Auth {
  const a = useContext(AuthCtx);
  if (!a) throw new Error('useAuth outside AuthProvider');
  return a;
}
