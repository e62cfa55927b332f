// Demo data of monitoring (issue 12 point 5): the simulated devices of the demo lab (src/server/demo/
// lab.ts) on 127.0.0.1, polled over SNMP v2c on their lab ports; nothing else is ever registered.
// Whether a simulated agent answers there is the lab's business: without one, the device page says
// "timeout", which is what a real silent device shows too.
import type { Ctx } from '../../kernel/context.ts';
import { DEMO_LAB, DEMO_LAB_COMMUNITY, DEMO_LAB_HOST, labPorts } from '../../demo/lab.ts';
import { createDevice } from './devices.ts';

export async function loadMonitoringDemo(ctx: Ctx): Promise<void> {
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
}
