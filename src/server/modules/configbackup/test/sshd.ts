// A real OpenSSH server (Debian's openssh-server) for the configuration-backup tests, on a free
// loopback port with a temporary configuration: root may sign in with the test's key only, and
// whatever it signs in to is device.sh acting as a VRP, Comware or IOS CLI.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Sshd {
  port: number;
  /** The private key root signs in with (OpenSSH format). */
  clientKey: string;
  device(vendor: string, config: string): void;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

const keygen = (file: string) => {
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file]);
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr.toString()}`);
};

/** Resolves when the child accepts TCP connections on the loopback port; throws when it exits first. */
export async function listening(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${child.spawnfile} exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((r) => {
      const c = connect(port, '127.0.0.1', () => r(true)).on('error', () => r(false));
      c.once('connect', () => c.destroy());
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${child.spawnfile} did not listen`);
}

/** Stops a server the test started and removes its temporary directory. */
export async function stopServer(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null) {
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  }
  rmSync(dir, { recursive: true, force: true });
}

export async function startSshd(): Promise<Sshd> {
  const dir = mkdtempSync(join(tmpdir(), 'yunwei-sshd-'));
  chmodSync(dir, 0o755);
  keygen(join(dir, 'host_ed25519'));
  keygen(join(dir, 'client'));
  copyFileSync(join(dir, 'client.pub'), join(dir, 'authorized_keys'));
  const script = join(dir, 'device.sh');
  copyFileSync(fileURLToPath(new URL('./device.sh', import.meta.url)), script);
  chmodSync(script, 0o755);
  const port = await freePort();
  const conf = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${join(dir, 'host_ed25519')}`,
    'PidFile none',
    'PermitRootLogin yes',
    'StrictModes no',
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    'PasswordAuthentication yes',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    `ForceCommand /bin/bash ${script}`,
    'PrintMotd no',
    'PrintLastLog no',
    'LogLevel ERROR',
  ];
  writeFileSync(join(dir, 'sshd_config'), `${conf.join('\n')}\n`);
  mkdirSync('/run/sshd', { recursive: true }); // sshd's privilege-separation directory
  const child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', () => undefined);
  await listening(port, child);
  return {
    port,
    clientKey: readFileSync(join(dir, 'client'), 'utf8'),
    device: (vendor, config) => {
      writeFileSync(join(dir, 'vendor'), vendor);
      writeFileSync(join(dir, 'config'), config);
    },
    stop: () => stopServer(child, dir),
  };
}
