// The navigation, built from the features' menu entries: only the screens that exist, and only those
// the user's permissions open.
import type { MenuProps } from 'antd';
import { byOrder, checkFeatures, type FeatureMenuEntry, type SelectedKey, type WebFeature } from './feature.ts';

type Item = NonNullable<MenuProps['items']>[number];

export function menuItems(features: readonly WebFeature[], can: (p: string) => boolean, t: (s: string) => string): Item[] {
  checkFeatures(features);
  // '!p': only for users without p (a feature may show reporters one entry and engineers another).
  const shown = (perm?: string) => !perm || (perm.startsWith('!') ? !can(perm.slice(1)) : can(perm));
  const entries = features.flatMap((f) => f.menu ?? []);
  const leaf = (e: FeatureMenuEntry): Item[] => (shown(e.perm) ? [{ key: e.key, label: t(e.label), icon: e.icon }] : []);
  const slots = [
    ...features
      .flatMap((f) => f.menuGroups ?? [])
      .map((g) => ({
        order: g.order,
        build: (): Item[] => {
          if (!shown(g.perm)) return [];
          const children = byOrder(entries.filter((e) => e.parent === g.key)).flatMap(leaf);
          return children.length ? [{ key: g.key, label: t(g.label), icon: g.icon, children }] : [];
        },
      })),
    ...entries.filter((e) => !e.parent).map((e) => ({ order: e.order, build: () => leaf(e) })),
  ];
  return byOrder(slots).flatMap((s) => s.build());
}

/** The menu key of a path, and the submenu to keep open: a feature's own rule if it has one; else the
 * entry with exactly that key; else no entry, with the group open whose entries share the path's first
 * segment (an unknown /x/… keeps the group of the /x/… entries open). */
export function selectedKey(features: readonly WebFeature[], pathname: string): SelectedKey {
  const path = pathname === '' ? '/' : pathname;
  for (const f of features) {
    const own = f.selectedKey?.(path);
    if (own) return own;
  }
  const entries = features.flatMap((f) => f.menu ?? []);
  const exact = entries.find((e) => e.key === path);
  if (exact) return { key: path, open: exact.parent ?? null };
  const section = path.split('/').length > 2 ? `/${path.split('/')[1]}/` : null;
  const parents = new Set(entries.filter((e) => section && e.key.startsWith(section)).map((e) => e.parent));
  const [parent] = parents;
  return { key: path, open: parents.size === 1 && parent ? parent : null };
}
