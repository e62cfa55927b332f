// The history behind the demo lab's configuration versions (issue 12, R-CHG-03): each change the lab's
// revisions 1 and 2 made was an approved change, implemented in the night window when the 02:30 backup
// took the new version, and confirmed by the agency; so the devices' archives show those versions as
// explained, and only the medical-insurance router's change of last night (the configuration-backup
// demo's alert) and the two past unapproved changes between revisions (its history, demo.ts) stay
// unexplained.
import type { Ctx } from '../kernel/context.ts';
import { allDevices, explainVersions, versionsOf, type VersionRef } from '../modules/configbackup/api.ts';
import { DEMO_UNEXPLAINED_DEVICE, revisionNight } from '../modules/configbackup/demo.ts';
import { recordedBackups } from '../modules/changes/backups.ts';
import { actOnChange, applyImplementation } from '../modules/changes/flow.ts';
import { createChange } from '../modules/changes/service.ts';
import { as } from './actors.ts';
import { DEMO_LAB } from './lab.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface Past {
  revision: number;
  title: string;
  reason: string;
  steps: string;
  rollback: string;
}

const HISTORY: Past[] = [
  {
    revision: 1,
    title: '全网设备新增视频会议 VLAN 60',
    reason: '第三会议室视频会议终端需单独划分 VLAN，保障会议音视频质量。',
    steps: '1. 备份配置\n2. 创建 VLAN 60 并放通上联\n3. 修改会议室接入端口描述与 VLAN\n4. 与会议室联调',
    rollback: '删除 VLAN 60，端口恢复原 VLAN 与描述',
  },
  {
    revision: 2,
    title: '网管网段访问控制放通与 NTP 冗余',
    reason: '新增网管服务器网段 10.10.50.0/24 需访问设备管理口；增加第二台 NTP 服务器。',
    steps: '1. 备份配置\n2. 管理 ACL 增加 10.10.50.0/24\n3. 增加 NTP 服务器 10.10.10.6\n4. 验证登录与时钟同步',
    rollback: '删除新增 ACL 规则与 NTP 服务器',
  },
];

export async function loadChangesHistory(ctx: Ctx): Promise<void> {
  const devices = await allDevices(ctx);
  const lab = [];
  for (const d of DEMO_LAB) {
    const device = devices.find((x) => x.name === d.name);
    if (device) lab.push({ key: d.key, device, versions: await versionsOf(ctx, device.id) });
  }
  // The last night's backup (the alerting device's last change): the revisions' nights count back from it.
  const lastNight = Math.max(0, ...lab.flatMap((d) => d.versions.map((v) => v.takenAt.getTime())));
  for (const past of HISTORY) {
    // The revision's version of each device that made it under this change (taken on the revision's
    // night), and the one before it (an unexplained change in between on some devices: demo.ts).
    const made: { deviceId: string; name: string; before: VersionRef; after: VersionRef }[] = [];
    for (const { key, device, versions } of lab) {
      if (past.revision === 2 && key === DEMO_UNEXPLAINED_DEVICE) continue; // done without approval: the alert
      const night = lastNight - revisionNight(key, past.revision) * DAY;
      const after = versions.find((v) => v.takenAt.getTime() === night);
      const before = after && versions.find((v) => v.seq === after.seq - 1);
      if (after && before) made.push({ deviceId: device.id, name: device.name, before, after });
    }
    if (made.length === 0) continue;
    const at = made[0]!.after.takenAt; // the night's backup
    const start = new Date(at.getTime() - HOUR);
    const end = new Date(at.getTime() + HOUR);
    const eng = await as(ctx, 'eng.net', new Date(at.getTime() - 3 * DAY));
    const c = await createChange(eng, {
      type: 'normal',
      title: past.title,
      category: 'configuration',
      risk: 'low',
      reason: past.reason,
      basis: 'notice',
      basisText: '信息中心变更通知',
      deviceIds: made.map((m) => m.deviceId),
      systems: '',
      plannedStart: start.toISOString(),
      plannedEnd: end.toISOString(),
      steps: past.steps,
      rollback: past.rollback,
    });
    await actOnChange(eng, c.id, { action: 'submit', comment: '' });
    await actOnChange(await as(ctx, 'pm', new Date(at.getTime() - 3 * DAY + 2 * HOUR)), c.id, { action: 'approve', comment: '同意' });
    await actOnChange(await as(ctx, 'agency.contact', new Date(at.getTime() - 2 * DAY)), c.id, {
      action: 'approve',
      comment: '同意，按窗口实施',
    });
    const pick = (w: 'before' | 'after') => made.map((m) => ({ deviceId: m.deviceId, name: m.name, versionId: m[w].id, error: null }));
    await applyImplementation(
      await as(ctx, 'eng.net', new Date(start.getTime() + 10 * 60_000)),
      c.id,
      'start',
      '',
      recordedBackups(c.id, 'before', pick('before')),
    );
    await applyImplementation(
      await as(ctx, 'eng.net', new Date(end.getTime() - 20 * 60_000)),
      c.id,
      'finish',
      '已实施并验证',
      recordedBackups(c.id, 'after', pick('after')),
    );
    for (const m of made) await explainVersions(ctx, m.deviceId, start, end);
    await actOnChange(await as(ctx, 'agency.contact', new Date(at.getTime() + DAY)), c.id, {
      action: 'confirm',
      comment: '已核对前后配置，确认',
    });
  }
}
