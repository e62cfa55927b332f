// The feature manifest drives the shell: a feature defined only here, appended to the real list,
// gets its route, its menu entry (for holders of its permission only) and its translation without
// an edit to any shared file; the real menu is the one users had before manifests; clashes are
// refused when the app starts.
import { matchRoutes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { features } from '../features/index.ts';
import { dictionary, translate } from '../i18n/index.tsx';
import { checkFeatures, type WebFeature } from './feature.ts';
import { RequirePerm, RequireSession } from './guards.tsx';
import { menuItems, selectedKey } from './menu.tsx';
import { buildRoutes } from './routes.tsx';

type Item = { key: string; label: string; children?: Item[] };
const outline = (items: unknown[]): string[] =>
  (items as Item[]).map((i) => (i.children ? `${i.label}[${outline(i.children).join(' ')}]` : i.label));
const holder =
  (...perms: string[]) =>
  (p: string) =>
    p.split('|').some((x) => perms.includes(x));
const id = (s: string) => s;
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
  });

  it('translates its own string', () => {
    expect(translate(dictionary(list, 'en-US'), '探针')).toBe('Probe');
    expect(translate(dictionary(list, 'zh-CN'), '探针')).toBe('探针');
    expect(outline(menuItems(list, holder('probe.read'), (s) => translate(dictionary(list, 'en-US'), s)))).toContain('Probe');
  });
});

describe('the real feature list', () => {
  const every = () => true;

  it('builds the menu users had before manifests, in order', () => {
    expect(outline(menuItems(features, every, id))).toEqual([
      '首页',
      '合同',
      '服务台[我的工作 运维单 SLA 风险看板 回访 SLA 策略]',
      '资产[资产台账 备品备件 采购咨询 变动审批 线路 过保与停止支持 资产分类]',
      '单位与人员[合同各方 地点与机房 部门 人员]',
      '工作日历',
      '系统管理[用户管理 角色权限 审计日志 邮件服务器]',
    ]);
  });

  it('shows a reporter 我的报修 instead of 我的工作, and hides groups with nothing inside', () => {
    expect(outline(menuItems(features, holder('desk.self'), id))).toEqual(['首页', '服务台[我的报修]', '工作日历']);
    expect(outline(menuItems(features, holder('spare.write'), id))).toEqual(['首页', '资产[备品备件]', '工作日历']);
  });

  it.each([
    ['', '/', null],
    ['/', '/', null],
    ['/contract', '/contract', null],
    ['/desk', '/desk', 'desk'],
    ['/desk/mine', '/desk/mine', 'desk'],
    ['/desk/policies', '/desk/policies', 'desk'],
    ['/desk/new', '/desk', 'desk'],
    ['/desk/0b6c6f5e-1c1d-4c51-9d0e-2a7f3f1b9e11', '/desk', 'desk'],
    ['/assets', '/assets', 'assets'],
    ['/assets/spares', '/assets/spares', 'assets'],
    ['/assets/spares/0b6c6f5e', '/assets', 'assets'],
    ['/assets/0b6c6f5e-1c1d', '/assets', 'assets'],
    ['/org/people', '/org/people', 'org'],
    ['/org/unknown', '/org/unknown', 'org'],
    ['/admin/audit', '/admin/audit', 'admin'],
    ['/admin/unknown', '/admin/unknown', 'admin'],
    ['/calendar', '/calendar', null],
    ['/me/notify', '/me/notify', null],
    ['/a/A-0001', '/a/A-0001', null],
  ])('selects %s as %s with %s open', (path, key, open) => {
    expect(selectedKey(features, path)).toEqual({ key, open });
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
      [...features, { id: 'copy', routes: [route('desk/:id')] }],
      /route "\/desk\/:id" of feature "copy" is already declared by feature "desk"/,
    );
  });

  it('two features with the same menu key', () => {
    const copy: WebFeature = { id: 'copy', routes: [route('x')], menu: [{ key: '/calendar', label: '日历', order: 1 }] };
    refused([...features, copy], /menu key "\/calendar" of feature "copy" is already declared by feature "calendar"/);
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
    refused([...features, { id: 'desk', routes: [] }], /two features have the id "desk"/);
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
