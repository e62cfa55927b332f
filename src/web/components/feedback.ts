// Toasts for the outcome of an action, in the current language, with problem fields mapped to the form.
import { App, type FormInstance } from 'antd';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { problemMessage } from '../i18n/problems.ts';
import { applyFieldErrors } from './formErrors.ts';

export function useFeedback() {
  const { message } = App.useApp();
  const { lang, t } = useI18n();
  const ok = useCallback((text: string) => void message.success(t(text)), [message, t]);
  const fail = useCallback(
    (e: unknown, form?: FormInstance) => {
      if (form) applyFieldErrors(form, e);
      void message.error(problemMessage(e, lang), 5);
    },
    [message, lang],
  );
  return useMemo(() => ({ ok, fail }), [ok, fail]);
}
