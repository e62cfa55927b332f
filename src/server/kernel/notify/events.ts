// The notification event catalogue: every module's declared events (their manifests), read from the
// registry installed at start. Data only (names and default channels), so services keep calling
// notifyUsers(ctx, { event: 'ticket.assigned', … }) without carrying definitions around.
import type { NotifyChannel, NotifyEventDef } from '../../../common/notify.ts';
import { catalogue } from '../catalogue.ts';

const NONE: ReadonlyMap<string, NotifyEventDef & { module: string }> = new Map();

export function notifyEvents(): ReadonlyMap<string, NotifyEventDef & { module: string }> {
  return catalogue()?.events ?? NONE;
}

/** The channels an event uses while the user has not chosen; an undeclared event goes to the bell only. */
export function eventDefaults(code: string): readonly NotifyChannel[] {
  return notifyEvents().get(code)?.defaults ?? ['inapp'];
}

/** The event's Chinese name, or its code when no module declares it (a module since removed). */
export function eventName(code: string): string {
  return notifyEvents().get(code)?.zh ?? code;
}
