// Starts and stops the demo lab (issue 12 point 5): for each simulated device an SNMP agent and an
// SSH device on 127.0.0.1 (demo/lab.ts names the devices and their ports). A port that cannot be
// bound (another program, a second demo on this host) costs that device, with one line in the log,
// never the product's start. The configuration each device serves is a revision kept in memory:
// the demo's history ends at LAB_LATEST_REVISION, and setLabRevision changes a device on cue.
import type { Logger } from 'pino';
import { DEMO_LAB, labBasePort, labPorts, type LabDevice } from '../lab.ts';
import { LAB_LATEST_REVISION, labConfig } from './config.ts';
import { labCli } from './device.ts';
import { startSnmpAgent } from './snmp.ts';
import { demoHostKey, startCliServer } from './ssh.ts';
import { DEMO_LAB_SSH_PASSWORD, DEMO_LAB_SSH_USER } from '../lab.ts';

const revisions = new Map<string, number>();

/** The configuration revision a lab device serves now. */
export const labRevision = (key: string): number => revisions.get(key) ?? LAB_LATEST_REVISION;

/** Changes the configuration a lab device serves from now on (the demo's "someone changed it"). */
export function setLabRevision(key: string, revision: number): void {
  if (!DEMO_LAB.some((d) => d.key === key)) throw new Error(`no lab device "${key}"`);
  revisions.set(key, revision);
}

export interface RunningLab {
  /** The devices that run (a device whose port was taken is missing). */
  devices: LabDevice[];
  stop(): Promise<void>;
}

async function startDevice(d: LabDevice, base: number): Promise<() => Promise<void>> {
  const ports = labPorts(d, base);
  const snmp = await startSnmpAgent(d, ports.snmp).catch((e: Error & { code?: string }) => {
    throw new Error(`UDP ${ports.snmp}（SNMP）${e.code === 'EADDRINUSE' ? '已被占用' : e.message}`);
  });
  const ssh = await startCliServer({
    hostKey: demoHostKey(d.key),
    port: ports.ssh,
    username: DEMO_LAB_SSH_USER,
    password: DEMO_LAB_SSH_PASSWORD,
    shell: (stream) => labCli(stream, d, () => labConfig(d, labRevision(d.key))),
  }).catch(async (e: Error & { code?: string }) => {
    await snmp.close();
    throw new Error(`TCP ${ports.ssh}（SSH）${e.code === 'EADDRINUSE' ? '已被占用' : e.message}`);
  });
  return async () => {
    await Promise.all([snmp.close(), ssh.close()]);
  };
}

/** Starts every lab device it can; never throws. */
export async function startLab(log: Logger, env: NodeJS.ProcessEnv = process.env): Promise<RunningLab> {
  let base: number;
  try {
    base = labBasePort(env);
  } catch (e) {
    log.warn(`演示设备未启动 demo lab not started: ${(e as Error).message}`);
    return { devices: [], stop: async () => undefined };
  }
  const running: { d: LabDevice; stop: () => Promise<void> }[] = [];
  for (const d of DEMO_LAB) {
    try {
      running.push({ d, stop: await startDevice(d, base) });
    } catch (e) {
      log.warn(`演示设备“${d.name}”未启动 demo lab device ${d.key} skipped: ${(e as Error).message}`);
    }
  }
  if (running.length)
    log.info(
      { devices: running.map((r) => `${r.d.key} snmp:${labPorts(r.d, base).snmp} ssh:${labPorts(r.d, base).ssh}`) },
      'demo lab running on 127.0.0.1',
    );
  return {
    devices: running.map((r) => r.d),
    stop: async () => {
      await Promise.all(running.map((r) => r.stop().catch(() => undefined)));
    },
  };
}
