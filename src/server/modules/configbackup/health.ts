// Health checks of routers and switches (issue 14, R-INS-02): read-only commands per vendor run over
// SSH with the device's profile and credentials, as a backup logs in; the outputs go to the
// inspection sheet. Telnet devices are not asked (a health check is no reason to send a password in clear).
import { eq } from 'drizzle-orm';
import type { TVendor } from '../../../common/configbackup.ts';
import type { Ctx } from '../../kernel/context.ts';
import { sessionLimits } from './run.ts';
import { openSecrets } from './service.ts';
import { commandSession } from './session.ts';
import { cfgDevices } from './tables.ts';
import { VENDOR_PROFILES } from './vendors.ts';

const HUAWEI = ['display version', 'display device', 'display cpu-usage', 'display memory-usage'];
export const HEALTH_COMMANDS: Record<TVendor, string[]> = {
  'huawei-vrp': HUAWEI,
  'h3c-comware': ['display version', 'display device', 'display cpu-usage', 'display memory'],
  'cisco-ios': ['show version', 'show environment all', 'show processes cpu sorted | include CPU'],
  'ruijie-rgos': ['show version', 'show cpu', 'show memory'],
  'hillstone-stoneos': ['show version', 'show cpu', 'show memory'],
  'fortinet-fortios': ['get system status', 'get system performance status'],
  'juniper-junos': ['show version', 'show chassis environment', 'show system processes extensive | match CPU'],
};

export type HealthOutcome = { ok: true; device: string; output: string } | { ok: false; device: string; failure: string; message: string };

/** Runs the vendor's health commands on the device of this name; never throws for the device's faults. */
export async function healthCheck(ctx: Ctx, name: string): Promise<HealthOutcome> {
  const [d] = await ctx.db.select().from(cfgDevices).where(eq(cfgDevices.name, name));
  if (!d) return { ok: false, device: name, failure: 'unknown', message: '配置备份中没有该设备，无法登录执行检查命令' };
  if (d.protocol !== 'ssh') return { ok: false, device: name, failure: 'telnet', message: '该设备只支持 Telnet，健康检查只通过 SSH 执行' };
  const vendor = d.vendor as TVendor;
  const commands = HEALTH_COMMANDS[vendor];
  const r = await commandSession(
    { address: d.address, port: d.port, username: d.username, secrets: openSecrets(ctx, d), hostKey: d.hostKey },
    VENDOR_PROFILES[vendor],
    commands,
    sessionLimits(),
  );
  if (!r.ok) return { ok: false, device: name, failure: r.failure, message: r.message };
  return { ok: true, device: name, output: commands.map((c, i) => `### ${c}\n${r.outputs[i] ?? ''}`).join('\n\n') };
}
