// The demo of configuration backup (issue 12 point 5): the demo lab's SSH devices registered by the
// network engineer, each with a history of versions taken by past nightly runs, and the latest
// change of ONE device unexplained, so the demo opens on one diff alert (a notice and a fault ticket).
// Versions come from the lab's own configuration generator (revisions 0, 1, 2, as the running lab
// serves the latest), stored by the module's own code at past times: no SSH session while the demo
// loads (fast, deterministic, and the lab need not be up yet: bootstrap runs before it starts).
// A "back up now" afterwards reaches the running lab and finds no change, as a real site would.
// The history also holds two past changes no approved change explains (issue 15: the reports' 无变更单
// 说明 count), one in the previous calendar month and one in the previous week: a static route an
// engineer added while fixing a fault, without a change request. Each raised its alert then; the
// ticket was resolved once the engineer had explained it, and the next approved change removed the
// route. They stay unexplained versions (no approved change covers them), as on a real site.
import ssh2 from 'ssh2';
import { eq } from 'drizzle-orm';
import { addCalendarDays, dateOf, weekdayOf } from '../../../common/dates.ts';
import type { Ctx } from '../../kernel/context.ts';
import { SYSTEM_ACTOR } from '../../kernel/context.ts';
import { listNotifications, markRead } from '../../kernel/notify/inbox.ts';
import type { DemoEnv } from '../../kernel/module.ts';
import { as } from '../../demo/actors.ts';
import { DEMO_LAB, DEMO_LAB_HOST, DEMO_LAB_SSH_PASSWORD, DEMO_LAB_SSH_USER, labPorts } from '../../demo/lab.ts';
import { labConfig, LAB_LATEST_REVISION } from '../../demo/lab/config.ts';
import { resolveDetectedTicket } from '../desk/api.ts';
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

/**
 * The nights before the last one when each revision was backed up: ten weeks ago (the first backup),
 * ten days ago, four days ago; the alerting device's last change last night.
 */
export const revisionNight = (key: string, revision: number): number =>
  revision === 0 ? 70 : revision === 1 ? 10 : key === DEMO_UNEXPLAINED_DEVICE ? 0 : 4;

/** The devices whose past unexplained change falls in the previous calendar month, and in the previous week. */
export const DEMO_PAST_UNEXPLAINED = { month: 'core-1', week: 'core-2' } as const;

/**
 * The nights (before the last one, as `nightly`) of the past unexplained changes: the first night
 * between two revisions of the device whose China date is in the previous calendar month, and in the
 * previous week (Monday to Sunday), of `now`'s China date. Any date has one (first days of a month,
 * a new year): the previous week always holds a night 5 to 9 or 11 to 13 nights back, the previous
 * month one between 5 and 62.
 */
export function pastUnexplainedNights(now: Date): { month: number; week: number } {
  const today = dateOf(now);
  const monthStart = `${today.slice(0, 8)}01`;
  const prevMonthEnd = addCalendarDays(monthStart, -1);
  const prevMonth = [`${prevMonthEnd.slice(0, 8)}01`, prevMonthEnd] as const;
  const monday = addCalendarDays(today, -((weekdayOf(today) + 6) % 7));
  const prevWeek = [addCalendarDays(monday, -7), addCalendarDays(monday, -1)] as const;
  const first = (key: string, [from, to]: readonly [string, string]): number => {
    for (let k = revisionNight(key, LAB_LATEST_REVISION) + 1; k < revisionNight(key, 0); k++) {
      if (k === revisionNight(key, 1)) continue;
      const day = dateOf(nightly(now, k));
      if (day >= from && day <= to) return k;
    }
    throw new Error(`no demo night between ${from} and ${to}`);
  };
  return { month: first(DEMO_PAST_UNEXPLAINED.month, prevMonth), week: first(DEMO_PAST_UNEXPLAINED.week, prevWeek) };
}

/** The unapproved change: a static route added while fixing a fault (VRP and Comware syntax). */
const withTemporaryRoute = (text: string) => text.replace(/\nreturn\n$/, '\nip route-static 10.20.0.0 255.255.0.0 172.17.1.2\n#\nreturn\n');

/** Each device's history, oldest first: the revisions, and on two devices the past unexplained change. */
function historyOf(now: Date, key: string): { night: number; revision: number; unexplained: boolean }[] {
  const h = Array.from({ length: LAB_LATEST_REVISION + 1 }, (_, rev) => ({
    night: revisionNight(key, rev),
    revision: rev,
    unexplained: false,
  }));
  const past = pastUnexplainedNights(now);
  for (const [period, k] of Object.entries(DEMO_PAST_UNEXPLAINED) as [keyof typeof past, string][]) {
    if (k !== key) continue;
    // The configuration it changed: the revision the device had then.
    const before = h.filter((e) => e.night > past[period]).at(-1)!;
    h.push({ night: past[period], revision: before.revision, unexplained: true });
  }
  return h.sort((a, b) => b.night - a.night);
}

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
    for (const e of historyOf(now, d.key)) {
      const at = nightly(now, e.night);
      const tx: Ctx = { ...ctx, actor: SYSTEM_ACTOR, now: () => at };
      const text = labConfig(d, e.revision, at);
      const stored = await storeVersion(tx, dev.id, stripVolatile(profile, e.unexplained ? withTemporaryRoute(text) : text));
      await tx.db.insert(cfgRuns).values({
        deviceId: dev.id,
        startedAt: at,
        finishedAt: new Date(at.getTime() + 4000),
        state: 'ok',
        message: '已保存新配置版本',
        versionId: stored?.version.id ?? null,
      });
      // What a real run does after a new version, for the unexplained changes only (the approved
      // changes behind the revisions are recorded later, demo/changes-history.ts).
      const live = d.key === DEMO_UNEXPLAINED_DEVICE && e.revision === LAB_LATEST_REVISION;
      if (stored && (live || e.unexplained)) {
        const [row] = await tx.db.select().from(cfgDevices).where(eq(cfgDevices.id, dev.id));
        const ticket = await afterNewVersion(tx, row!, stored);
        // A past one: the engineer explained it the next morning (the ticket resolved, the notice read).
        if (ticket && e.unexplained) {
          const handler = await as(ctx, 'eng.net', new Date(at.getTime() + 7 * 3600_000));
          await resolveDetectedTicket(
            handler,
            ticket.id,
            '已核实：排障时临时增加的静态路由，未走变更流程；已提醒按变更流程办理，路由在下次计划变更中移除。',
          );
          // The engineer who handled it read the notice (its link names the version).
          const bell = await listNotifications(handler, { unread: true, page: 1, pageSize: 100 });
          for (const n of bell.items)
            if (n.event === 'configbackup.unexplained_change' && n.link?.endsWith(`version=${stored.version.id}`))
              await markRead(handler, n.id);
        }
      }
      last = at;
    }
    await ctx.db
      .update(cfgDevices)
      .set({ hostKey, lastRunAt: last, lastState: 'ok', lastSuccessAt: new Date(last.getTime() + 4000) })
      .where(eq(cfgDevices.id, dev.id));
  }
}
