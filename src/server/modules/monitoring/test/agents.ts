// Real SNMP agents for the monitoring tests, on free loopback UDP ports with temporary files:
// Debian's snmpd (v2c community and a v3 authPriv user) and snmpsim (recorded values, Counter64
// above 2^53, counters that wrap or go back, an agent that restarts: the data file is swapped).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export const COMMUNITY = 'yw-test-ro';
export const V3 = {
  user: 'ywuser',
  authProtocol: 'sha' as const,
  authKey: 'auth-pass-123',
  privProtocol: 'aes' as const,
  privKey: 'priv-pass-456',
};

export async function freeUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** snmpget/snmpbulkwalk output lines `OID = TYPE: value` → values by OID. */
export function netSnmp(
  tool: 'snmpget' | 'snmpbulkwalk',
  port: number,
  oids: string[],
  auth = ['-v2c', '-c', COMMUNITY],
): Map<string, string> {
  const r = spawnSync(tool, [...auth, '-On', '-Oe', '-Ot', '-Oq', `127.0.0.1:${port}`, ...oids], {
    encoding: 'utf8',
    env: { ...process.env, MIBS: '' },
  });
  const out = new Map<string, string>();
  for (const line of r.stdout.split('\n')) {
    const m = /^\.?([\d.]+) (.*)$/.exec(line.trim());
    if (m) out.set(m[1]!, m[2]!.replace(/^"|"$/g, ''));
  }
  return out;
}

async function answering(port: number, community: string, child: ChildProcess, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    const r = spawnSync('snmpget', ['-v2c', '-c', community, '-t', '0.3', '-r', '0', `127.0.0.1:${port}`, '1.3.6.1.2.1.1.3.0'], {
      encoding: 'utf8',
    });
    if (r.status === 0 && r.stdout.includes('Timeticks')) return;
    await delay(100);
  }
  throw new Error(`${what} did not answer`);
}

export interface Agent {
  port: number;
  stop(): Promise<void>;
}

async function stopChild(child: ChildProcess, dir: string): Promise<void> {
  // Stopped once already (killed: exitCode stays null, signalCode is set): no 'exit' is coming again.
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
}

export async function startSnmpd(): Promise<Agent> {
  const dir = mkdtempSync(join(tmpdir(), 'yunwei-snmpd-'));
  const port = await freeUdpPort();
  const conf = join(dir, 'snmpd.conf');
  writeFileSync(
    conf,
    `agentaddress udp:127.0.0.1:${port}\nrocommunity ${COMMUNITY} 127.0.0.1\n` +
      `createUser ${V3.user} SHA "${V3.authKey}" AES "${V3.privKey}"\nrouser ${V3.user} priv\n`,
  );
  const child = spawn('/usr/sbin/snmpd', ['-f', '-Lo', '-C', '-c', conf], {
    stdio: 'ignore',
    env: { ...process.env, SNMP_PERSISTENT_DIR: join(dir, 'persist'), MIBS: '' },
  });
  await answering(port, COMMUNITY, child, 'snmpd');
  return { port, stop: () => stopChild(child, dir) };
}

export interface Simulator extends Agent {
  /** Replaces the agent's data (`OID|type|value` lines); the next request answers from it. */
  data(lines: string[]): void;
}

/** snmpsim answering community `community` from one .snmprec file the test rewrites. */
export async function startSnmpsim(community: string, lines: string[]): Promise<Simulator> {
  return startSnmpsimDevices(new Map([[community, lines]]));
}

/**
 * One snmpsim process answering several devices, each its own community and .snmprec file (the
 * benchmark's many devices); `data` rewrites the first one.
 */
export async function startSnmpsimDevices(devices: ReadonlyMap<string, string[]>): Promise<Simulator> {
  const dir = mkdtempSync(join(tmpdir(), 'yunwei-snmpsim-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const cache = join(dir, 'cache');
  mkdirSync(data);
  mkdirSync(cache);
  chmodSync(cache, 0o777); // snmpsimd refuses to run as root: it writes its index as nobody
  let version = Math.floor(Date.now() / 1000);
  const write = (name: string, l: string[]) => {
    const file = join(data, `${name}.snmprec`);
    writeFileSync(`${file}.new`, `${l.join('\n')}\n`);
    // A later mtime each time: snmpsim re-indexes a data file whose time changed.
    version += 10;
    utimesSync(`${file}.new`, version, version);
    renameSync(`${file}.new`, file);
  };
  for (const [name, lines] of devices) write(name, lines);
  const community = [...devices.keys()][0]!;
  const port = await freeUdpPort();
  const child = spawn(
    '/usr/bin/snmpsimd',
    [
      `--data-dir=${data}`,
      `--cache-dir=${cache}`,
      `--agent-udpv4-endpoint=127.0.0.1:${port}`,
      '--process-user=nobody',
      '--process-group=nogroup',
    ],
    { stdio: 'ignore' },
  );
  await answering(port, community, child, 'snmpsimd');
  return { port, data: (l) => write(community, l), stop: () => stopChild(child, dir) };
}

/**
 * A recorded switch of `interfaces` ports for snmpsim, in OID order: sysUpTime, sysName, ifNumber,
 * and per port the IF-MIB columns the poller walks (ifTable and ifXTable, 64-bit counters), nothing
 * else, so an `snmpbulkwalk` of mib-2 fetches exactly what a poll does. `round` moves the counters.
 */
export function switchRecords(name: string, interfaces: number, round = 0): string[] {
  const ports = Array.from({ length: interfaces }, (_, k) => k + 1);
  const col = (oid: string, type: number, value: (i: number) => string | number) => ports.map((i) => `${oid}.${i}|${type}|${value(i)}`);
  const octets = (i: number, f: number) => String(BigInt(i) * 1_000_000_007n * BigInt(f) + BigInt(round) * 7_500_000n * BigInt(i));
  return [
    `1.3.6.1.2.1.1.3.0|67|${100_000 + round * 6000}`,
    `1.3.6.1.2.1.1.5.0|4|${name}`,
    `1.3.6.1.2.1.2.1.0|2|${interfaces}`,
    ...col('1.3.6.1.2.1.2.2.1.2', 4, (i) => `GE0/0/${i}`),
    ...col('1.3.6.1.2.1.2.2.1.5', 66, () => 1_000_000_000),
    ...col('1.3.6.1.2.1.2.2.1.7', 2, () => 1),
    ...col('1.3.6.1.2.1.2.2.1.8', 2, (i) => (i % 10 === 0 ? 2 : 1)),
    ...col('1.3.6.1.2.1.2.2.1.10', 65, (i) => Number(BigInt(octets(i, 1)) % 4_294_967_296n)),
    ...col('1.3.6.1.2.1.2.2.1.13', 65, (i) => i % 7),
    ...col('1.3.6.1.2.1.2.2.1.14', 65, (i) => i % 3),
    ...col('1.3.6.1.2.1.2.2.1.16', 65, (i) => Number(BigInt(octets(i, 2)) % 4_294_967_296n)),
    ...col('1.3.6.1.2.1.2.2.1.19', 65, () => 0),
    ...col('1.3.6.1.2.1.2.2.1.20', 65, (i) => i % 5),
    ...col('1.3.6.1.2.1.31.1.1.1.1', 4, (i) => `GigabitEthernet0/0/${i}`),
    ...col('1.3.6.1.2.1.31.1.1.1.6', 70, (i) => octets(i, 1)),
    ...col('1.3.6.1.2.1.31.1.1.1.10', 70, (i) => octets(i, 2)),
    ...col('1.3.6.1.2.1.31.1.1.1.15', 66, () => 1000),
  ];
}
