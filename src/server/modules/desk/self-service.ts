// Self-service (自助报修, desk.self without desk.create): agency staff report a problem themselves.
// The form starts from what the system already knows of them, and the server holds the same rules:
// a ticket in their own name, now, over the web, with a phone number the engineer can call back on
// (R-SD-02 calls the requester back within 5 minutes, so a ticket without a number cannot be kept).
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { TSelfService } from '../../../common/desk-self.ts';
import { isServiceLineCode } from '../../../common/service-lines.ts';
import type { Ctx } from '../../kernel/context.ts';
import { userPhone } from '../../kernel/directory.ts';
import { Invalid } from '../../kernel/errors.ts';
import { linesInForce } from '../contract/api.ts';
import { listSites, personOfUser } from '../org/api.ts';
import type { TicketInput } from './service.ts';
import { tickets } from './tables.ts';

/** Reports for oneself: holds desk.self but cannot log tickets for others. */
export const isSelfService = (ctx: Ctx): boolean => !!ctx.actor && !ctx.actor.permissions.has('desk.create');

/** The phone and department on file: the account's phone first, then the person record's. */
async function onFile(ctx: Ctx): Promise<{ phone: string; department: string }> {
  const a = ctx.actor!;
  const [account, person] = await Promise.all([userPhone(ctx, a.id), personOfUser(ctx, a.username)]);
  const phone = account || person?.mobile.trim() || person?.phone.trim() || '';
  return { phone, department: person?.departmentName ?? '' };
}

export async function selfServiceInfo(ctx: Ctx): Promise<TSelfService> {
  const a = ctx.actor!;
  const { phone, department } = await onFile(ctx);
  // The usual site: where their latest ticket naming a site was (people have no site of their own).
  const [last] = await ctx.db
    .select({ siteId: tickets.siteId })
    .from(tickets)
    .where(and(eq(tickets.createdBy, a.id), isNotNull(tickets.siteId)))
    .orderBy(desc(tickets.reportedAt))
    .limit(1);
  const sites = (await listSites(ctx, 200)).map((x) => ({ id: x.id, name: x.name }));
  const usual = sites.find((x) => x.id === last?.siteId);
  const lines = (await linesInForce(ctx)).flatMap((l) =>
    isServiceLineCode(l.code)
      ? [{ ...l, code: l.code, hoursProfile: l.hoursProfile === '7x24' ? ('7x24' as const) : ('5x9' as const) }]
      : [],
  );
  return {
    requester: {
      name: a.displayName,
      phone,
      phoneOnFile: !!phone,
      department,
      siteId: usual?.id ?? null,
      siteName: usual?.name ?? '',
    },
    lines,
    sites,
  };
}

/**
 * The ticket a self-service requester files: in their own name, now, over the web (no back-dating,
 * no filing as someone else); the phone and department on file fill what they left empty, and a
 * phone is required when none is on file.
 */
export async function selfServiceTicket(ctx: Ctx, body: TicketInput): Promise<TicketInput> {
  if (!isSelfService(ctx)) return body;
  const a = ctx.actor!;
  const file = await onFile(ctx);
  const phone = body.requesterPhone?.trim() || file.phone;
  if (!phone)
    throw new Invalid('desk.phone_required', '请填写联系电话：您的账号未登记电话，工程师需要回电联系您', [
      { path: 'body.requesterPhone', message: '请填写联系电话' },
    ]);
  return {
    ...body,
    channel: 'web',
    reportedAt: undefined,
    requesterName: a.displayName,
    requesterPhone: phone,
    requesterDepartment: body.requesterDepartment?.trim() || file.department,
  };
}
