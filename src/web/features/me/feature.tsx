// The signed-in user's own settings, reached from the user menu in the header (no side-menu entries).
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const me: WebFeature = {
  id: 'me',
  routes: [
    { path: 'me/notify', load: () => import('./NotifyPrefsPage.tsx').then((m) => m.NotifyPrefsPage) },
    { path: 'me/tokens', load: () => import('./TokensPage.tsx').then((m) => m.TokensPage) },
    { path: 'me/password', load: () => import('./MyPasswordPage.tsx').then((m) => m.MyPasswordPage) },
    { path: 'me/totp', load: () => import('./MyTotpPage.tsx').then((m) => m.MyTotpPage) },
  ],
  strings: { 'en-US': EN },
};
