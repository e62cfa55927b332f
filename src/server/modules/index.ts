// The modules this site runs, the one list the kernel iterates (docs/modules.md). Adding a module is
// one entry here; the order does not matter: the kernel sorts by each manifest's `dependsOn`.
import { assessment } from './assessment/module.ts';
import { assets } from './assets/module.ts';
import { changes } from './changes/module.ts';
import { conferences } from './conferences/module.ts';
import { configbackup } from './configbackup/module.ts';
import { contract } from './contract/module.ts';
import { deliverables } from './deliverables/module.ts';
import { desk } from './desk/module.ts';
import { duty } from './duty/module.ts';
import { events } from './events/module.ts';
import { handover } from './handover/module.ts';
import { improve } from './improve/module.ts';
import { inspections } from './inspections/module.ts';
import { monitoring } from './monitoring/module.ts';
import { money } from './money/module.ts';
import { org } from './org/module.ts';
import { reports } from './reports/module.ts';
import { secops } from './secops/module.ts';
import { training } from './training/module.ts';
import { vulns } from './vulns/module.ts';
import type { ModuleManifest } from '../kernel/module.ts';

export const modules: readonly ModuleManifest[] = [
  org,
  contract,
  desk,
  assets,
  improve,
  configbackup,
  monitoring,
  changes,
  vulns,
  events,
  conferences,
  money,
  inspections,
  secops,
  duty,
  training,
  deliverables,
  reports,
  // The registry keeps this order among modules whose dependencies are met, so these two come last:
  // the assessment's demo reads the evidence the others' demos left, and the handover's demo export
  // holds what every other demo wrote.
  assessment,
  handover,
];
