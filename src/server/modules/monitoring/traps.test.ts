// SNMP traps (issue 12 point 3) from Debian's snmptrap to the kernel's collector runtime running the
// trap listener on a loopback port: a v2c linkDown from a registered device is stored as its event
// and opens the link_down alert with a desk ticket, the matching linkUp resolves it; a v1 linkDown is
// understood too; a trap from an unregistered sender is counted and listed; a flood of garbage
// datagrams is counted and the listener still answers afterwards.
import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollectors } from '../../kernel/collectors/runtime.ts';
import type { CollectorRuntime } from '../../kernel/collectors/types.ts';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TMonAlert, TTrapEvent, TTrapSource } from '../../../common/monitoring.ts';
import { evaluateAlerts } from './alerts.ts';
import { freeUdpPort } from './test/agents.ts';
import { BASE, register } from './test/helpers.ts';
import { trapCollector, trapStats } from './traps.ts';

const run = promisify(execFile);
const LINK_DOWN = '1.3.6.1.6.3.1.1.5.3';
const LINK_UP = '1.3.6.1.6.3.1.1.5.4';
let t: TestApp;
let eng: Agent;
let port: number;
let runtime: CollectorRuntime;

/** snmptrap from Debian's snmp package, to the listener only (127.0.0.1), from the given local address. */
const snmptrap = (args: string[], from = '127.0.0.1') =>
  run('snmptrap', ['-M', '/dev/null', `--clientaddr=${from}`, ...args], { timeout: 10_000 });
const v2c = (oid: string, ifIndex: number, from?: string) =>
  snmptrap(['-v', '2c', '-c', 'public', `127.0.0.1:${port}`, '', oid, `1.3.6.1.2.1.2.2.1.1.${ifIndex}`, 'i', String(ifIndex)], from);

const traps = async (id: string) => json<{ items: TTrapEvent[]; total: number }>(await eng.get(`${BASE}/${id}/traps`));
const sources = async () => json<{ items: TTrapSource[] }>(await eng.get('/api/monitoring/trap-sources')).items;
const alerts = async (id: string) => json<{ items: TMonAlert[] }>(await eng.get(`/api/monitoring/alerts?deviceId=${id}`)).items;

beforeAll(async () => {
  t = await testApp();
  eng = await t.userAgent('eng.trap', ['engineer'], { serviceLines: ['NET'] });
  port = await freeUdpPort();
  runtime = await startCollectors({
    database: t.db.database,
    nodeId: 'trap-test',
    log: t.ctx.log,
    keys: t.ctx.keys,
    listen: { host: '127.0.0.1', snmpTrapPort: port },
    defs: [trapCollector],
  });
});
afterAll(async () => {
  await runtime?.stop();
  await t?.close();
});

describe('SNMP traps', () => {
  it('stores a registered device’s traps and turns linkDown/linkUp into an alert with a ticket', async () => {
    const dev = await register(eng, { name: '出口防火墙', address: '127.0.0.1' });
    await v2c(LINK_DOWN, 7);
    await expect.poll(async () => (await traps(dev.id)).total, { timeout: 10_000 }).toBe(1);
    expect((await traps(dev.id)).items[0]).toMatchObject({ trapName: 'linkDown', ifIndex: 7, version: '2c', address: '127.0.0.1' });

    await evaluateAlerts(t.ctx);
    const [open] = await alerts(dev.id);
    expect(open).toMatchObject({ rule: 'link_down', object: '7', state: 'open' });
    expect(open!.ticketNumber).toMatch(/\S/);
    const ticket = json<{ status: string; channel: string }>(await eng.get(`/api/tickets/${open!.ticketId}`));
    expect(ticket.channel).toBe('monitoring');

    await v2c(LINK_UP, 7);
    await expect.poll(async () => (await traps(dev.id)).total, { timeout: 10_000 }).toBe(2);
    await evaluateAlerts(t.ctx);
    expect((await alerts(dev.id))[0]).toMatchObject({ rule: 'link_down', state: 'closed' });
    const resolved = json<{ status: string }>(await eng.get(`/api/tickets/${open!.ticketId}`));
    expect(resolved.status).not.toBe(ticket.status);

    // SNMPv1: generic trap 2 is linkDown.
    await snmptrap(['-v', '1', '-c', 'public', `127.0.0.1:${port}`, '', '127.0.0.1', '2', '0', '', '1.3.6.1.2.1.2.2.1.1.9', 'i', '9']);
    await expect.poll(async () => (await traps(dev.id)).total, { timeout: 10_000 }).toBe(3);
    expect((await traps(dev.id)).items[0]).toMatchObject({ trapName: 'linkDown', ifIndex: 9, version: '1', trapOid: LINK_DOWN });
  });

  it('counts unknown senders and garbage, and keeps listening', async () => {
    await v2c(LINK_DOWN, 3, '127.0.0.5');
    await expect.poll(async () => (await sources()).find((s) => s.address === '127.0.0.5')?.unknownTraps, { timeout: 10_000 }).toBe(1);

    const before = trapStats.garbage;
    const sock = createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, '127.0.0.6', r));
    for (let i = 0; i < 300; i++) {
      const junk = Buffer.alloc(1 + (i % 200), i % 256);
      if (i % 3 === 0) junk[0] = 0x30; // looks like the start of a BER sequence
      await new Promise<void>((r) => sock.send(junk, port, '127.0.0.1', () => r()));
    }
    sock.close();
    await expect.poll(() => trapStats.garbage - before, { timeout: 10_000 }).toBeGreaterThan(250);
    const counted = trapStats.garbage - before;
    await expect.poll(async () => (await sources()).find((s) => s.address === '127.0.0.6')?.garbage, { timeout: 10_000 }).toBe(counted);

    // Still listening: a trap after the flood arrives.
    await v2c(LINK_DOWN, 4, '127.0.0.5');
    await expect.poll(async () => (await sources()).find((s) => s.address === '127.0.0.5')?.unknownTraps, { timeout: 10_000 }).toBe(2);
    expect(runtime.health().find((h) => h.id === 'monitoring.traps')?.state).toBe('running');
  });
});
