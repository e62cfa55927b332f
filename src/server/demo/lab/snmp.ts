// The SNMP agent of a lab device (issue 12 point 5), on net-snmp's Agent: v2c on a UDP port of
// 127.0.0.1 with the lab's community, answering GET, GETNEXT and GETBULK for the system group, IF-MIB
// ifTable and ifXTable, HOST-RESOURCES hrStorage (RAM) and hrProcessorLoad, LLDP-MIB's local ports
// and remote neighbours, and ENTITY-SENSOR-MIB temperatures, fans and power supplies (named by
// ENTITY-MIB entPhysicalName) so the demo's sensors table and chart have readings. Names and descriptions are set once; every moving value is computed from the
// clock by the provider's handler when a request reads it (traffic.ts), so nothing ticks in between.
import snmp from 'net-snmp';
import { DEMO_LAB_COMMUNITY, DEMO_LAB_HOST, type LabDevice } from '../lab.ts';
import { answerBulkInFull } from './bulk.ts';
import { VENDOR_FACTS, hostnameOf, macOf, neighboursOf, portsOf, type LabPort } from './model.ts';
import { countersAt, cpuAt, memoryUsedAt, sensorAt, upTicks, LAB_SENSORS, type PortCounters } from './traffic.ts';

const T = snmp.ObjectType;
const RO = snmp.MaxAccess['read-only'];
const NA = snmp.MaxAccess['not-accessible'];

interface MibRequest {
  oid: string;
  instanceNode: { value: unknown };
  done(err?: { errorStatus: number }): void;
}
interface Column {
  number: number;
  name: string;
  type: number;
  maxAccess: number;
}
interface Mib {
  registerProvider(p: object): void;
  setScalarValue(name: string, value: unknown): void;
  addTableRow(name: string, row: unknown[]): void;
}
export interface SnmpAgent {
  close(): Promise<void>;
}

const now = () => Date.now() / 1000;
const MAX32 = 2n ** 32n;
const MAX64 = 2n ** 64n;
/** Counter64 as net-snmp writes it: 8 bytes, big-endian. */
const c64 = (v: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(v % MAX64);
  return b;
};
/** Counter32: the same count, wrapped at 2^32 as a 32-bit counter does. */
const c32 = (v: bigint) => Number(v % MAX32);
const gauge = (v: number) => Math.min(v, 4_294_967_295);

/** A handler that writes the clock's value of the instance read into the answer (undefined: as set). */
function dynamic(compute: (oid: number[], t: number) => unknown) {
  return (req: MibRequest) => {
    const v = compute(req.oid.split('.').map(Number), now());
    if (v !== undefined) req.instanceNode.value = v;
    req.done();
  };
}

/** A table cell's value from the clock: column number, the row's index (first part), the time. */
type Cell = (column: number, index: number, t: number) => unknown;

const col = (number: number, name: string, type: number, maxAccess = RO): Column => ({ number, name, type, maxAccess });

/** A table: `oid` is the table's, the provider sits on its entry (.1), cells at entry.column.index. */
function table(mib: Mib, name: string, oid: string, columns: Column[], index: object, cell?: Cell): void {
  const entry = `${oid}.1`;
  const at = entry.split('.').length;
  mib.registerProvider({
    name,
    type: snmp.MibProviderType.Table,
    oid: entry,
    maxAccess: NA,
    tableColumns: columns,
    ...index,
    ...(cell ? { handler: dynamic((o, t) => cell(o[at]!, o[at + 1]!, t)) } : {}),
  });
}

function systemGroup(mib: Mib, d: LabDevice): void {
  const facts = VENDOR_FACTS[d.vendor];
  const scalars: [string, number, number, unknown, ((r: MibRequest) => void)?][] = [
    ['sysDescr', 1, T.OctetString, facts.sysDescr],
    ['sysObjectID', 2, T.OID, facts.sysObjectID],
    ['sysUpTime', 3, T.TimeTicks, 0, dynamic((_o, t) => upTicks(d, t) % 2 ** 32)],
    ['sysContact', 4, T.OctetString, '网络运维组 010-00000000'],
    ['sysName', 5, T.OctetString, hostnameOf(d)],
    ['sysLocation', 6, T.OctetString, '中心机房西区'],
    ['sysServices', 7, T.Integer, d.vendor === 'huawei-vrp' ? 6 : 78],
  ];
  for (const [name, n, type, value, handler] of scalars) {
    mib.registerProvider({
      name,
      type: snmp.MibProviderType.Scalar,
      oid: `1.3.6.1.2.1.1.${n}`,
      scalarType: type,
      maxAccess: RO,
      ...(handler ? { handler } : {}),
    });
    mib.setScalarValue(name, value);
  }
}

function interfaces(mib: Mib, d: LabDevice, ports: LabPort[]): void {
  mib.registerProvider({
    name: 'ifNumber',
    type: snmp.MibProviderType.Scalar,
    oid: '1.3.6.1.2.1.2.1',
    scalarType: T.Integer,
    maxAccess: RO,
  });
  mib.setScalarValue('ifNumber', ports.length);
  const counters = (ifIndex: number, t: number): PortCounters => countersAt(d, ports[ifIndex - 1]!, t);
  const ifColumns: Record<number, (c: PortCounters) => unknown> = {
    10: (c) => c32(c.inOctets),
    11: (c) => c32(c.inPkts),
    13: (c) => c.inDiscards,
    14: (c) => c.inErrors,
    16: (c) => c32(c.outOctets),
    17: (c) => c32(c.outPkts),
    19: (c) => c.outDiscards,
    20: (c) => c.outErrors,
  };
  table(
    mib,
    'ifTable',
    '1.3.6.1.2.1.2.2',
    [
      col(1, 'ifIndex', T.Integer),
      col(2, 'ifDescr', T.OctetString),
      col(3, 'ifType', T.Integer),
      col(4, 'ifMtu', T.Integer),
      col(5, 'ifSpeed', T.Gauge32),
      col(6, 'ifPhysAddress', T.OctetString),
      col(7, 'ifAdminStatus', T.Integer),
      col(8, 'ifOperStatus', T.Integer),
      col(9, 'ifLastChange', T.TimeTicks),
      col(10, 'ifInOctets', T.Counter32),
      col(11, 'ifInUcastPkts', T.Counter32),
      col(13, 'ifInDiscards', T.Counter32),
      col(14, 'ifInErrors', T.Counter32),
      col(16, 'ifOutOctets', T.Counter32),
      col(17, 'ifOutUcastPkts', T.Counter32),
      col(19, 'ifOutDiscards', T.Counter32),
      col(20, 'ifOutErrors', T.Counter32),
    ],
    { tableIndex: [{ columnName: 'ifIndex' }] },
    (column, ifIndex, t) => {
      if (column === 9) return Math.min(upTicks(d, t), 360_000); // links came up a few minutes after boot
      const f = ifColumns[column];
      return f ? f(counters(ifIndex, t)) : undefined;
    },
  );
  for (const p of ports)
    mib.addTableRow('ifTable', [
      p.ifIndex,
      p.descr,
      6, // ethernetCsmacd
      1500,
      gauge(p.speedMbps * 1e6), // ifSpeed tops out at 2^32−1: ifHighSpeed says 10 G
      macOf(d, p.ifIndex),
      p.adminUp ? 1 : 2,
      p.operUp ? 1 : 2,
      0,
      ...[0, 0, 0, 0, 0, 0, 0, 0],
    ]);
  const xColumns: Record<number, (c: PortCounters) => unknown> = {
    6: (c) => c64(c.inOctets),
    7: (c) => c64(c.inPkts),
    10: (c) => c64(c.outOctets),
    11: (c) => c64(c.outPkts),
  };
  table(
    mib,
    'ifXTable',
    '1.3.6.1.2.1.31.1.1',
    [
      col(1, 'ifName', T.OctetString),
      col(6, 'ifHCInOctets', T.Counter64),
      col(7, 'ifHCInUcastPkts', T.Counter64),
      col(10, 'ifHCOutOctets', T.Counter64),
      col(11, 'ifHCOutUcastPkts', T.Counter64),
      col(15, 'ifHighSpeed', T.Gauge32),
      col(18, 'ifAlias', T.OctetString),
    ],
    { tableAugments: 'ifTable' },
    (column, ifIndex, t) => {
      const f = xColumns[column];
      return f ? f(counters(ifIndex, t)) : undefined;
    },
  );
  for (const p of ports) mib.addTableRow('ifXTable', [p.ifIndex, p.name, c64(0n), c64(0n), c64(0n), c64(0n), p.speedMbps, p.alias]);
}

function hostResources(mib: Mib, d: LabDevice): void {
  const ramKb = d.vendor === 'huawei-vrp' ? 4_194_304 : 2_097_152;
  table(
    mib,
    'hrStorageTable',
    '1.3.6.1.2.1.25.2.3',
    [
      col(1, 'hrStorageIndex', T.Integer),
      col(2, 'hrStorageType', T.OID),
      col(3, 'hrStorageDescr', T.OctetString),
      col(4, 'hrStorageAllocationUnits', T.Integer),
      col(5, 'hrStorageSize', T.Integer),
      col(6, 'hrStorageUsed', T.Integer),
    ],
    { tableIndex: [{ columnName: 'hrStorageIndex' }] },
    (column, _i, t) => (column === 6 ? Math.round(ramKb * memoryUsedAt(d, t)) : undefined),
  );
  mib.addTableRow('hrStorageTable', [1, '1.3.6.1.2.1.25.2.1.2', 'RAM', 1024, ramKb, 0]);
  table(
    mib,
    'hrProcessorTable',
    '1.3.6.1.2.1.25.3.3',
    [col(0, 'hrDeviceIndex', T.Integer, NA), col(1, 'hrProcessorFrwID', T.OID), col(2, 'hrProcessorLoad', T.Integer)],
    { tableIndex: [{ columnName: 'hrDeviceIndex' }] },
    (column, _i, t) => (column === 2 ? cpuAt(d, t) : undefined),
  );
  mib.addTableRow('hrProcessorTable', [768, '0.0', 0]);
}

function lldp(mib: Mib, d: LabDevice, ports: LabPort[]): void {
  mib.registerProvider({
    name: 'lldpLocSysName',
    type: snmp.MibProviderType.Scalar,
    oid: '1.0.8802.1.1.2.1.3.3',
    scalarType: T.OctetString,
    maxAccess: RO,
  });
  mib.setScalarValue('lldpLocSysName', hostnameOf(d));
  table(
    mib,
    'lldpLocPortTable',
    '1.0.8802.1.1.2.1.3.7',
    [
      col(1, 'lldpLocPortNum', T.Integer, NA),
      col(2, 'lldpLocPortIdSubtype', T.Integer),
      col(3, 'lldpLocPortId', T.OctetString),
      col(4, 'lldpLocPortDesc', T.OctetString),
    ],
    { tableIndex: [{ columnName: 'lldpLocPortNum' }] },
  );
  for (const p of ports) mib.addTableRow('lldpLocPortTable', [p.ifIndex, 5, p.name, p.alias]);
  table(
    mib,
    'lldpRemTable',
    '1.0.8802.1.1.2.1.4.1',
    [
      col(1, 'lldpRemTimeMark', T.TimeTicks, NA),
      col(2, 'lldpRemLocalPortNum', T.Integer, NA),
      col(3, 'lldpRemIndex', T.Integer, NA),
      col(4, 'lldpRemChassisIdSubtype', T.Integer),
      col(5, 'lldpRemChassisId', T.OctetString),
      col(6, 'lldpRemPortIdSubtype', T.Integer),
      col(7, 'lldpRemPortId', T.OctetString),
      col(8, 'lldpRemPortDesc', T.OctetString),
      col(9, 'lldpRemSysName', T.OctetString),
      col(10, 'lldpRemSysDesc', T.OctetString),
    ],
    { tableIndex: [{ columnName: 'lldpRemTimeMark' }, { columnName: 'lldpRemLocalPortNum' }, { columnName: 'lldpRemIndex' }] },
  );
  for (const [i, n] of neighboursOf(d).entries()) {
    const remote = portsOf(n.remote)[n.remoteIf - 1]!;
    mib.addTableRow('lldpRemTable', [
      0,
      n.localIf,
      i + 1,
      4,
      macOf(n.remote, 0),
      5,
      n.remotePort,
      remote.alias,
      hostnameOf(n.remote),
      VENDOR_FACTS[n.remote.vendor].sysDescr,
    ]);
  }
}

/** ENTITY-SENSOR-MIB entPhySensorTable (RFC 3433) and the entities' names (ENTITY-MIB entPhysicalTable). */
function sensors(mib: Mib, d: LabDevice): void {
  table(
    mib,
    'entPhysicalTable',
    '1.3.6.1.2.1.47.1.1.1',
    [col(1, 'entPhysicalIndex', T.Integer, NA), col(2, 'entPhysicalDescr', T.OctetString), col(7, 'entPhysicalName', T.OctetString)],
    { tableIndex: [{ columnName: 'entPhysicalIndex' }] },
  );
  for (const x of LAB_SENSORS) mib.addTableRow('entPhysicalTable', [x.index, x.descr, x.name]);
  table(
    mib,
    'entPhySensorTable',
    '1.3.6.1.2.1.99.1.1',
    [
      col(0, 'entPhysicalIndex', T.Integer, NA),
      col(1, 'entPhySensorType', T.Integer),
      col(2, 'entPhySensorScale', T.Integer),
      col(3, 'entPhySensorPrecision', T.Integer),
      col(4, 'entPhySensorValue', T.Integer),
      col(5, 'entPhySensorOperStatus', T.Integer),
      col(6, 'entPhySensorUnitsDisplay', T.OctetString),
    ],
    { tableIndex: [{ columnName: 'entPhysicalIndex' }] },
    (column, index, t) => (column === 4 ? sensorAt(d, index, t) : undefined),
  );
  // scale units(9); temperatures in tenths of a degree (precision 1), the others whole.
  for (const x of LAB_SENSORS)
    mib.addTableRow('entPhySensorTable', [
      x.index,
      x.type,
      9,
      x.type === 8 ? 1 : 0,
      0,
      1,
      x.type === 8 ? 'celsius' : x.type === 10 ? 'rpm' : 'watts',
    ]);
}

/** The device's MIB, values as of each request. */
export function labMib(d: LabDevice): Mib {
  const mib = snmp.createMib() as Mib;
  const ports = portsOf(d);
  systemGroup(mib, d);
  interfaces(mib, d, ports);
  hostResources(mib, d);
  lldp(mib, d, ports);
  sensors(mib, d);
  return mib;
}

/** Starts the agent on 127.0.0.1:port; rejects when the port cannot be bound (taken). */
export async function startSnmpAgent(d: LabDevice, port: number): Promise<SnmpAgent> {
  const agent = snmp.createAgent({ port, address: DEMO_LAB_HOST, disableAuthorization: false }, () => undefined, labMib(d)) as {
    getAuthorizer(): { addCommunity(c: string): void };
    listener: { sockets: Record<string, import('node:dgram').Socket> };
    close(cb?: () => void): void;
  };
  agent.getAuthorizer().addCommunity(DEMO_LAB_COMMUNITY);
  answerBulkInFull(agent);
  const socket = Object.values(agent.listener.sockets)[0]!;
  await new Promise<void>((resolve, reject) => {
    socket.once('listening', resolve);
    socket.once('error', reject);
  });
  return { close: () => new Promise<void>((r) => agent.close(() => r())) };
}
