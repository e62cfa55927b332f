// Remediation due dates (R-SEC-04): working days by severity (critical 2, high 5, medium 15, low 30)
// kept as a setting the project manager edits, counted on the business calendar (holidays and make-up
// workdays included: DefectDojo's SLA ignores holidays, #11833). Informational findings have none.
import { dateOf } from '../../../common/dates.ts';
import { DEFAULT_DUE_DAYS, ZDueDays, type TDueDays, type TSeverity } from '../../../common/vulns.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { getSetting, putSetting } from '../../kernel/settings.ts';

const KEY = 'vulns.due_days';

export async function getDueDays(ctx: Ctx): Promise<TDueDays> {
  const s = await getSetting(ctx, KEY);
  const parsed = ZDueDays.safeParse(s?.value);
  return parsed.success ? parsed.data : DEFAULT_DUE_DAYS;
}

export async function putDueDays(ctx: Ctx, days: TDueDays): Promise<TDueDays> {
  const before = await getDueDays(ctx);
  await inTx(ctx, (tx) => putSetting(tx, KEY, days, { action: 'vulns.due_days.update', before }));
  return days;
}

/** A function giving the due date of a finding of each severity seen at `at`. */
export async function dueDateFn(ctx: Ctx): Promise<(severity: TSeverity, at: Date) => string | null> {
  const [days, cal] = await Promise.all([getDueDays(ctx), getCalendar(ctx)]);
  return (severity, at) => (severity === 'info' ? null : cal.addWorkingDays(dateOf(at), days[severity]));
}
