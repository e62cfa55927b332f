// Demo data of monitoring (issue 12 point 5): the simulated devices of the demo lab (src/server/demo/
// lab.ts) on 127.0.0.1, polled over SNMP v2c on their lab ports, and one ICMP probe pair to that
// address; nothing else is ever registered. Its past alerts: demo-history.ts.
// Whether a simulated agent answers there is the lab's business: without one, the device page says
// "timeout", which is what a real silent device shows too.
import type { Ctx } from '../../kernel/context.ts';
import type { DemoEnv } from '../../kernel/module.ts';
import { DEMO_LAB, DEMO_LAB_COMMUNITY, DEMO_LAB_HOST, labPorts } from '../../demo/lab.ts';
import { loadAlertHistory } from './demo-history.ts';
import { createDevice } from './devices.ts';
import { createPair } from './pairs.ts';

export async function loadMonitoringDemo(ctx: Ctx, env: Pick<DemoEnv, 'today'>): Promise<void> {
  for (const d of DEMO_LAB)
    await createDevice(
      ctx,
      {
        name: d.name,
        address: DEMO_LAB_HOST,
        serviceLine: d.serviceLine,
        icmp: true,
        intervalSec: 60,
        snmp: { version: '2c', community: DEMO_LAB_COMMUNITY, port: labPorts(d).snmp },
      },
      { firstPoll: false },
    );
  // A probe pair from the monitoring node to the lab's address (探测对 page: state and chart).
  await createPair(ctx, { name: '监控节点→实验室设备', source: 'monitor', target: DEMO_LAB_HOST, intervalSec: 60, serviceLine: 'NET' });
  // Past alerts, raised and cleared with their tickets, in the demo's report periods.
  await loadAlertHistory(ctx, env.today);
}
