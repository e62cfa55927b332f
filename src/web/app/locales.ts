// antd's locale files are ESM without "type": "module", so TypeScript (NodeNext) sees them as
// CommonJS with a `default` property while the bundler hands over the object itself: accept both.
import type { Locale } from 'antd/es/locale/index.js';
import enMod from 'antd/es/locale/en_US.js';
import zhMod from 'antd/es/locale/zh_CN.js';

function unwrap(m: unknown): Locale {
  const o = m as { locale?: string; default?: Locale };
  return (typeof o.locale === 'string' ? o : o.default) as Locale;
}

export const zhCN = unwrap(zhMod);
export const enUS = unwrap(enMod);
