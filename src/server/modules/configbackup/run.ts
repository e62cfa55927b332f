// Backup runs (R-MON-05): one now on request (answered at once, carried on in the background of the
// node that took the request) or on the schedule of the device's group (scheduler.ts, a `global` job). Each run
// ends as ok or failed with its reason and transcript; a new version that is not the device's first
// and that no approved change covers raises the alert to the line's engineers.
import { and, eq, gt } from 'drizzle-orm';
import { audit } from '../../kernel/audit.ts';
import { SYSTEM_ACTOR, inTx, type Ctx } from '../../kernel/context.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { VENDOR_NAMES, type TVendor } from '../../../common/configbackup.ts';
import { openDetectedTicket, type TicketSummary } from '../desk/api.ts';
import { shanghaiTime } from '../../kernel/office/list-export.ts';
import { explainVersion } from './coverage.ts';
import { deviceRow, openSecrets } from './service.ts';
import { DEFAULT_LIMITS, backupSession, type SessionLimits, type SessionResult } from './session.ts';
import { cfgDevices, cfgRuns } from './tables.ts';
import { VENDOR_PROFILES, stripVolatile } from './vendors.ts';
import { telnetSession } from './telnet.ts';
import { latestVersion, storeVersion, type StoredVersion } from './versions.ts';

let limits: SessionLimits = DEFAULT_LIMITS;
/** The session limits now (the health checks use the same). */
export const sessionLimits = (): SessionLimits => limits;
/** The session limits of every run from now on (tests shorten them; a setting may one day). */
export function setBackupLimits(l: Partial<SessionLimits>): void {
  limits = { ...DEFAULT_LIMITS, ...l };
}

/** Runs carried on by this node, by device: a second request for the same device joins the first. */
const inflight = new Map<string, { runId: string; done: Promise<void> }>();

/** Waits for this node's runs (tests, and an orderly stop). */
export async function settleRuns(): Promise<void> {
  await Promise.all([...inflight.values()].map((r) => r.done));
}

/**
 * Starts a backup of one device and answers at once with the run's id. A run of the device still
 * going (on this node, or on another within the session time limit) is answered instead of a second.
 */
export async function startRun(ctx: Ctx, deviceId: string): Promise<{ runId: string; state: 'running' }> {
  const mine = inflight.get(deviceId);
  if (mine) return { runId: mine.runId, state: 'running' };
  const runId = await inTx(ctx, async (tx) => {
    const [device] = await tx.db.select().from(cfgDevices).where(eq(cfgDevices.id, deviceId)).for('update');
    if (!device) return null;
    const since = new Date(tx.now().getTime() - limits.totalMs - 60_000);
    const [busy] = await tx.db
      .select({ id: cfgRuns.id })
      .from(cfgRuns)
      .where(and(eq(cfgRuns.deviceId, deviceId), eq(cfgRuns.state, 'running'), gt(cfgRuns.startedAt, since)));
    if (busy) return busy.id;
    const [run] = await tx.db.insert(cfgRuns).values({ deviceId, startedAt: tx.now(), state: 'running' }).returning({ id: cfgRuns.id });
    await tx.db.update(cfgDevices).set({ lastRunAt: tx.now(), lastState: 'running' }).where(eq(cfgDevices.id, deviceId));
    await audit(tx, { action: 'configbackup.run', objectType: 'cfg_device', objectId: deviceId, detail: { runId: run!.id } });
    return run!.id;
  });
  if (runId === null) await deviceRow(ctx, deviceId); // throws the NotFound
  const system: Ctx = { ...ctx, actor: SYSTEM_ACTOR, trail: { audited: false } };
  const done = executeRun(system, deviceId, runId!).finally(() => inflight.delete(deviceId));
  inflight.set(deviceId, { runId: runId!, done });
  return { runId: runId!, state: 'running' };
}

export type BackupOutcome = { ok: true; versionId: string } | { ok: false; failure: string; message: string };

/**
 * Backs a device up and waits for the run to end: the version the device is at (new or unchanged),
 * or why not. A run of the same device already going is joined; one on another node is not awaited.
 */
export async function backupAndWait(ctx: Ctx, deviceId: string): Promise<BackupOutcome> {
  const { runId } = await startRun(ctx, deviceId);
  await inflight.get(deviceId)?.done;
  const [run] = await ctx.db.select().from(cfgRuns).where(eq(cfgRuns.id, runId));
  if (run?.state === 'ok') {
    const versionId = run.versionId ?? (await latestVersion(ctx, deviceId))?.id;
    if (versionId) return { ok: true, versionId };
  }
  if (run?.state === 'failed') return { ok: false, failure: run.failure ?? 'error', message: run.message };
  return { ok: false, failure: 'busy', message: '该设备正在由另一节点备份，请稍后再试' };
}

/** Carries a started run to its end; never throws (a fault of its own is recorded as the run's failure). */
async function executeRun(ctx: Ctx, deviceId: string, runId: string): Promise<void> {
  try {
    const device = await deviceRow(ctx, deviceId);
    const profile = VENDOR_PROFILES[device.vendor as TVendor];
    // Issue 12 point 2: Telnet for the devices that offer nothing else, through the same dialogue.
    const result = await (device.protocol === 'telnet' ? telnetSession : backupSession)(
      { address: device.address, port: device.port, username: device.username, secrets: openSecrets(ctx, device), hostKey: device.hostKey },
      profile,
      limits,
    );
    const outcome: SessionResult =
      result.ok && stripVolatile(profile, result.config) === ''
        ? { ok: false, failure: 'prompt', message: '设备未返回配置内容', transcript: result.transcript }
        : result;
    await inTx(ctx, (tx) =>
      outcome.ok ? succeed(tx, device, runId, stripVolatile(profile, outcome.config), outcome.hostKey) : fail(tx, deviceId, runId, outcome),
    );
  } catch (err) {
    ctx.log.error({ err, deviceId, runId }, 'configuration backup run failed');
    await inTx(ctx, (tx) =>
      fail(tx, deviceId, runId, { ok: false, failure: 'error', message: '备份过程出错，详见服务器日志', transcript: '' }),
    ).catch((e: unknown) => ctx.log.error({ err: e }, 'could not record the failed run'));
  }
}

type DeviceRow = typeof cfgDevices.$inferSelect;

async function succeed(tx: Ctx, device: DeviceRow, runId: string, text: string, hostKey: string | null): Promise<void> {
  const stored = await storeVersion(tx, device.id, text);
  const now = tx.now();
  await tx.db
    .update(cfgRuns)
    .set({ state: 'ok', finishedAt: now, message: stored ? '已保存新配置版本' : '配置无变化', versionId: stored?.version.id ?? null })
    .where(eq(cfgRuns.id, runId));
  await tx.db
    .update(cfgDevices)
    // Trust on first use: the first key seen is the device's from now on.
    .set({ lastState: 'ok', lastFailure: null, lastSuccessAt: now, ...(device.hostKey || !hostKey ? {} : { hostKey }) })
    .where(eq(cfgDevices.id, device.id));
  if (!device.hostKey && hostKey)
    await audit(tx, { action: 'configbackup.hostkey.trust', objectType: 'cfg_device', objectId: device.id, after: { hostKey } });
  if (stored) await afterNewVersion(tx, device, stored);
}

/**
 * What a new version leads to: its audit record, and unless it is the device's first, either the
 * approved change that covers it or the alert. Answers the alert's ticket (null: no alert). The demo's
 * seed calls it too (demo.ts).
 */
export async function afterNewVersion(tx: Ctx, device: DeviceRow, stored: StoredVersion): Promise<TicketSummary | null> {
  const v = stored.version;
  await audit(tx, {
    action: 'configbackup.version',
    objectType: 'cfg_device',
    objectId: device.id,
    after: { versionId: v.id, sha256: v.sha256, lines: v.lines },
  });
  if (stored.first) return null;
  if (await explainVersion(tx, { deviceId: device.id, versionId: v.id, takenAt: v.takenAt })) return null;
  // Issue 12: a configuration change no approved change covers is an alert: a fault ticket on the
  // device's line (the desk's SLA applies) and a notice to its engineers naming the ticket.
  const vendor = VENDOR_NAMES[device.vendor as TVendor] ?? device.vendor;
  const ticket = await openDetectedTicket(tx, {
    serviceLine: device.serviceLine,
    severity: 'medium',
    title: `设备配置发生未经批准的变化：${device.name}`,
    description: `${device.name}（${device.address}，${vendor}）的配置在 ${shanghaiTime(v.takenAt)} 的备份中与上一版本不同，且没有已批准的变更覆盖。请核实变化内容：/config-backup/${device.id}?version=${v.id}`,
    assetsText: device.name,
  });
  await notifyUsers(tx, {
    userIds: await usersWithRoles(tx, ['engineer'], { serviceLine: device.serviceLine }),
    event: 'configbackup.unexplained_change',
    severity: 'warning',
    title: `设备配置发生未经批准的变化：${device.name}`,
    body: `${device.name}（${device.address}，${vendor}）的配置与上一版本不同，且没有已批准的变更覆盖。已登记运维单 ${ticket.number}。`,
    link: `/config-backup/${device.id}?version=${v.id}`,
    objectType: 'cfg_device',
    objectId: device.id,
  });
  return ticket;
}

async function fail(tx: Ctx, deviceId: string, runId: string, r: Extract<SessionResult, { ok: false }>): Promise<void> {
  await tx.db
    .update(cfgRuns)
    .set({ state: 'failed', finishedAt: tx.now(), failure: r.failure, message: r.message, transcript: r.transcript })
    .where(eq(cfgRuns.id, runId));
  await tx.db
    .update(cfgDevices)
    .set({
      lastState: 'failed',
      lastFailure: r.failure,
      ...(r.failure === 'hostkey_changed' && r.offeredHostKey ? { pendingHostKey: r.offeredHostKey } : {}),
    })
    .where(eq(cfgDevices.id, deviceId));
  await audit(tx, {
    action: 'configbackup.run_failed',
    objectType: 'cfg_device',
    objectId: deviceId,
    success: false,
    detail: { runId, failure: r.failure },
  });
}

/** Backs the devices up, a few at a time, each run to its end (the scheduled job, scheduler.ts). */
export async function runAll(ctx: Ctx, deviceIds: readonly string[]): Promise<void> {
  const queue = [...deviceIds];
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      await startRun(ctx, id);
      await inflight.get(id)?.done;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}
