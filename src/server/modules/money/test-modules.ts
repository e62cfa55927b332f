// The modules the money tests load: money and everything it rests on (contract, and the reports whose
// versions a payment cites, with the modules those read), in the site's order, so a test loads
// no more demo data than money needs.
import type { ModuleManifest } from '../../kernel/module.ts';
import { modules } from '../index.ts';

export function moneyWithDependencies(): ModuleManifest[] {
  const byId = new Map(modules.map((m) => [m.id, m]));
  const want = new Set<string>();
  const add = (id: string) => {
    if (want.has(id)) return;
    want.add(id);
    for (const d of byId.get(id)?.dependsOn ?? []) add(d);
  };
  add('money');
  return modules.filter((m) => want.has(m.id));
}
