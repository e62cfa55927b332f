// The outbound policy as the system administrator sets it (settings 'net.outbound'), read before each
// delivery and each save of an SMTP server or a chat robot. GET/PUT /api/admin/outbound.
import { ZOutboundPolicy, type TOutboundPolicy } from '../../../common/notify.ts';
import { getSetting, putSetting } from '../settings.ts';
import type { Ctx } from '../context.ts';
import { Invalid } from '../errors.ts';
import { OutboundRefused, parseAllowList, resolveOutbound, STRICT_POLICY, type OutboundPolicy } from './outbound.ts';
import { checkLiteral } from './request.ts';

const KEY = 'net.outbound';

export async function outboundPolicy(ctx: Ctx): Promise<OutboundPolicy> {
  const r = await getSetting(ctx, KEY);
  const p = ZOutboundPolicy.safeParse(r?.value);
  return p.success ? p.data : STRICT_POLICY;
}

export async function saveOutboundPolicy(ctx: Ctx, input: TOutboundPolicy): Promise<OutboundPolicy> {
  const { ok, bad } = parseAllowList(input.allow);
  if (bad.length)
    throw new Invalid(
      'net.allow_list',
      `不是有效的 IP 地址或网段：${bad.slice(0, 5).join('、')}`,
      bad.map((b) => ({ path: 'body.allow', message: b })),
    );
  const value = { allowPrivate: input.allowPrivate, allow: [...new Set(ok)] };
  await putSetting(ctx, KEY, value, { action: 'net.outbound.update', before: await outboundPolicy(ctx) });
  return value;
}

/**
 * Refuses, when it is saved, a server the policy would refuse at delivery (so the user hears it now).
 * A name that does not resolve from here is accepted: an intranet name may resolve only later.
 */
export async function checkOutboundHost(ctx: Ctx, host: string, path: string): Promise<void> {
  const policy = await outboundPolicy(ctx);
  try {
    checkLiteral(host, policy);
    await resolveOutbound(host, policy);
  } catch (e) {
    if (e instanceof OutboundRefused) throw new Invalid('net.outbound_refused', e.message, [{ path, message: e.message }]);
  }
}
