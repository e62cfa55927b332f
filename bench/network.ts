// Network operations measured (issue 12, "Speed"): configuration backup of many devices on one core.
// A real OpenSSH server (the configuration-backup tests' sshd: a Huawei VRP CLI by ForceCommand)
// serves a configuration of BENCH_NET_CONFIG_LINES lines; the product backs up BENCH_NET_DEVICES
// registered devices, BENCH_NET_CONCURRENCY at a time, through its own run code (session, volatile
// lines stripped, version stored, audit). Beside it, in the same run, OpenSSH's own `ssh` client
// fetches the same configuration as many times at the same concurrency: the reference. The figure
// to read is the CPU per device of each (the product's process; the ssh children's), and the devices
// per hour one core could back up. The target is 1,000 devices an hour on one core.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { queryRows } from '../src/server/kernel/db/client.ts';
import { SYSTEM_ACTOR, type Ctx } from '../src/server/kernel/context.ts';
import { keyring } from '../src/server/kernel/crypto.ts';
import { moduleMigrations, registryOf } from '../src/server/site.ts';
import { createDevice } from '../src/server/modules/configbackup/service.ts';
import { settleRuns, startRun } from '../src/server/modules/configbackup/run.ts';
import { startSshd } from '../src/server/modules/configbackup/test/sshd.ts';
import { childrenCpuSeconds } from './lib/cpu.ts';
import { freshDb } from './lib/seed.ts';
import { table } from './lib/report.ts';

export const NETWORK_BEGIN = '<!-- bench:network:begin -->';
export const NETWORK_END = '<!-- bench:network:end -->';

export interface NetworkConfig {
  devices: number;
  concurrency: number;
  configLines: number;
  log: (s: string) => void;
}

export interface NetworkRun {
  label: string;
  devices: number;
  ok: number;
  wallSeconds: number;
  cpuSeconds: number;
  refWallSeconds: number;
  refCpuSeconds: number;
}

/** A VRP running configuration of about `lines` lines: interfaces, VLANs, ACL rules. */
export function vrpConfig(lines: number): string {
  const out = ['!Software Version V200R021C10SPC600', '#', 'sysname BENCH-CORE', '#', 'vlan batch 10 20 30 100 to 120', '#'];
  for (let i = 1; out.length < lines * 0.6; i++)
    out.push(
      `interface GigabitEthernet0/0/${i}`,
      ` description to-access-${i}`,
      ` port link-type trunk`,
      ` port trunk allow-pass vlan 10 20 30`,
      '#',
    );
  for (let i = 1; out.length < lines - 3; i++) out.push(` rule ${i * 5} permit ip source 10.${i % 250}.0.0 0.0.255.255`);
  out.push('#', '@NOW@', 'return');
  return `${out.join('\n')}\n`;
}

export async function inBatches(n: number, size: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < n; i += size) await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, k) => fn(i + k)));
}

/** `ssh` fetching the configuration once; resolves with its output's length. */
function sshOnce(port: number, keyFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'ssh',
      [
        '-T',
        '-i',
        keyFile,
        '-p',
        String(port),
        '-o',
        'StrictHostKeyChecking=no',
        '-o',
        'UserKnownHostsFile=/dev/null',
        '-o',
        'LogLevel=ERROR',
        'root@127.0.0.1',
      ],
      { stdio: ['pipe', 'pipe', 'ignore'] },
    );
    let bytes = 0;
    child.stdout.on('data', (b: Buffer) => (bytes += b.length));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(bytes) : reject(new Error(`ssh exited ${code}`))));
    child.stdin.end('screen-length 0 temporary\ndisplay current-configuration\nquit\n');
  });
}

async function oneDatabase(url: string | null, cfg: NetworkConfig, sshd: Awaited<ReturnType<typeof startSshd>>): Promise<NetworkRun> {
  const bench = await freshDb(url);
  try {
    const registry = registryOf();
    await bench.database.migrate(moduleMigrations(registry));
    const ctx: Ctx = {
      db: bench.database.db,
      actor: SYSTEM_ACTOR,
      ip: null,
      requestId: 'bench',
      now: () => new Date(),
      log: pino({ level: 'silent' }),
      keys: keyring(Buffer.alloc(32, 9)),
    };
    const ids: string[] = [];
    for (let i = 0; i < cfg.devices; i++) {
      const d = await createDevice(ctx, {
        name: `bench-${i}`,
        address: '127.0.0.1',
        port: sshd.port,
        protocol: 'ssh',
        vendor: 'huawei-vrp',
        serviceLine: 'NET',
        username: 'root',
        privateKey: sshd.clientKey,
      });
      ids.push(d.id);
    }
    cfg.log(`  ${bench.label}: ${cfg.devices} devices registered; backing up ${cfg.concurrency} at a time…`);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await inBatches(ids.length, cfg.concurrency, async (i) => {
      await startRun(ctx, ids[i]!);
      await settleRuns();
    });
    const wallSeconds = (performance.now() - t0) / 1000;
    const used = process.cpuUsage(cpu0);
    // Devices whose last run succeeded.
    const [done] = await queryRows<{ ok: number }>(
      bench.database.db,
      sql`SELECT count(*)::int AS ok FROM cfg_devices WHERE last_state = 'ok'`,
    );
    const ok = done?.ok ?? 0;

    const dir = mkdtempSync(join(tmpdir(), 'yw-bench-ssh-'));
    const keyFile = join(dir, 'key');
    writeFileSync(keyFile, sshd.clientKey);
    chmodSync(keyFile, 0o600);
    const c0 = childrenCpuSeconds();
    const r0 = performance.now();
    await inBatches(cfg.devices, cfg.concurrency, (i) =>
      sshOnce(sshd.port, keyFile).then((n) => n || Promise.reject(new Error(`empty ${i}`))),
    );
    const refWallSeconds = (performance.now() - r0) / 1000;
    const refCpuSeconds = childrenCpuSeconds() - c0;
    rmSync(dir, { recursive: true, force: true });
    return {
      label: bench.label,
      devices: cfg.devices,
      ok,
      wallSeconds,
      cpuSeconds: (used.user + used.system) / 1e6,
      refWallSeconds,
      refCpuSeconds,
    };
  } finally {
    await bench.drop();
  }
}

export async function benchNetwork(pgUrl: string | null, wantLite: boolean, cfg: NetworkConfig): Promise<NetworkRun[]> {
  cfg.log(`\nConfiguration backup: ${cfg.devices} devices, ${cfg.concurrency} at a time, ${cfg.configLines}-line VRP configuration`);
  const sshd = await startSshd();
  try {
    sshd.device('huawei-vrp', vrpConfig(cfg.configLines));
    const runs: NetworkRun[] = [];
    if (pgUrl) runs.push(await oneDatabase(pgUrl, cfg, sshd));
    if (wantLite) runs.push(await oneDatabase(null, cfg, sshd));
    return runs;
  } finally {
    await sshd.stop();
  }
}

export function renderNetwork(runs: NetworkRun[], cfg: NetworkConfig, date: Date): { markdown: string; text: string } {
  const ms = (s: number, n: number) => ((s * 1000) / n).toFixed(0);
  const perHour = (s: number, n: number) => Math.round((3600 * n) / s).toLocaleString('en');
  const rows = [
    [
      'database',
      'backed up',
      'wall s',
      'CPU ms/device',
      'devices/hour on one core',
      'ssh client CPU ms/device',
      '× ssh client',
      'ssh wall s',
    ],
    ...runs.map((r) => [
      r.label,
      `${r.ok}/${r.devices}`,
      r.wallSeconds.toFixed(1),
      ms(r.cpuSeconds, r.devices),
      perHour(r.cpuSeconds, r.devices),
      ms(r.refCpuSeconds, r.devices),
      (r.cpuSeconds / r.refCpuSeconds).toFixed(2),
      r.refWallSeconds.toFixed(1),
    ]),
  ];
  const t = table(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']);
  const head =
    `## Configuration backup (issue 12)\n\n_${date.toISOString().slice(0, 10)}: \`npm run bench -- --only=network\`; ${cfg.devices} devices ` +
    `backed up ${cfg.concurrency} at a time from a real OpenSSH server serving a ${cfg.configLines}-line VRP configuration; ` +
    `beside it OpenSSH's \`ssh\` client fetching the same configuration as often. CPU is the product's process (session, ` +
    `stripping, version, audit; on PostgreSQL the server's own CPU is not counted) against the \`ssh\` processes'. ` +
    `Target: 1,000 devices an hour on one core._\n\n`;
  return { markdown: `${NETWORK_BEGIN}\n${head}${t.md}\n${NETWORK_END}`, text: t.text };
}
