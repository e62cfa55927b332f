// The providers around every page: i18n, Ant Design (locale, theme, App for toasts), TanStack Query,
// and the router.
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router/dom';
import { features } from '../features/index.ts';
import { I18nProvider, useI18n } from '../i18n/index.tsx';
import { dayjs } from './dayjs.ts';
import { enUS, zhCN } from './locales.ts';
import { queryClient } from './queryClient.ts';
import { router } from './router.tsx';
import { theme } from './theme.ts';

function Themed() {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'en-US' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'en-US' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider features={features}>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  );
}
