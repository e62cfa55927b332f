// The feature manifest drives the shell: a feature defined only here, appended to the real list,
// gets its route, its menu entry (for holders of its permission only) and its translation without
// an edit to any shared file; the menu follows `order`; clashes are refused when the app starts.
// (The real list's menu and highlighting: features/index.test.ts.)
import { matchRoutes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { features } from '../features/index.ts';
import { dictionary, translate } from '../i18n/index.tsx';
import { checkFeatures, type WebFeature } from './feature.ts';
import { RequirePerm, RequireSession } from './guards.tsx';
import { menuItems, selectedKey } from './menu.tsx';
import { buildRoutes } from './routes.tsx';
import { holder, id, outline } from './menu-testing.ts';

const Blank = () => null;

function probeFeature(load = vi.fn(async () => Blank)): WebFeature {
  return {
    id: 'probe',
    routes: [{ path: 'probe', perm: 'probe.read', load }],
    menu: [{ key: '/probe', label: '探针', perm: 'probe.read', order: 65 }],
    strings: { 'en-US': { 探针: 'Probe' } },
  };
}

describe('a feature declared only in a test', () => {
  const load = vi.fn(async () => Blank);
  const list = [...features, probeFeature(load)];

  it('gets a lazy, permission-guarded route inside the signed-in layout', () => {
    const matches = matchRoutes(buildRoutes(list), '/probe')!;
    expect(matches.map((m) => m.route.path ?? null)).toEqual([null, null, 'probe']);
    expect((matches[1]!.route.element as { type: unknown }).type).toBe(RequireSession);
    const guard = matches[2]!.route.element as { type: unknown; props: { perm: string } };
    expect(guard.type).toBe(RequirePerm);
    expect(guard.props.perm).toBe('probe.read');
    expect(load).not.toHaveBeenCalled(); // loaded on first visit, not when routes are built
  });

  it('shows its menu entry at its order, to holders of its permission only', () => {
    expect(outline(menuItems(list, holder('probe.read'), id))).toEqual(['首页', '工作日历', '探针']);
    expect(outline(menuItems(list, holder('user.read'), id))).toEqual(['首页', '工作日历', '系统管理[用户管理]']);
    expect(selectedKey(list, '/probe')).toEqual({ key: '/probe', open: null });
  });

  it('translates its own string', () => {
    expect(translate(dictionary(list, 'en-US'), '探针')).toBe('Probe');
    expect(translate(dictionary(list, 'zh-CN'), '探针')).toBe('探针');
    expect(outline(menuItems(list, holder('probe.read'), (s) => translate(dictionary(list, 'en-US'), s)))).toContain('Probe');
  });
});

describe('ordering', () => {
  const f = (fid: string, menu: WebFeature['menu'], menuGroups?: WebFeature['menuGroups']): WebFeature => ({
    id: fid,
    routes: (menu ?? []).map((e) => ({ path: e.key.slice(1), load: async () => Blank })),
    menu,
    menuGroups,
  });

  it('follows `order`, not the list; equal orders keep the list order', () => {
    const list = [
      f('a', [{ key: '/a3', label: 'a3', order: 30 }], [{ key: 'g', label: 'G', order: 20 }]),
      f('b', [
        { key: '/b1', label: 'b1', order: 10 },
        { key: '/b-in-g', label: 'b-in-g', order: 2, parent: 'g' },
      ]),
      f('c', [
        { key: '/c1', label: 'c1', order: 10 },
        { key: '/c-in-g', label: 'c-in-g', order: 1, parent: 'g' },
      ]),
    ];
    expect(outline(menuItems(list, () => true, id))).toEqual(['b1', 'c1', 'G[c-in-g b-in-g]', 'a3']);
    expect(outline(menuItems([list[0]!, list[2]!, list[1]!], () => true, id))).toEqual(['c1', 'b1', 'G[c-in-g b-in-g]', 'a3']);
  });
});

describe('a contradictory list is refused at start', () => {
  const route = (path: string) => ({ path, load: async () => Blank });
  const refused = (list: WebFeature[], message: RegExp) => {
    expect(() => buildRoutes(list)).toThrow(message);
    expect(() => menuItems(list, () => true, id)).toThrow(message);
    expect(() => dictionary(list, 'en-US')).toThrow(message);
  };

  it('two features with the same route path', () => {
    refused(
      [...features, probeFeature(), { id: 'copy', routes: [route('probe')] }],
      /route "\/probe" of feature "copy" is already declared by feature "probe"/,
    );
  });

  it('two features with the same menu key', () => {
    const copy: WebFeature = { id: 'copy', routes: [route('x')], menu: [{ key: '/probe', label: '探针', order: 1 }] };
    refused([...features, probeFeature(), copy], /menu key "\/probe" of feature "copy" is already declared by feature "probe"/);
  });

  it('the same menu key twice unless the pair is p / !p, as 我的工作 and 我的报修 are', () => {
    const twice = (perms: [string, string]): WebFeature => ({
      id: 'x',
      routes: [route('x')],
      menu: perms.map((perm) => ({ key: '/x', label: perm, perm, order: 1 })),
    });
    expect(() => checkFeatures([twice(['x.read', '!x.read'])])).not.toThrow();
    expect(() => checkFeatures([twice(['x.read', 'y.read'])])).toThrow(/menu key "\/x"/);
  });

  it('duplicate ids, unknown groups, entries without a route, strings translated two ways', () => {
    refused([...features, probeFeature(), { id: 'probe', routes: [] }], /two features have the id "probe"/);
    refused(
      [{ id: 'x', routes: [route('x')], menu: [{ key: '/x', label: 'x', order: 1, parent: 'nope' }] }],
      /group "nope" that no feature declares/,
    );
    refused([{ id: 'x', routes: [], menu: [{ key: '/x', label: 'x', order: 1 }] }], /"\/x" of feature "x" opens a path no route serves/);
    const says = (fid: string, text: string): WebFeature => ({ id: fid, routes: [], strings: { 'en-US': { 词: text } } });
    refused([says('a', 'word'), says('b', 'term')], /"词" is translated differently by features "a" and "b"/);
    expect(() => dictionary([{ id: 'a', routes: [], strings: { 'en-US': { 保存: 'Keep' } } }], 'en-US')).toThrow(
      /contradicts the shared en-US.ts/,
    );
  });
});
