// What each simulated device of the demo lab is made of (issue 12 point 5): its host name, its ports
// (names in the vendor's style, speeds, descriptions, which are down), the links between lab devices
// (LLDP neighbours, so a topology can be drawn) and the traffic each port carries. Shared by the SNMP
// agent and the configuration the SSH device prints, so both tell the same story. Pure, deterministic.
import { createHash } from 'node:crypto';
import { DEMO_LAB, type LabDevice } from '../lab.ts';

export const HOSTNAMES: Record<string, string> = { 'core-1': 'CORE-SW1', 'core-2': 'CORE-SW2', 'egov-r': 'EGOV-R', 'mi-r': 'MI-R' };
export const hostnameOf = (d: LabDevice): string => HOSTNAMES[d.key] ?? d.key.toUpperCase();

/** What the device says it is: in sysDescr, sysObjectID and the configuration's version line. */
export interface VendorFacts {
  model: string;
  version: string;
  sysDescr: string;
  sysObjectID: string;
  /** First three bytes of the device's MAC addresses (the vendor's OUI). */
  oui: number[];
}

export const VENDOR_FACTS: Record<LabDevice['vendor'], VendorFacts> = {
  'huawei-vrp': {
    model: 'S7706',
    version: 'V200R019C10SPC800',
    sysDescr:
      'Huawei Versatile Routing Platform Software\r\nVRP (R) software, Version 5.170 (S7700 V200R019C10SPC800)\r\nCopyright (C) 2000-2020 HUAWEI TECH Co., Ltd.\r\nHUAWEI S7706 Routing Switch',
    sysObjectID: '1.3.6.1.4.1.2011.2.23.173',
    oui: [0x00, 0xe0, 0xfc],
  },
  'h3c-comware': {
    model: 'MSR3620',
    version: '7.1.064, Release 0821P16',
    sysDescr:
      'H3C Comware Platform Software, Software Version 7.1.064, Release 0821P16\r\nH3C MSR3620\r\nCopyright (c) 2004-2021 New H3C Technologies Co., Ltd. All rights reserved.',
    sysObjectID: '1.3.6.1.4.1.25506.11.1.163',
    oui: [0x3c, 0x8c, 0x40],
  },
  'cisco-ios': {
    model: 'ISR4331/K9',
    version: '16.9',
    sysDescr:
      'Cisco IOS Software [Fuji], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.5, RELEASE SOFTWARE (fc1)\r\nTechnical Support: http://www.cisco.com/techsupport\r\nCopyright (c) 1986-2020 by Cisco Systems, Inc.\r\nCompiled Thu 30-Jan-20 18:48 by mcpre',
    sysObjectID: '1.3.6.1.4.1.9.1.1861',
    oui: [0x00, 0x1e, 0xbd],
  },
};

/** The device's MAC address for a port (0: the chassis), in the vendor's OUI. */
export function macOf(d: LabDevice, port: number): Buffer {
  const n = Math.floor(unit(`mac/${d.key}`) * 0xffff);
  return Buffer.from([...VENDOR_FACTS[d.vendor].oui, (n >> 8) & 0xff, n & 0xff, port]);
}

export interface LabPort {
  ifIndex: number;
  /** ifDescr: the full name (GigabitEthernet0/0/1). */
  descr: string;
  /** ifName: the short name the vendor uses in LLDP and syslog (GE1/0/1, Gi0/0/0). */
  name: string;
  speedMbps: number;
  /** ifAlias, and the interface's description in the configuration. */
  alias: string;
  adminUp: boolean;
  operUp: boolean;
  /** Share of the port's speed used at the busiest hour (inbound); 0 when down. */
  peakUtil: number;
}

export interface LabLink {
  a: string;
  aIf: number;
  b: string;
  bIf: number;
}

/** Cables between lab devices: both ends report each other over LLDP. */
export const LAB_LINKS: readonly LabLink[] = [
  { a: 'core-1', aIf: 23, b: 'core-2', bIf: 23 },
  { a: 'core-1', aIf: 24, b: 'core-2', bIf: 24 },
  { a: 'core-1', aIf: 19, b: 'egov-r', bIf: 2 },
  { a: 'core-2', aIf: 19, b: 'mi-r', bIf: 2 },
];

/** A stable number in [0, 1) from a text (per device and port variation without randomness). */
export function unit(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}

const ACCESS = ['办公区', '会议室', '机房', '无线AP', '服务器区', '视频会议', '打印区', '监控'];

function portName(d: LabDevice, i: number): { descr: string; name: string; speedMbps: number } {
  if (d.vendor === 'huawei-vrp') {
    // The last four are 10GE uplinks (XGigabitEthernet0/0/1..4 on an S-series switch).
    const tenGig = i > d.interfaces - 4;
    const n = tenGig ? i - (d.interfaces - 4) : i;
    const descr = tenGig ? `XGigabitEthernet0/0/${n}` : `GigabitEthernet0/0/${n}`;
    return { descr, name: descr, speedMbps: tenGig ? 10_000 : 1000 };
  }
  if (d.vendor === 'h3c-comware') return { descr: `GigabitEthernet1/0/${i}`, name: `GE1/0/${i}`, speedMbps: 1000 };
  // ISR: GigabitEthernet0/0/0-2 on the board, 0/1/0.. on a module.
  const slot = i <= 3 ? 0 : 1;
  const n = slot === 0 ? i - 1 : i - 4;
  return { descr: `GigabitEthernet0/${slot}/${n}`, name: `Gi0/${slot}/${n}`, speedMbps: 1000 };
}

function neighbourOf(d: LabDevice, ifIndex: number): { device: LabDevice; ifIndex: number } | null {
  for (const l of LAB_LINKS) {
    const [me, other, mine, theirs] = l.a === d.key ? [l.a, l.b, l.aIf, l.bIf] : [l.b, l.a, l.bIf, l.aIf];
    if (me === d.key && mine === ifIndex) return { device: DEMO_LAB.find((x) => x.key === other)!, ifIndex: theirs };
  }
  return null;
}

/** The device's ports, ifIndex 1..n. Two are down: one cable pulled (admin up), one shut down. */
export function portsOf(d: LabDevice): LabPort[] {
  const ports: LabPort[] = [];
  for (let i = 1; i <= d.interfaces; i++) {
    const { descr, name, speedMbps } = portName(d, i);
    const peer = neighbourOf(d, i);
    const wan = d.vendor !== 'huawei-vrp' && i === 1;
    const shutdown = i === d.interfaces - (d.vendor === 'huawei-vrp' ? 6 : 1);
    const unplugged = i === Math.ceil(d.interfaces / 2) + 1;
    const alias = peer
      ? `to-${hostnameOf(peer.device)}-${portsOf1(peer.device, peer.ifIndex)}`
      : wan
        ? d.key === 'egov-r'
          ? 'to-电子政务外网-运营商专线'
          : 'to-医保专网-运营商专线'
        : shutdown
          ? '备用（已关闭）'
          : `${ACCESS[i % ACCESS.length]}-${String(i).padStart(2, '0')}`;
    const r = unit(`${d.key}/${i}`);
    const peakUtil = shutdown || unplugged ? 0 : peer ? 0.18 + 0.2 * r : wan ? 0.35 + 0.25 * r : 0.02 + 0.12 * r;
    ports.push({ ifIndex: i, descr, name, speedMbps, alias, adminUp: !shutdown, operUp: !shutdown && !unplugged, peakUtil });
  }
  return ports;
}

/** A peer's port name without building its whole list (no recursion through portsOf). */
function portsOf1(d: LabDevice, ifIndex: number): string {
  return portName(d, ifIndex).name;
}

/** LLDP neighbours of a device: local port → the remote device and its port. */
export function neighboursOf(d: LabDevice): { localIf: number; remote: LabDevice; remoteIf: number; remotePort: string }[] {
  const out = [];
  for (let i = 1; i <= d.interfaces; i++) {
    const n = neighbourOf(d, i);
    if (n) out.push({ localIf: i, remote: n.device, remoteIf: n.ifIndex, remotePort: portName(n.device, n.ifIndex).name });
  }
  return out;
}
