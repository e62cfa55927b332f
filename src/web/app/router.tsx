// Every route of the app. Screens load lazily so the sign-in page stays small.
import { Suspense, lazy, type ComponentType, type ReactNode } from 'react';
import { Outlet, createBrowserRouter } from 'react-router';
import { AuthProvider } from './auth.tsx';
import { FullSpin, RequirePerm, RequireSession } from './guards.tsx';
import { AppLayout } from './AppLayout.tsx';
import { NotFoundPage, RouteErrorPage } from '../features/errors/ErrorPages.tsx';

function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  const C = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return (
    <Suspense fallback={<FullSpin />}>
      <C />
    </Suspense>
  );
}

const guarded = (perm: string, el: ReactNode) => <RequirePerm perm={perm}>{el}</RequirePerm>;

function Root() {
  return (
    <AuthProvider>
      <Outlet />
    </AuthProvider>
  );
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: page(() => import('../features/auth/LoginPage.tsx'), 'LoginPage') },
      { path: '/login/password', element: page(() => import('../features/auth/StepPages.tsx'), 'ChangePasswordStep') },
      { path: '/login/totp-enroll', element: page(() => import('../features/auth/StepPages.tsx'), 'TotpEnrollStep') },
      { path: '/login/totp', element: page(() => import('../features/auth/StepPages.tsx'), 'TotpVerifyStep') },
      {
        element: (
          <RequireSession>
            <AppLayout />
          </RequireSession>
        ),
        children: [
          { index: true, element: page(() => import('../features/home/HomePage.tsx'), 'HomePage') },
          {
            path: 'contract',
            element: guarded(
              'contract.read',
              page(() => import('../features/contract/ContractPage.tsx'), 'ContractPage'),
            ),
          },
          {
            path: 'desk',
            element: guarded(
              'desk.read',
              page(() => import('../features/desk/DeskPage.tsx'), 'DeskPage'),
            ),
          },
          {
            path: 'desk/mine',
            element: guarded(
              'desk.read|desk.self',
              page(() => import('../features/desk/MyWorkPage.tsx'), 'MyWorkPage'),
            ),
          },
          {
            path: 'desk/followups',
            element: guarded(
              'desk.manage',
              page(() => import('../features/desk/FollowupsPage.tsx'), 'FollowupsPage'),
            ),
          },
          {
            path: 'assets',
            element: guarded(
              'asset.read',
              page(() => import('../features/assets/AssetsPage.tsx'), 'AssetsPage'),
            ),
          },
          {
            path: 'assets/classes',
            element: guarded(
              'asset.read',
              page(() => import('../features/assets/ClassesPage.tsx'), 'ClassesPage'),
            ),
          },
          {
            path: 'assets/:id',
            element: guarded(
              'asset.read',
              page(() => import('../features/assets/AssetPage.tsx'), 'AssetPage'),
            ),
          },
          {
            path: 'a/:number',
            element: guarded(
              'asset.read',
              page(() => import('../features/assets/AssetPage.tsx'), 'AssetByNumberPage'),
            ),
          },
          {
            path: 'assets/requests',
            element: guarded(
              'asset.read',
              page(() => import('../features/assets/RequestsPage.tsx'), 'RequestsPage'),
            ),
          },
          {
            path: 'assets/lines',
            element: guarded(
              'asset.read',
              page(() => import('../features/assets/LinesPage.tsx'), 'LinesPage'),
            ),
          },
          {
            path: 'assets/eos',
            element: guarded(
              'asset.read',
              page(() => import('../features/assets/EosPage.tsx'), 'EosPage'),
            ),
          },
          {
            path: 'assets/spares',
            element: guarded(
              'asset.read|spare.write',
              page(() => import('../features/assets/SparesPage.tsx'), 'SparesPage'),
            ),
          },
          {
            path: 'assets/spares/:id',
            element: guarded(
              'asset.read|spare.write',
              page(() => import('../features/assets/SparePage.tsx'), 'SparePage'),
            ),
          },
          {
            path: 'assets/procurements',
            element: guarded(
              'asset.read|procure.write|procure.approve',
              page(() => import('../features/assets/ProcurementsPage.tsx'), 'ProcurementsPage'),
            ),
          },
          {
            path: 'assets/procurements/:id',
            element: guarded(
              'asset.read|procure.write|procure.approve',
              page(() => import('../features/assets/ProcurementPage.tsx'), 'ProcurementPage'),
            ),
          },
          {
            path: 'desk/risk',
            element: guarded(
              'desk.read',
              page(() => import('../features/desk/RiskBoardPage.tsx'), 'RiskBoardPage'),
            ),
          },
          {
            path: 'desk/policies',
            element: guarded(
              'desk.read|desk.policy',
              page(() => import('../features/desk/PolicyPage.tsx'), 'PolicyPage'),
            ),
          },
          {
            path: 'desk/new',
            element: guarded(
              'desk.create|desk.self',
              page(() => import('../features/desk/NewTicketPage.tsx'), 'NewTicketPage'),
            ),
          },
          {
            path: 'desk/:id',
            element: guarded(
              'desk.read|desk.self',
              page(() => import('../features/desk/TicketPage.tsx'), 'TicketPage'),
            ),
          },
          {
            path: 'org/parties',
            element: guarded(
              'org.read',
              page(() => import('../features/org/PartiesPage.tsx'), 'PartiesPage'),
            ),
          },
          {
            path: 'org/sites',
            element: guarded(
              'org.read',
              page(() => import('../features/org/SitesPage.tsx'), 'SitesPage'),
            ),
          },
          {
            path: 'org/departments',
            element: guarded(
              'org.read',
              page(() => import('../features/org/DepartmentsPage.tsx'), 'DepartmentsPage'),
            ),
          },
          {
            path: 'org/people',
            element: guarded(
              'org.read',
              page(() => import('../features/org/PeoplePage.tsx'), 'PeoplePage'),
            ),
          },
          { path: 'calendar', element: page(() => import('../features/calendar/CalendarPage.tsx'), 'CalendarPage') },
          {
            path: 'admin/users',
            element: guarded(
              'user.read',
              page(() => import('../features/users/UsersPage.tsx'), 'UsersPage'),
            ),
          },
          {
            path: 'admin/roles',
            element: guarded(
              'role.read',
              page(() => import('../features/roles/RolesPage.tsx'), 'RolesPage'),
            ),
          },
          {
            path: 'admin/audit',
            element: guarded(
              'audit.read',
              page(() => import('../features/audit/AuditPage.tsx'), 'AuditPage'),
            ),
          },
          {
            path: 'admin/notify',
            element: guarded(
              'notify.admin',
              page(() => import('../features/users/SmtpSettingsPage.tsx'), 'SmtpSettingsPage'),
            ),
          },
          { path: 'me/notify', element: page(() => import('../features/me/NotifyPrefsPage.tsx'), 'NotifyPrefsPage') },
          { path: 'me/tokens', element: page(() => import('../features/me/TokensPage.tsx'), 'TokensPage') },
          { path: 'me/password', element: page(() => import('../features/me/MyPasswordPage.tsx'), 'MyPasswordPage') },
          { path: 'me/totp', element: page(() => import('../features/me/MyTotpPage.tsx'), 'MyTotpPage') },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
