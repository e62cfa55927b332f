// Loads the demo: the 2021 contract entered from ../shared/seed, and its renewal for the current
// service year with the same terms and the periods moved forward (第十三条: service continues year
// to year), so a new user sees live periods and days remaining.
import { dateOf } from '../../common/dates.ts';
import { SERVICE_LINE_CODES } from '../../common/service-lines.ts';
import type { Ctx } from '../kernel/context.ts';
import { inTx } from '../kernel/context.ts';
import { createUser } from '../kernel/auth/users.ts';
import * as org from '../modules/org/service.ts';
import * as contract from '../modules/contract/service.ts';
import { contract2021 } from './contract2021.ts';
import { loadDeskDemo } from './desk.ts';
import { loadAssetsDemo } from './assets.ts';
import { loadSparesDemo } from './spares.ts';
import type { DemoContract, DemoServiceLine } from './types.ts';

export const DEMO_ACCOUNTS: { username: string; role: string }[] = [
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
];

function shiftYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  // 29 February moves to 28 February in a common year
  if (md === '02-29' && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return `${y}-02-28`;
  return `${y}-${md}`;
}

/** How many years a line's period must move so that it covers `today`. */
function yearsToCover(line: DemoServiceLine, today: string): number {
  let k = Number(today.slice(0, 4)) - Number(line.periodStart.slice(0, 4));
  while (shiftYears(line.periodStart, k) > today) k--;
  while (shiftYears(line.periodEnd, k) < today) k++;
  return k;
}

export function renewalFor(base: DemoContract, today: string): DemoContract {
  const net = base.serviceLines.find((l) => l.code === 'NET') ?? base.serviceLines[0]!;
  const k = yearsToCover(net, today);
  const year = Number(net.periodStart.slice(0, 4)) + k;
  return {
    ...base,
    number: base.number.replace(/20\d\d/, String(year)),
    title: base.title.replace(/20\d\d/, String(year)),
    signedAt: shiftYears(base.signedAt, k),
    bondValidUntil: shiftYears(base.bondValidUntil, k),
    serviceLines: base.serviceLines.map((l) => {
      const lk = yearsToCover(l, today);
      return { ...l, periodStart: shiftYears(l.periodStart, lk), periodEnd: shiftYears(l.periodEnd, lk) };
    }),
  };
}

export interface DemoResult {
  loaded: boolean;
  accounts: string[];
  password: string;
}

/** Enters the demo into an empty database. Returns the accounts created. */
export async function loadDemo(ctx: Ctx, password: string): Promise<DemoResult> {
  const existing = await contract.contractStore.list(ctx, { page: 1, pageSize: 1 });
  if (existing.total > 0) return { loaded: false, accounts: [], password };
  const base = contract2021;
  const today = dateOf(ctx.now());

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
    for (const c of [base, renewalFor(base, today)]) {
      const row = await contract.contractStore.create(tx, {
        number: c.number,
        title: c.title,
        signedAt: c.signedAt,
        signedPlace: c.signedPlace,
        procurementNumber: c.procurementNumber ?? '',
        agencyId: partyId.agency!,
        contractorId: partyId.contractor!,
        totalFee: c.totalFee,
        bondPercent: c.bondPercent,
        bondDueWorkingDays: c.bondDueWorkingDays,
        bondValidUntil: c.bondValidUntil,
        notes:
          c === base ? '依据 2021 年度合同原文录入（演示数据）' : '按第十三条续期：服务条款与 2021 年度合同相同，服务期顺延（演示数据）',
      });
      for (const l of c.serviceLines) {
        const line = await contract.lineStore.create(tx, {
          contractId: row.id,
          code: l.code,
          name: l.name,
          periodStart: l.periodStart,
          periodEnd: l.periodEnd,
          fee: l.fee,
          hoursProfile: l.hoursProfile,
          hotlineHours: l.hotlineHours,
          scope: l.scope,
          clause: l.clause,
          siteIds: l.siteKeys.map((k) => siteId[k]!).filter(Boolean),
          roomIds: l.roomKeys.map((k) => roomId[k]!).filter(Boolean),
        });
        let i = 0;
        for (const s of l.staffing) {
          const req = await contract.createStaffing(tx, line.id, {
            role: s.role,
            headcount: s.headcount,
            qualifications: s.qualifications,
            duties: s.duties,
            onsite: s.onsite,
            sort: i++,
          });
          // Staff fill the same roles in both years; the renewal starts from the same team.
          const since = l.periodStart;
          for (const { id, p } of personIds) {
            if (p.staffRole === s.role && p.serviceLines?.includes(l.code)) await contract.assignStaff(tx, req.id, { personId: id, since });
          }
        }
      }
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
        displayName: person?.name ?? a.username,
        email: person?.email ?? null,
        phone: person?.mobile ?? null,
        password,
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
  await loadDeskDemo(ctx);
  await loadAssetsDemo(ctx);
  await loadSparesDemo(ctx);
  return { loaded: true, accounts, password };
}
