// What other modules may read of security operations: the signature age of every security product
// (the inspections module's "signature age" item, R-SEC-07 evidence).
import type { Staleness } from '../../../common/secops.ts';
import type { Ctx } from '../../kernel/context.ts';
import { signatureBoard } from './signatures.ts';

export interface SignatureAge {
  assetId: string;
  assetNumber: string;
  assetName: string;
  signatureVersion: string;
  virusVersion: string;
  /** The last update, or null when none is known. */
  updatedAt: string | null;
  /** Whole days since the last update, or null. */
  ageDays: number | null;
  status: Staleness;
}

/** Every security product in service with the age of its signatures, worst first. */
export async function signatureAges(ctx: Ctx): Promise<SignatureAge[]> {
  return (await signatureBoard(ctx)).items.map((s) => ({
    assetId: s.assetId,
    assetNumber: s.assetNumber,
    assetName: s.assetName,
    signatureVersion: s.signatureVersion,
    virusVersion: s.virusVersion,
    updatedAt: s.updatedAt,
    ageDays: s.ageDays,
    status: s.status,
  }));
}
