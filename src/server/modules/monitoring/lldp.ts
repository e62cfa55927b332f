// LLDP neighbours (R-MON-06: the topology is drawn from what the devices say about each other):
// LLDP-MIB lldpRemTable (indexed timeMark.localPortNum.remIndex) for the neighbour's system name and
// port, lldpLocPortTable for the local port's name. An agent without LLDP answers nothing: no
// neighbours, no failure.
import type { Session } from 'net-snmp';
import { textOf, walkColumns, type SnmpLimits } from './snmp.ts';

export interface LldpNeighbour {
  localPort: string;
  remoteName: string;
  remotePort: string;
}

const REM = '1.0.8802.1.1.2.1.4.1.1.';
const LOC = '1.0.8802.1.1.2.1.3.7.1.';
const COLS = {
  remPortId: `${REM}7`,
  remPortDesc: `${REM}8`,
  remSysName: `${REM}9`,
  locPortId: `${LOC}3`,
  locPortDesc: `${LOC}4`,
} as const;
/** Neighbours per device at most (a switch stack has a few hundred ports; more is an agent looping). */
const MAX_NEIGHBOURS = 500;

export async function lldpNeighbours(s: Session, limits: SnmpLimits, budget: { left: number }): Promise<LldpNeighbour[]> {
  const cols = await walkColumns(s, Object.values(COLS), limits, budget);
  const col = (k: keyof typeof COLS) => cols.get(COLS[k])!;
  const local = (port: string) => textOf(col('locPortDesc').get(port)) || textOf(col('locPortId').get(port)) || port;
  const out = new Map<string, LldpNeighbour>();
  for (const [idx, v] of col('remSysName')) {
    const parts = idx.split('.');
    if (parts.length !== 3) continue;
    const remoteName = textOf(v);
    if (!remoteName) continue;
    const port = parts[1]!;
    const n = {
      localPort: local(port),
      remoteName,
      remotePort: textOf(col('remPortDesc').get(idx)) || textOf(col('remPortId').get(idx)) || '',
    };
    out.set(`${n.localPort}\0${n.remoteName}\0${n.remotePort}`, n);
    if (out.size >= MAX_NEIGHBOURS) break;
  }
  return [...out.values()];
}
