// What other modules may read of the contract module (ARCHITECTURE.md: a module uses another only
// through its read functions); its stores (service.ts) stay private to it.
import { desc } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { contractStore, currentContractId, getContract, lineStore } from './service.ts';
import { serviceLines } from './tables.ts';

/** The contract as a document names it, with the name of one of its service lines. */
export interface ContractHeading {
  title: string;
  number: string;
  agencyName: string;
  contractorName: string;
  /** The service line's name in that contract, or its code when the contract has no such line. */
  lineName: string;
}

/**
 * The contract whose service line `serviceLine` covered `day` (else the contract in force today),
 * for documents about work done on that day; null when there is no contract at all.
 */
export async function contractFor(ctx: Ctx, serviceLine: string, day: string): Promise<ContractHeading | null> {
  const lines = await lineStore.list(ctx, { page: 1, pageSize: 200 });
  const line = lines.items.find((l) => l.code === serviceLine && l.periodStart <= day && l.periodEnd >= day);
  const id = line?.contractId ?? (await currentContractId(ctx));
  if (!id) return null;
  const c = await getContract(ctx, id);
  return {
    title: c.title,
    number: c.number,
    agencyName: c.agencyName,
    contractorName: c.contractorName,
    lineName: c.serviceLines.find((l) => l.code === serviceLine)?.name ?? serviceLine,
  };
}

/** A service line as the people it serves see it: what it covers and how to reach it (R-SD-01, R-SD-11). */
export interface LineContact {
  code: string;
  name: string;
  summary: string;
  hoursProfile: string;
  hotlineHours: string;
  hotlinePhone: string;
  emergencyPhone: string;
}

/** The service lines of the contract in force today, in the contract's order; none without a contract. */
export async function linesInForce(ctx: Ctx): Promise<LineContact[]> {
  const id = await currentContractId(ctx);
  if (!id) return [];
  const c = await getContract(ctx, id);
  return c.serviceLines.map((l) => ({
    code: l.code,
    name: l.name,
    summary: l.summary,
    hoursProfile: l.hoursProfile,
    hotlineHours: l.hotlineHours,
    hotlinePhone: l.hotlinePhone,
    emergencyPhone: l.emergencyPhone,
  }));
}

/** The money terms of a contract (R-CON-04..08): what the money module computes its deadlines from. */
export interface ContractTerms {
  id: string;
  number: string;
  title: string;
  signedAt: string | null;
  totalFee: number;
  bondPercent: number;
  bondDueWorkingDays: number;
  bondValidUntil: string | null;
}

/** Contract `id` (else the one in force today); null when there is none. Unknown ids are a 404. */
export async function contractTerms(ctx: Ctx, id?: string): Promise<ContractTerms | null> {
  const cid = id ?? (await currentContractId(ctx));
  if (!cid) return null;
  const c = await contractStore.get(ctx, cid);
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    signedAt: c.signedAt,
    totalFee: c.totalFee,
    bondPercent: c.bondPercent,
    bondDueWorkingDays: c.bondDueWorkingDays,
    bondValidUntil: c.bondValidUntil,
  };
}

/** A contract's service period: the earliest start and the latest end of its service lines. */
export interface ContractPeriod {
  id: string;
  number: string;
  title: string;
  agencyName: string;
  contractorName: string;
  start: string | null;
  end: string | null;
}

/**
 * The contract whose service runs longest (a renewal continues the cooperation, so the cooperation
 * ends when the last of its contracts ends); null when there is no contract (R-CONF-03).
 */
export async function contractPeriod(ctx: Ctx): Promise<ContractPeriod | null> {
  const [last] = await ctx.db
    .select({ id: serviceLines.contractId })
    .from(serviceLines)
    .orderBy(desc(serviceLines.periodEnd), desc(serviceLines.createdAt))
    .limit(1);
  const id = last?.id;
  if (!id) return null;
  const c = await getContract(ctx, id);
  const starts = c.serviceLines.map((l) => l.periodStart).sort();
  const ends = c.serviceLines.map((l) => l.periodEnd).sort();
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    agencyName: c.agencyName,
    contractorName: c.contractorName,
    start: starts[0] ?? null,
    end: ends.at(-1) ?? null,
  };
}
