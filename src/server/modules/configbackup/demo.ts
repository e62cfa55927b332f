// The demo of configuration backup (issue 12 point 5): the demo lab's SSH devices registered by the
// network engineer, each with a short history of versions taken by past nightly runs, and the latest
// change of ONE device unexplained, so the demo opens on one diff alert (a notice and a fault ticket).
// Versions come from the lab's own configuration generator (revisions 0, 1, 2, as the running lab
// serves the latest), stored by the module's own code at past times: no SSH session while the demo
// loads (fast, deterministic, and the lab need not be up yet: bootstrap runs before it starts).
// A "back up now" afterwards reaches the running lab and finds no change, as a real site would.
import ssh2 from 'ssh2';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { SYSTEM_ACTOR } from '../../kernel/context.ts';
import type { DemoEnv } from '../../kernel/module.ts';
import { as } from '../../demo/actors.ts';
import { DEMO_LAB, DEMO_LAB_HOST, DEMO_LAB_SSH_PASSWORD, DEMO_LAB_SSH_USER, labPorts } from '../../demo/lab.ts';
import { labConfig, LAB_LATEST_REVISION } from '../../demo/lab/config.ts';
import { demoHostKey } from '../../demo/lab/ssh.ts';
import { afterNewVersion } from './run.ts';
import { createDevice } from './service.ts';
import { fingerprintOf } from './session.ts';
import { cfgDevices, cfgRuns } from './tables.ts';
import { VENDOR_PROFILES, stripVolatile } from './vendors.ts';
import { storeVersion } from './versions.ts';

/** The lab device whose latest change no approved change explains: the demo's one diff alert. */
export const DEMO_UNEXPLAINED_DEVICE = 'mi-r';

const DAY = 86_400_000;

/** The nightly run (02:30 Asia/Shanghai = 18:30 UTC the day before) `daysAgo` nights before the last one. */
function nightly(now: Date, daysAgo: number): Date {
  const t = new Date(now);
  t.setUTCHours(18, 30, 0, 0);
  if (t > now) t.setTime(t.getTime() - DAY);
  return new Date(t.getTime() - daysAgo * DAY);
}

/** When each revision was backed up: three weeks, ten days ago; the last change last night on the alerting device. */
const takenAt = (now: Date, key: string, revision: number) =>
  nightly(now, revision === 0 ? 21 : revision === 1 ? 10 : key === DEMO_UNEXPLAINED_DEVICE ? 0 : 4);

export async function loadConfigBackupDemo(ctx: Ctx, _env: DemoEnv): Promise<void> {
  const eng = await as(ctx, 'eng.net');
  const now = ctx.now();
  for (const d of DEMO_LAB) {
    const dev = await createDevice(eng, {
      name: d.name,
      address: DEMO_LAB_HOST,
      port: labPorts(d).ssh,
      protocol: 'ssh',
      vendor: d.vendor,
      serviceLine: d.serviceLine,
      username: DEMO_LAB_SSH_USER,
      password: DEMO_LAB_SSH_PASSWORD,
    });
    const profile = VENDOR_PROFILES[d.vendor];
    // The key the lab device will offer (the same on every start): trusted at the first of these runs.
    const key = ssh2.utils.parseKey(demoHostKey(d.key));
    if (key instanceof Error) throw key;
    const hostKey = fingerprintOf(key.getPublicSSH());
    let last = now;
    for (let rev = 0; rev <= LAB_LATEST_REVISION; rev++) {
      const at = takenAt(now, d.key, rev);
      const tx: Ctx = { ...ctx, actor: SYSTEM_ACTOR, now: () => at };
      const stored = await storeVersion(tx, dev.id, stripVolatile(profile, labConfig(d, rev, at)));
      await tx.db.insert(cfgRuns).values({
        deviceId: dev.id,
        startedAt: at,
        finishedAt: new Date(at.getTime() + 4000),
        state: 'ok',
        message: '已保存新配置版本',
        versionId: stored?.version.id ?? null,
      });
      // Only the alerting device's last change goes through what a real run does after a new version.
      if (stored && d.key === DEMO_UNEXPLAINED_DEVICE && rev === LAB_LATEST_REVISION) {
        const [row] = await tx.db.select().from(cfgDevices).where(eq(cfgDevices.id, dev.id));
        await afterNewVersion(tx, row!, stored);
      }
      last = at;
    }
    await ctx.db
      .update(cfgDevices)
      .set({ hostKey, lastRunAt: last, lastState: 'ok', lastSuccessAt: new Date(last.getTime() + 4000) })
      .where(eq(cfgDevices.id, dev.id));
  }
}
