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
  if (child.exitCode === null) {
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
  const dir = mkdtempSync(join(tmpdir(), 'yunwei-snmpsim-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const cache = join(dir, 'cache');
  mkdirSync(data);
  mkdirSync(cache);
  chmodSync(cache, 0o777); // snmpsimd refuses to run as root: it writes its index as nobody
  let version = Math.floor(Date.now() / 1000);
  const write = (l: string[]) => {
    const file = join(data, `${community}.snmprec`);
    writeFileSync(`${file}.new`, `${l.join('\n')}\n`);
    // A later mtime each time: snmpsim re-indexes a data file whose time changed.
    version += 10;
    utimesSync(`${file}.new`, version, version);
    renameSync(`${file}.new`, file);
  };
  write(lines);
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
  return { port, data: write, stop: () => stopChild(child, dir) };
}
