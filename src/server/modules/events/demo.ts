// Demo data of the event centre (issue 13 point 10): the demo's security devices (demo/syslog.ts)
// registered as log sources by their loopback addresses, the Huawei firewall as GBK, all but the
// anti-virus server, which shows under unknown sources; a filter rule dropping its heartbeats; and
// correlation rules: brute force then success (enabled: the generator plays one now and then, so an
// alert opens a ticket), repeated attacks (disabled, to try in the editor), and the traffic attacks of
// R-MON-04, large flows and floods (enabled; the generator plays neither).
// The lines themselves come live from the lab's generator (demo/lab/syslog.ts).
import type { Ctx } from '../../kernel/context.ts';
import { DEMO_SYSLOG_SOURCES } from '../../demo/syslog.ts';
import { addFilter } from './filters.ts';
import { saveRule } from './correlation/service.ts';
import { BRUTE_FORCE_RULE, FLOOD_RULE, LARGE_FLOW_RULE, REPEATED_ATTACK_RULE } from './correlation/samples.ts';
import { addSource } from './service.ts';

export async function loadEventsDemo(ctx: Ctx): Promise<void> {
  for (const s of DEMO_SYSLOG_SOURCES.filter((x) => x.registered))
    await addSource(ctx, { name: s.name, address: s.address, vendor: s.vendor, charset: s.charset });
  await addFilter(ctx, { action: 'drop', field: 'message', op: 'contains', value: '心跳', note: '防病毒服务心跳，无需保存' });
  await saveRule(ctx, { yaml: BRUTE_FORCE_RULE, enabled: true });
  await saveRule(ctx, { yaml: REPEATED_ATTACK_RULE, enabled: false });
  await saveRule(ctx, { yaml: LARGE_FLOW_RULE, enabled: true });
  await saveRule(ctx, { yaml: FLOOD_RULE, enabled: true });
}
