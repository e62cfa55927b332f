// Sign-in and the steps a session may owe first (new password, TOTP): outside the signed-in layout.
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const auth: WebFeature = {
  id: 'auth',
  routes: [
    { path: 'login', public: true, load: () => import('./LoginPage.tsx').then((m) => m.LoginPage) },
    { path: 'login/password', public: true, load: () => import('./StepPages.tsx').then((m) => m.ChangePasswordStep) },
    { path: 'login/totp-enroll', public: true, load: () => import('./StepPages.tsx').then((m) => m.TotpEnrollStep) },
    { path: 'login/totp', public: true, load: () => import('./StepPages.tsx').then((m) => m.TotpVerifyStep) },
  ],
  strings: { 'en-US': EN },
};
