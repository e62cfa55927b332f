// Backup schedule groups (issue 12 point 2) on a test clock: a group's run is due inside its window
// and not outside, a working-days-only group skips a statutory holiday (国庆节), devices in no group
// keep the nightly default, and the groups' API checks permissions, rules across fields and audits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../kernel/db/client.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TGroup } from '../../../common/configbackup-groups.ts';
import type { TDevice } from '../../../common/configbackup.ts';
import { dueDevices, scheduledBackup } from './scheduler.ts';
import { BASE, register } from './test/helpers.ts';

const GROUPS = '/api/config-backup/groups';
const at = (iso: string) => new Date(`${iso}+08:00`); // Beijing time
const clock = new Clock(at('2026-09-29T00:30:00')); // a Tuesday, a working day

let t: TestApp;
let eng: Agent;
let agency: Agent;
let core: TGroup;
let inGroup: TDevice;
let ungrouped: TDevice;

beforeAll(async () => {
  t = await testApp({ clock });
  eng = await t.userAgent('eng.sched', ['engineer'], { serviceLines: ['NET'] });
  agency = await t.userAgent('agency.sched', ['agency_contact']);
  // Port 9 on loopback: nothing listens, a run fails at once (the scheduler's choice is what is tested).
  inGroup = await register(eng, { name: '核心交换机 A', port: 9, password: 'x-Pass-1' });
  ungrouped = await register(eng, { name: '接入交换机 B', port: 9, password: 'x-Pass-1' });
});
afterAll(async () => {
  await t?.close();
});

describe('schedule groups', () => {
  it('checks who may write, the rules across fields, and audits', async () => {
    const body = { name: '核心网络设备', everyMinutes: 60, windowStart: '01:00', windowEnd: '05:00', workingDaysOnly: true };
    expect((await agency.post(GROUPS, body)).statusCode).toBe(403);
    const never = await eng.post(GROUPS, { ...body, everyMinutes: null, dailyTimes: ['06:00'] });
    expect(never.statusCode).toBe(400);
    expect(never.body).toContain('不在时间窗口');
    expect((await eng.post(GROUPS, { ...body, everyMinutes: null })).statusCode).toBe(400); // no schedule at all
    expect((await eng.post(GROUPS, { ...body, windowEnd: null })).statusCode).toBe(400); // half a window
    expect((await eng.post(GROUPS, { ...body, windowStart: '25:00' })).statusCode).toBe(400);

    const created = await eng.post(GROUPS, body);
    expect(created.statusCode, created.body).toBe(201);
    core = json<TGroup>(created);
    expect((await eng.post(GROUPS, body)).statusCode).toBe(409); // the name is taken
    const off = json<TGroup>(await eng.post(GROUPS, { name: '安全设备', dailyTimes: ['03:00', '01:30'], enabled: false }));
    expect(off.dailyTimes).toEqual(['01:30', '03:00']);

    expect((await agency.post(`${GROUPS}/${core.id}/devices`, { add: [inGroup.id] })).statusCode).toBe(403);
    const assigned = await eng.post(`${GROUPS}/${core.id}/devices`, { add: [inGroup.id] });
    expect(json(assigned)).toEqual({ added: 1, removed: 0 });
    expect(json<TDevice>(await agency.get(`${BASE}/${inGroup.id}`)).groupId).toBe(core.id);
    const members = json<{ total: number; items: TDevice[] }>(await agency.get(`${BASE}?groupId=${core.id}`));
    expect(members.items.map((d) => d.name)).toEqual(['核心交换机 A']);

    const list = json<{ total: number; items: TGroup[] }>(await agency.get(`${GROUPS}?enabled=true&pageSize=1`));
    expect(list).toMatchObject({ total: 1, items: [{ name: '核心网络设备', devices: 1 }] });
    expect(json<{ total: number }>(await agency.get(`${GROUPS}?page=2&pageSize=1`)).total).toBe(2);

    const patched = await eng.patch(`${GROUPS}/${off.id}`, { windowStart: '02:00', windowEnd: '04:00' });
    expect(patched.statusCode).toBe(400); // 01:30 would never run
    expect((await eng.request('DELETE', `${GROUPS}/${off.id}`)).statusCode).toBe(204);
    const audited = await queryRows<{ action: string }>(
      t.ctx.db,
      sql`SELECT action FROM audit_log WHERE action LIKE 'configbackup.group.%' ORDER BY seq`,
    );
    expect(audited.map((r) => r.action)).toEqual([
      'configbackup.group.create',
      'configbackup.group.create',
      'configbackup.group.assign',
      'configbackup.group.delete',
    ]);
  });

  it('starts a run only inside the window, and not on a holiday when working days only', async () => {
    clock.set(at('2026-09-29T00:30:00'));
    expect(await dueDevices(t.ctx)).toEqual([]); // before 01:00; the default waits for 02:30
    clock.set(at('2026-09-29T01:10:00'));
    expect(await dueDevices(t.ctx)).toEqual([inGroup.id]);

    await scheduledBackup.handler(t.ctx, null, t);
    const runs = await queryRows<{ state: string }>(t.ctx.db, sql`SELECT state FROM cfg_runs WHERE device_id = ${inGroup.id}`);
    expect(runs).toEqual([{ state: 'failed' }]); // nothing listens on port 9
    expect(await dueDevices(t.ctx)).toEqual([]); // ran: next in an hour

    clock.set(at('2026-09-29T02:15:00'));
    expect(await dueDevices(t.ctx)).toEqual([inGroup.id]);
    clock.set(at('2026-09-29T02:35:00'));
    expect((await dueDevices(t.ctx)).sort()).toEqual([inGroup.id, ungrouped.id].sort()); // 02:30 passed
    await scheduledBackup.handler(t.ctx, null, t);
    clock.set(at('2026-09-29T05:30:00'));
    expect(await dueDevices(t.ctx)).toEqual([]); // the window closed at 05:00

    // 2026-10-01, 国庆节: the working-days-only group rests; the default runs every day.
    clock.set(at('2026-10-01T02:40:00'));
    expect(await dueDevices(t.ctx)).toEqual([ungrouped.id]);
    // The same hour on Friday 2026-10-09, a working day again.
    clock.set(at('2026-10-09T02:40:00'));
    expect((await dueDevices(t.ctx)).sort()).toEqual([inGroup.id, ungrouped.id].sort());

    // Disabled: nothing; back in no group: the default again. (The clock moved past the session's idle limit.)
    eng = await t.userAgent('eng.sched2', ['engineer'], { serviceLines: ['NET'] });
    await eng.patch(`${GROUPS}/${core.id}`, { enabled: false });
    expect(await dueDevices(t.ctx)).toEqual([ungrouped.id]);
    await eng.post(`${GROUPS}/${core.id}/devices`, { remove: [inGroup.id] });
    expect((await dueDevices(t.ctx)).sort()).toEqual([inGroup.id, ungrouped.id].sort());
  });
});
