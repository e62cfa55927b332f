// The topology from LLDP (R-MON-06) on both databases: two snmpsim agents that name each other (and an
// unmanaged switch) in their lldpRemTable; the map has each registered device, the unmanaged
// neighbour, and one link per pair of ports although both sides report the core-to-router link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TTopology } from '../../../common/monitoring.ts';
import { setSnmpLimits, snmpCollector } from './collectors.ts';
import { startSnmpsim, type Simulator } from './test/agents.ts';
import { lldpAgent as agent } from './test/lldp.ts';
import { register, round } from './test/helpers.ts';

let t: TestApp;
let eng: Agent;
const sims: Simulator[] = [];

beforeAll(async () => {
  sims.push(
    await startSnmpsim('sim-core', [
      ...agent('CORE-SW1', [
        [1, 'GigabitEthernet0/0/1', 'EGOV-R', 'GE1/0/1'],
        [2, 'GigabitEthernet0/0/2', 'ACC-4F', 'GE1/0/24'],
      ]),
    ]),
    await startSnmpsim('sim-egov', agent('EGOV-R', [[5, 'GE1/0/1', 'core-sw1', 'GigabitEthernet0/0/1']])),
  );
  t = await testApp();
  setSnmpLimits({ timeoutMs: 1500, retries: 1 });
  eng = await t.userAgent('eng.topo', ['engineer'], { serviceLines: ['NET'] });
});
afterAll(async () => {
  setSnmpLimits({});
  await t?.close();
  for (const s of sims) await s.stop();
});

describe('topology from LLDP', () => {
  it('draws the registered devices, the unmanaged neighbour, and each link once', async () => {
    const core = await register(eng, { name: '核心交换机 1', snmp: { version: '2c', community: 'sim-core', port: sims[0]!.port } });
    const egov = await register(eng, { name: '电子政务外网路由器', snmp: { version: '2c', community: 'sim-egov', port: sims[1]!.port } });
    await round(t.ctx, snmpCollector);
    const topo = json<TTopology>(await eng.get('/api/monitoring/topology'));
    expect(topo.nodes.map((n) => [n.name, n.registered]).sort()).toEqual([
      ['ACC-4F', false],
      ['核心交换机 1', true],
      ['电子政务外网路由器', true],
    ]);
    expect(topo.nodes.find((n) => n.id === core.id)?.sysName).toBe('CORE-SW1');
    const ends = topo.links.map((l) => [l.source, l.sourcePort, l.target, l.targetPort]);
    expect(ends).toHaveLength(2);
    expect(ends).toContainEqual([core.id, 'GigabitEthernet0/0/1', egov.id, 'GE1/0/1']);
    expect(ends).toContainEqual([core.id, 'GigabitEthernet0/0/2', 'lldp:ACC-4F', 'GE1/0/24']);
    // Agency staff without monitoring.read see nothing of it.
    const staff = await t.userAgent('staff.topo', ['agency_staff']);
    expect((await staff.get('/api/monitoring/topology')).statusCode).toBe(403);
  });
});
