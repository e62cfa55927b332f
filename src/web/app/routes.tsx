// Every route of the app, collected from the features. Screens load lazily so the sign-in page stays
// small; a route with a permission shows the 403 page to users without it.
import { Suspense, lazy, type ReactNode } from 'react';
import { Outlet, type RouteObject } from 'react-router';
import { NotFoundPage, RouteErrorPage } from '../features/errors/ErrorPages.tsx';
import { AppLayout } from './AppLayout.tsx';
import { AuthProvider } from './auth.tsx';
import { checkFeatures, type FeatureRoute, type WebFeature } from './feature.ts';
import { FullSpin, RequirePerm, RequireSession } from './guards.tsx';

function Root() {
  return (
    <AuthProvider>
      <Outlet />
    </AuthProvider>
  );
}

function route(r: FeatureRoute): RouteObject {
  const Page = lazy(async () => ({ default: await r.load() }));
  const page: ReactNode = (
    <Suspense fallback={<FullSpin />}>
      <Page />
    </Suspense>
  );
  const element = r.perm ? <RequirePerm perm={r.perm}>{page}</RequirePerm> : page;
  return r.index ? { index: true, element } : { path: r.path, element };
}

export function buildRoutes(features: readonly WebFeature[]): RouteObject[] {
  checkFeatures(features);
  const all = features.flatMap((f) => f.routes);
  return [
    {
      element: <Root />,
      errorElement: <RouteErrorPage />,
      children: [
        ...all.filter((r) => r.public).map(route),
        {
          element: (
            <RequireSession>
              <AppLayout features={features} />
            </RequireSession>
          ),
          children: [...all.filter((r) => !r.public).map(route), { path: '*', element: <NotFoundPage /> }],
        },
      ],
    },
  ];
}
