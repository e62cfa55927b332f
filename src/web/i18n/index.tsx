// A small gettext-style t(): the zh-CN text is the key; the en-US dictionary is this folder's shared
// en-US.ts merged with every feature's own strings. zh-CN is the default; the choice is kept in
// localStorage. `{name}` placeholders are filled from the second argument.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { checkFeatures, type WebFeature } from '../app/feature.ts';
import { EN } from './en-US.ts';

export type Lang = 'zh-CN' | 'en-US';
const STORAGE_KEY = 'yunwei.lang';

export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export type Vars = Record<string, string | number>;
export type Dictionary = Record<string, string>;

/** The translations for lang: the shared strings and those of every feature (none for zh-CN, the keys). */
export function dictionary(features: readonly WebFeature[], lang: Lang): Dictionary {
  if (lang === 'zh-CN') return {};
  checkFeatures(features);
  const dict: Dictionary = { ...EN };
  for (const f of features)
    for (const [key, text] of Object.entries(f.strings?.[lang] ?? {})) {
      if (key in EN && EN[key] !== text) throw new Error(`web features: "${key}" of feature "${f.id}" contradicts the shared en-US.ts`);
      dict[key] = text;
    }
  return dict;
}

export function translate(dict: Dictionary, text: string, vars?: Vars): string {
  const s = dict[text] ?? text;
  return vars ? s.replace(/\{(\w+)\}/g, (m: string, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (text: string, vars?: Vars) => string;
}

const Ctx = createContext<I18n>({ lang: 'zh-CN', setLang: () => undefined, t: (s, v) => translate({}, s, v) });

export function I18nProvider({ features, children }: { features: readonly WebFeature[]; children: ReactNode }) {
  const en = useMemo(() => dictionary(features, 'en-US'), [features]);
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((l: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const t = useCallback((text: string, vars?: Vars) => translate(lang === 'en-US' ? en : {}, text, vars), [lang, en]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  return useContext(Ctx);
}

/** Bilingual pairs that come from src/common (service line names, permissions): pick one side. */
export function pick(lang: Lang, pair: { zh: string; en: string }): string {
  return lang === 'en-US' ? pair.en : pair.zh;
}
