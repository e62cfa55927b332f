// The topology (R-MON-06): every registered device, the neighbours their LLDP names, and one link per
// pair of ports however many sides report it. A neighbour is matched to a registered device by its
// sysName (as LLDP carries it) or its name, case-insensitively; one nobody registered is still drawn,
// so an unmanaged switch in the middle of the network is visible.
import { asc } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import type { TTopology } from '../../../common/monitoring.ts';
import { openAlerts } from './devices.ts';
import { monDevices, monNeighbours } from './tables.ts';

/** Enough for an agency's network; the page says when a larger one is cut. */
const MAX_DEVICES = 2000;
const MAX_NEIGHBOURS = 20_000;

export async function topology(ctx: Ctx): Promise<TTopology> {
  const devices = await ctx.db
    .select({
      id: monDevices.id,
      name: monDevices.name,
      sysName: monDevices.sysName,
      reachable: monDevices.reachable,
      snmpState: monDevices.snmpState,
      openAlerts,
    })
    .from(monDevices)
    .orderBy(asc(monDevices.name))
    .limit(MAX_DEVICES);
  const seen = await ctx.db.select().from(monNeighbours).limit(MAX_NEIGHBOURS);
  const nodes: TTopology['nodes'] = devices.map((d) => ({ ...d, registered: true }));
  const byName = new Map<string, string>();
  for (const d of devices) {
    byName.set(d.name.toLowerCase(), d.id);
    if (d.sysName) byName.set(d.sysName.toLowerCase(), d.id);
  }
  const known = new Set(devices.map((d) => d.id));
  const links = new Map<string, TTopology['links'][number]>();
  for (const n of seen) {
    if (!known.has(n.deviceId)) continue;
    let target = byName.get(n.remoteName.toLowerCase());
    if (!target) {
      target = `lldp:${n.remoteName}`;
      byName.set(n.remoteName.toLowerCase(), target);
      nodes.push({
        id: target,
        name: n.remoteName,
        sysName: n.remoteName,
        registered: false,
        reachable: null,
        snmpState: null,
        openAlerts: 0,
      });
    }
    if (target === n.deviceId) continue;
    const ends = [`${n.deviceId}\0${n.localPort}`, `${target}\0${n.remotePort}`].sort();
    const key = ends.join('\0\0');
    if (!links.has(key)) links.set(key, { source: n.deviceId, target, sourcePort: n.localPort, targetPort: n.remotePort });
  }
  return { nodes, links: [...links.values()] };
}
