// The registry refuses a broken module list at start, with a message naming the module, and orders
// the list by dependsOn whatever order it was written in.
import { describe, expect, it } from 'vitest';
import { buildRegistry, defaultGrants, orderModules } from './registry.ts';
import { defineModule, type ModuleManifest } from './module.ts';
import { kernelModule } from './kernel-module.ts';
import { registryOf } from '../site.ts';

const m = (id: string, dependsOn: string[] = [], extra: Partial<ModuleManifest> = {}): ModuleManifest =>
  defineModule({ id, name: { zh: id, en: id }, dependsOn, ...extra });

describe('module order', () => {
  it('puts every module after the modules it depends on, keeping the list order otherwise', () => {
    const order = orderModules([m('reports', ['desk', 'assets']), m('assets', ['org']), m('desk', ['org']), m('org')]);
    expect(order.map((x) => x.id)).toEqual(['org', 'assets', 'desk', 'reports']);
  });

  it('gives the same order for any order of the same list', () => {
    const list = [m('aa'), m('bb', ['aa']), m('cc', ['aa']), m('dd', ['bb', 'cc'])];
    const ids = (l: ModuleManifest[]) => orderModules(l).map((x) => x.id);
    const reversed = ids([...list].reverse());
    for (const x of reversed)
      for (const dep of list.find((y) => y.id === x)!.dependsOn ?? []) expect(reversed.indexOf(dep)).toBeLessThan(reversed.indexOf(x));
    expect(ids(list)).toEqual(['aa', 'bb', 'cc', 'dd']);
  });

  it.each([
    { name: 'a duplicate id', list: [m('org'), m('org')], error: /"org" 重复出现/ },
    { name: 'an unknown dependency', list: [m('desk', ['org'])], error: /"desk" 依赖的模块 "org" 不在模块列表中/ },
    { name: 'a cycle', list: [m('aa', ['cc']), m('bb', ['aa']), m('cc', ['bb'])], error: /循环依赖：aa → cc → bb → aa/ },
    { name: 'a depends on itself', list: [m('aa', ['aa'])], error: /循环依赖：aa → aa/ },
    { name: 'a bad id', list: [m('Desk')], error: /模块标识 "Desk" 无效/ },
  ])('refuses $name', ({ list, error }) => {
    expect(() => orderModules(list)).toThrow(error);
  });
});

describe('contributions', () => {
  const perm = { zh: '读', en: 'read', group: 'x' };
  it.each([
    {
      name: 'a permission declared twice',
      list: [m('aa', [], { permissions: { 'aa.read': perm } }), m('bb', [], { permissions: { 'aa.read': perm } })],
      error: /权限 "aa.read" 由模块 "aa" 和 "bb" 重复声明/,
    },
    {
      name: 'a grant to a role nobody declares',
      list: [m('aa', [], { permissions: { 'aa.read': { ...perm, grants: ['no_such_role'] } } })],
      error: /不存在的角色 "no_such_role"/,
    },
    { name: 'a permission code without a dot', list: [m('aa', [], { permissions: { read: perm } })], error: /应形如/ },
    {
      name: 'an event declared twice',
      list: [m('aa', [], { events: { 'x.y': ev() } }), m('bb', [], { events: { 'x.y': ev() } })],
      error: /通知事件 "x.y"/,
    },
    {
      name: 'a job name used twice',
      list: [m('aa', [], { jobs: [job('tidy')] }), m('bb', [], { jobs: [job('tidy')] })],
      error: /定时任务 "tidy"/,
    },
  ])('refuses $name', ({ list, error }) => {
    expect(() => buildRegistry([kernelModule, ...list])).toThrow(error);
  });

  it("gathers the site's permissions, with each built-in role's default grants drawn from every module", () => {
    const r = registryOf();
    expect(r.modules[0]!.id).toBe('kernel');
    expect(r.permissions.get('desk.work')?.module).toBe('desk');
    expect(defaultGrants(r, 'audit_admin').sort()).toEqual(['audit.read', 'user.read']);
    expect(defaultGrants(r, 'engineer')).toEqual(expect.arrayContaining(['desk.work', 'asset.write', 'org.read']));
    expect(defaultGrants(r, 'third_party')).toEqual([]);
    expect(r.events.get('ticket.sla_breached')?.defaults).toEqual(['inapp', 'email']);
  });
});

function ev() {
  return { zh: '事', en: 'e', descZh: '事', descEn: 'e', defaults: ['inapp'] as const };
}
function job(name: string) {
  return { name, scope: 'global' as const, handler: async () => undefined };
}
