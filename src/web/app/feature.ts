// The web half of the module manifest (ARCHITECTURE.md "A module"): each features/<name>/feature.tsx
// declares its routes, menu entries and strings as data; the shell (routes.tsx, menu.tsx, i18n) only
// iterates the list in features/index.ts. checkFeatures refuses a list that contradicts itself, so a
// clash fails when the app starts instead of silently shadowing a screen.
import type { ComponentType, ReactNode } from 'react';

export interface FeatureRoute {
  /** A React Router child path without the leading slash ('items/:id'); omit with `index`. */
  path?: string;
  index?: boolean;
  /** Permissions any of which opens the screen ('a|b'); none: every signed-in user. */
  perm?: string;
  /** Outside the signed-in layout (the sign-in pages). */
  public?: boolean;
  /** Loaded on first visit only, so the sign-in page stays small. */
  load: () => Promise<ComponentType>;
}

export interface FeatureMenuEntry {
  /** The path it opens ('/items'); also its Ant Design menu key. */
  key: string;
  /** zh-CN text, the t() key. */
  label: string;
  icon?: ReactNode;
  /** 'a|b' any of; '!a' only for users without a (a reporter's entry where an engineer sees another). */
  perm?: string;
  /** Position among its siblings, ascending; ties keep the feature list's order. */
  order: number;
  /** The key of a menu group, declared by this or another feature. */
  parent?: string;
}

export interface FeatureMenuGroup {
  key: string;
  label: string;
  icon?: ReactNode;
  order: number;
  /** Shown only to holders of perm, and only when at least one entry under it is shown. */
  perm?: string;
}

export type SelectedKey = { key: string; open: string | null };

export interface WebFeature {
  id: string;
  routes: FeatureRoute[];
  menu?: FeatureMenuEntry[];
  menuGroups?: FeatureMenuGroup[];
  strings?: { 'en-US': Record<string, string> };
  /** The menu key to highlight for a path of this feature, when the shell's default rule is not enough. */
  selectedKey?: (pathname: string) => SelectedKey | null;
}

/** The path a route answers, as a menu key would name it ('/', '/items/:id'). */
export function routePath(r: FeatureRoute): string {
  return r.index ? '/' : `/${r.path ?? ''}`;
}

const complementary = (a?: string, b?: string) => !!a && !!b && (a === `!${b}` || b === `!${a}`);

const checked = new WeakSet<readonly WebFeature[]>();

/** Throws on duplicate ids, route paths, menu keys or group keys, on a menu entry under a group nobody
 * declares or opening a path no route serves, and on one string translated two ways. */
export function checkFeatures(features: readonly WebFeature[]): void {
  if (checked.has(features)) return;
  const fail = (msg: string) => {
    throw new Error(`web features: ${msg}`);
  };
  const ids = new Set<string>();
  const paths = new Map<string, string>();
  const groups = new Map<string, string>();
  const entries = new Map<string, { feature: string; perm?: string }[]>();
  const strings = new Map<string, { feature: string; text: string }>();
  for (const f of features) {
    if (ids.has(f.id)) fail(`two features have the id "${f.id}"`);
    ids.add(f.id);
    for (const r of f.routes) {
      if (!r.index && !r.path) fail(`feature "${f.id}" has a route with neither path nor index`);
      const p = routePath(r);
      const other = paths.get(p);
      if (other) fail(`route "${p}" of feature "${f.id}" is already declared by feature "${other}"`);
      paths.set(p, f.id);
    }
    for (const g of f.menuGroups ?? []) {
      const other = groups.get(g.key);
      if (other) fail(`menu group "${g.key}" of feature "${f.id}" is already declared by feature "${other}"`);
      groups.set(g.key, f.id);
    }
    for (const [key, text] of Object.entries(f.strings?.['en-US'] ?? {})) {
      const other = strings.get(key);
      if (other && other.text !== text) fail(`"${key}" is translated differently by features "${other.feature}" and "${f.id}"`);
      strings.set(key, { feature: f.id, text });
    }
  }
  for (const f of features)
    for (const e of f.menu ?? []) {
      if (!Number.isFinite(e.order)) fail(`menu entry "${e.key}" of feature "${f.id}" has no numeric order`);
      if (e.parent && !groups.has(e.parent))
        fail(`menu entry "${e.key}" of feature "${f.id}" is under group "${e.parent}" that no feature declares`);
      if (groups.has(e.key)) fail(`menu entry "${e.key}" of feature "${f.id}" has the key of a menu group`);
      if (!paths.has(e.key)) fail(`menu entry "${e.key}" of feature "${f.id}" opens a path no route serves`);
      const same = entries.get(e.key) ?? [];
      const [first] = same;
      // One key twice only as a pair that never shows together: 'p' for some users, '!p' for the rest.
      if (first && (same.length > 1 || !complementary(first.perm, e.perm)))
        fail(`menu key "${e.key}" of feature "${f.id}" is already declared by feature "${first.feature}"`);
      entries.set(e.key, [...same, { feature: f.id, perm: e.perm }]);
    }
  checked.add(features);
}

/** By `order`; equal orders keep the order of the feature list (Array.prototype.sort is stable). */
export function byOrder<T extends { order: number }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.order - b.order);
}
