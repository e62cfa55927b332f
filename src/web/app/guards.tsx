// Route guards: a signed-in session that owes no step, and a permission for a screen.
import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { STEP_PATH } from '../features/auth/steps.ts';
import { ForbiddenPage } from '../features/errors/ErrorPages.tsx';
import { useAuth, type LoginState } from './auth.tsx';

export function FullSpin() {
  return (
    <div style={{ display: 'flex', minHeight: '60vh', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <FullSpin />;
  if (!me) {
    const state: LoginState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  if (me.pending) return <Navigate to={STEP_PATH[me.pending]} replace />;
  return <>{children}</>;
}

export function RequirePerm({ perm, children }: { perm: string; children: ReactNode }) {
  const { can } = useAuth();
  return can(perm) ? <>{children}</> : <ForbiddenPage />;
}
