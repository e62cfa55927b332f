// Demo data (issue 13 point 10): one imported scan with findings on demo assets (their management IPs
// as data only, never contacted).
import type { Ctx } from '../../kernel/context.ts';

export async function loadVulnDemo(_ctx: Ctx): Promise<void> {
  // Filled in below when time allows.
}
