// A real Telnet server (busybox telnetd, Debian's busybox-static) for the configuration-backup tests,
// on a free loopback port: it negotiates its options and hands the connection's pty to login.sh,
// which asks for a username and password and then runs device.sh as a VRP, Comware or IOS CLI.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, listening, stopServer } from './sshd.ts';

export interface Telnetd {
  port: number;
  device(vendor: string, config: string, login: { user: string; password: string }): void;
  stop(): Promise<void>;
}

export async function startTelnetd(): Promise<Telnetd> {
  const dir = mkdtempSync(join(tmpdir(), 'yunwei-telnetd-'));
  for (const f of ['device.sh', 'login.sh']) {
    copyFileSync(fileURLToPath(new URL(`./${f}`, import.meta.url)), join(dir, f));
    chmodSync(join(dir, f), 0o755);
  }
  writeFileSync(join(dir, 'issue'), '\r\nUser Access Verification\r\n\r\n');
  const port = await freePort();
  const args = ['telnetd', '-F', '-p', String(port), '-b', '127.0.0.1', '-f', join(dir, 'issue'), '-l', join(dir, 'login.sh')];
  const child = spawn('busybox', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', () => undefined);
  await listening(port, child);
  return {
    port,
    device: (vendor, config, login) => {
      writeFileSync(join(dir, 'vendor'), vendor);
      writeFileSync(join(dir, 'config'), config);
      writeFileSync(join(dir, 'user'), login.user);
      writeFileSync(join(dir, 'password'), login.password);
    },
    stop: () => stopServer(child, dir),
  };
}
