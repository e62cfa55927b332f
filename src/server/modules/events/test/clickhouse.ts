// A real ClickHouse server (Debian's clickhouse-server, 18.16 on bookworm) for the event-store tests:
// its own temporary configuration, data directory and user on free loopback ports, stopped and removed
// by the test. scripts/lib/system.mjs installs the package; where it cannot be installed the tests
// that need it are skipped with CLICKHOUSE_MISSING as the reason (and only then).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BINARIES = ['/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server'];
export const clickhouseBinary = BINARIES.find((b) => existsSync(b)) ?? null;
export const CLICKHOUSE_MISSING =
  'clickhouse-server is not installed (Debian package clickhouse-server; scripts/lib/system.mjs installs it where apt can): ClickHouse store tests skipped';

export interface ClickHouse {
  /** YUNWEI_EVENTS_URL for this server: http://yunwei:…@127.0.0.1:<port>/<database>. */
  url(database: string): string;
  httpPort: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function ready(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`clickhouse-server exited with ${child.exitCode}: ${log()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/ping`, { signal: AbortSignal.timeout(1000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`clickhouse-server did not answer on ${port}: ${log()}`);
}

export async function startClickHouse(): Promise<ClickHouse> {
  if (!clickhouseBinary) throw new Error(CLICKHOUSE_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'yunwei-clickhouse-'));
  for (const d of ['data', 'tmp', 'user_files', 'format_schemas']) mkdirSync(join(dir, d));
  const [httpPort, tcpPort, interPort] = [await freePort(), await freePort(), await freePort()];
  const password = 'yunwei-test';
  writeFileSync(
    join(dir, 'config.xml'),
    `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><console>1</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${httpPort}</http_port>
  <tcp_port>${tcpPort}</tcp_port>
  <interserver_http_port>${interPort}</interserver_http_port>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>Asia/Shanghai</timezone>
  <mark_cache_size>5368709120</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
</yandex>
`,
  );
  writeFileSync(
    join(dir, 'users.xml'),
    `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
  <users>
    <yunwei>
      <password>${password}</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </yunwei>
  </users>
  <quotas><default></default></quotas>
</yandex>
`,
  );
  let out = '';
  const child = spawn(clickhouseBinary, [`--config-file=${join(dir, 'config.xml')}`], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (b: Buffer) => void (out = (out + b.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  try {
    await ready(httpPort, child, () => out);
  } catch (e) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    httpPort,
    url: (database) => `http://yunwei:${password}@127.0.0.1:${httpPort}/${database}`,
    async stop() {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
