// The demo's device lab (issue 12, point 5): simulated network and security devices that `npm start`
// runs on 127.0.0.1 when demo data is on, so a new user sees live charts, configuration versions and
// a diff alert without any hardware. Each stands in for a demo asset of the same name (assets-network.ts,
// assets-devices.ts), whose real management address (10.x) is never contacted: the network rule of
// the project is that the demo talks to this host only. Pure data, shared by the simulators and the
// demo seeds of the modules that register these devices (monitoring, configuration backup).

export const DEMO_LAB_HOST = '127.0.0.1';
/** SNMP v2c community of every simulated agent (read-only, like a real site's monitoring community). */
export const DEMO_LAB_COMMUNITY = 'yunwei-demo';
/** The SSH login every simulated device accepts (a device's read-only backup account). */
export const DEMO_LAB_SSH_USER = 'backup';
export const DEMO_LAB_SSH_PASSWORD = 'Demo-Backup-2021';
/** First port of the lab; `YUNWEI_DEMO_LAB_PORT` moves it (a second demo on one host). */
export const DEMO_LAB_BASE_PORT = 16100;

export interface LabDevice {
  /** Stable key (ids in seeds, file names). */
  key: string;
  /** The demo asset it stands in for (same name). */
  name: string;
  vendor: 'huawei-vrp' | 'h3c-comware' | 'cisco-ios';
  serviceLine: 'NET' | 'SEC';
  /** Offsets from the base port: SNMP agent (UDP) and SSH server (TCP). */
  snmpOffset: number;
  sshOffset: number;
  /** Interfaces the agent reports (ifIndex 1..n). */
  interfaces: number;
}

export const DEMO_LAB: readonly LabDevice[] = [
  { key: 'core-1', name: '核心交换机 1', vendor: 'huawei-vrp', serviceLine: 'NET', snmpOffset: 61, sshOffset: 22, interfaces: 24 },
  { key: 'core-2', name: '核心交换机 2', vendor: 'huawei-vrp', serviceLine: 'NET', snmpOffset: 62, sshOffset: 23, interfaces: 24 },
  { key: 'egov-r', name: '电子政务外网路由器', vendor: 'h3c-comware', serviceLine: 'NET', snmpOffset: 63, sshOffset: 24, interfaces: 8 },
  { key: 'mi-r', name: '医保专网路由器', vendor: 'cisco-ios', serviceLine: 'NET', snmpOffset: 64, sshOffset: 25, interfaces: 6 },
];

/** The lab's first port from the environment (or the default), checked. */
export function labBasePort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.YUNWEI_DEMO_LAB_PORT;
  if (!raw) return DEMO_LAB_BASE_PORT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1024 || n > 65_000) throw new Error(`YUNWEI_DEMO_LAB_PORT 必须是 1024–65000 的整数 (got "${raw}")`);
  return n;
}

export const labPorts = (d: LabDevice, base = labBasePort()) => ({ snmp: base + d.snmpOffset, ssh: base + d.sshOffset });
