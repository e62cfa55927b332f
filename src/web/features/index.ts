// The features of the web app, mirroring the server's module list: each brings its routes, menu
// entries and strings (features/<name>/feature.tsx). Adding a feature is one line here; the menu order
// comes from each entry's `order`, not from this list.
import type { WebFeature } from '../app/feature.ts';
import { assessment } from './assessment/feature.tsx';
import { assets } from './assets/feature.tsx';
import { audit } from './audit/feature.tsx';
import { auth } from './auth/feature.tsx';
import { calendar } from './calendar/feature.tsx';
import { changes } from './changes/feature.tsx';
import { conferences } from './conferences/feature.tsx';
import { configbackup } from './configbackup/feature.tsx';
import { contract } from './contract/feature.tsx';
import { deliverables } from './deliverables/feature.tsx';
import { desk } from './desk/feature.tsx';
import { duty } from './duty/feature.tsx';
import { events } from './events/feature.tsx';
import { home } from './home/feature.tsx';
import { improve } from './improve/feature.tsx';
import { inspections } from './inspections/feature.tsx';
import { kb } from './kb/feature.tsx';
import { me } from './me/feature.tsx';
import { monitoring } from './monitoring/feature.tsx';
import { handover } from './handover/feature.tsx';
import { org } from './org/feature.tsx';
import { reports } from './reports/feature.tsx';
import { roles } from './roles/feature.tsx';
import { secops } from './secops/feature.tsx';
import { training } from './training/feature.tsx';
import { users } from './users/feature.tsx';
import { vulns } from './vulns/feature.tsx';

export const features: readonly WebFeature[] = [
  home,
  contract,
  assessment,
  handover,
  desk,
  kb,
  improve,
  assets,
  configbackup,
  changes,
  conferences,
  monitoring,
  inspections,
  vulns,
  events,
  secops,
  duty,
  training,
  deliverables,
  reports,
  org,
  calendar,
  users,
  roles,
  audit,
  me,
  auth,
];
