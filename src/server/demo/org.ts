// The org module's demo (演示数据): the parties of the 2021 contract (BJRBJ2021010) with their bank
// accounts, the sites and rooms it names, the departments and people, and the demo accounts of the
// people who sign in — one per role, so anyone can try every role.
import { SERVICE_LINE_CODES } from '../../common/service-lines.ts';
import { createUser } from '../kernel/auth/users.ts';
import { inTx, type Ctx } from '../kernel/context.ts';
import type { DemoEnv, DemoResult } from '../kernel/module.ts';
import * as org from '../modules/org/service.ts';
import { contract2021 } from './contract2021.ts';

export const DEMO_ACCOUNTS: { username: string; role: string; name?: string }[] = [
  { username: 'agency.manager', role: 'agency_manager' },
  { username: 'agency.contact', role: 'agency_contact' },
  { username: 'agency.staff', role: 'agency_staff' },
  { username: 'agency.finance', role: 'agency_finance' },
  { username: 'agency.dept', role: 'agency_dept' },
  { username: 'pm', role: 'contractor_pm' },
  { username: 'eng.sm', role: 'engineer' },
  { username: 'eng.net', role: 'engineer' },
  { username: 'eng.sec', role: 'engineer' },
  { username: 'eng.vc', role: 'engineer' },
  { username: 'duty', role: 'duty_operator' },
  { username: 'vendor', role: 'third_party' },
  // 三员分立: the system administrator is the bootstrap account `admin`; the other two, so a new user sees all three.
  { username: 'sec.admin', role: 'security_admin', name: '安全管理员（演示）' },
  { username: 'audit.admin', role: 'audit_admin', name: '审计管理员（演示）' },
];

export async function loadOrgDemo(ctx: Ctx, env: DemoEnv): Promise<DemoResult> {
  const base = contract2021;
  const ids = await inTx(ctx, async (tx) => {
    const partyId: Record<string, string> = {};
    for (const p of base.parties) {
      const row = await org.partyStore.create(tx, {
        kind: p.key,
        name: p.name,
        shortName: p.shortName,
        address: p.address,
        postcode: p.postcode ?? '',
        phone: p.phone,
        fax: p.fax ?? '',
        email: p.email ?? '',
        legalRepresentative: p.legalRepresentative ?? '',
        contactPerson: p.contactPerson ?? '',
      });
      partyId[p.key] = row.id;
      for (const b of p.bankAccounts) await org.addBankAccount(tx, row.id, { ...b, changedOn: null });
    }
    const siteId: Record<string, string> = {};
    const roomId: Record<string, string> = {};
    for (const s of base.sites) {
      const site = await org.siteStore.create(tx, { code: s.key, name: s.name, address: s.address ?? '' });
      siteId[s.key] = site.id;
      for (const r of s.rooms) {
        const room = await org.roomStore.create(tx, {
          siteId: site.id,
          code: r.key,
          name: r.name,
          building: r.building ?? '',
          floor: r.floor ?? '',
          purpose: r.purpose ?? '',
        });
        roomId[r.key] = room.id;
      }
    }
    const deptId: Record<string, string> = {};
    let sort = 0;
    for (const d of base.departments) {
      const row = await org.departmentStore.create(tx, { partyId: partyId[d.party]!, name: d.name, sort: sort++ });
      deptId[`${d.party}:${d.name}`] = row.id;
    }
    const personIds: { id: string; p: (typeof base.people)[number] }[] = [];
    for (const p of base.people) {
      const row = await org.personStore.create(tx, {
        partyId: partyId[p.party]!,
        departmentId: p.department ? (deptId[`${p.party}:${p.department}`] ?? null) : null,
        name: p.name,
        title: p.title,
        phone: p.phone ?? '',
        mobile: p.mobile ?? '',
        email: p.email ?? '',
        username: p.username ?? null,
      });
      personIds.push({ id: row.id, p });
    }
    return personIds;
  });

  const accounts: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const person = ids.find((x) => x.p.username === a.username)?.p;
    await createUser(
      ctx,
      {
        username: a.username,
        displayName: person?.name ?? a.name ?? a.username,
        email: person?.email ?? null,
        phone: person?.mobile ?? null,
        password: env.password,
        roles: [a.role],
        serviceLines:
          a.role === 'engineer' || a.role === 'contractor_pm'
            ? (person?.serviceLines ?? []).filter((c) => (SERVICE_LINE_CODES as readonly string[]).includes(c))
            : [],
      },
      { mustChangePassword: false, isDemo: true, allowRoles: true },
    );
    accounts.push(a.username);
  }
  return { accounts };
}
