// What the ingest bench (bench/ingest.ts) sends and compares with: a file of realistic device lines
// (the vendor samples of events/vendors, addresses and ports varied so few merge, the Huawei ones in
// GBK as the device sends them) for loggen to loop over, and rsyslog started with a temporary config
// that receives the same stream over TCP on 127.0.0.1 and writes it to a file: the reference.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { open, readFile, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { SAMPLES } from '../../src/server/modules/events/vendors/samples.ts';

/** Writes `n` lines cycling over the samples; answers the file's path. */
export async function linesFile(dir: string, n: number): Promise<string> {
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const s = SAMPLES[i % SAMPLES.length]!;
    const line = s.line
      .replaceAll('10.1.1.', `10.${(i >> 8) & 255}.${i & 255}.`)
      .replace(/51234|50001|40000/g, String(1024 + (i % 60000)))
      .replace(/\r?\n/g, ' ');
    out.push(s.gbk ? iconv.encode(line, 'gbk') : Buffer.from(line), Buffer.from('\n'));
  }
  const path = join(dir, 'lines.txt');
  await writeFile(path, Buffer.concat(out));
  return path;
}

/** CPU seconds (user + system) of a process so far, from /proc. */
export async function procCpuSeconds(pid: number): Promise<number> {
  const s = await readFile(`/proc/${pid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in ticks (CLK_TCK 100 on Linux)
}

export interface Rsyslog {
  proc: ChildProcess;
  file: string;
  /** Lines in the output file so far (read incrementally). */
  lines(): Promise<number>;
  stop(): Promise<void>;
}

/** rsyslogd in the foreground with only imtcp on 127.0.0.1:port and one omfile action. */
export async function startRsyslog(dir: string, port: number): Promise<Rsyslog> {
  const file = join(dir, 'rsyslog-out.log');
  const conf = join(dir, 'rsyslog.conf');
  await writeFile(
    conf,
    [
      `global(workDirectory="${dir}")`,
      'module(load="imtcp" MaxSessions="100")',
      `input(type="imtcp" address="127.0.0.1" port="${port}")`,
      `action(type="omfile" file="${file}")`,
      '',
    ].join('\n'),
  );
  await writeFile(file, '');
  const proc = spawn('rsyslogd', ['-n', '-f', conf, '-i', join(dir, 'rsyslog.pid')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  for (let i = 0; ; i++) {
    const ok = await new Promise<boolean>((r) => {
      const s = createConnection({ port, host: '127.0.0.1' }, () => (s.destroy(), r(true)));
      s.on('error', () => r(false));
    });
    if (ok) break;
    if (i > 100 || proc.exitCode !== null) throw new Error(`rsyslogd did not listen on ${port}: ${err.slice(-400)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  let offset = 0;
  let count = 0;
  const fh = await open(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  return {
    proc,
    file,
    async lines() {
      for (;;) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
        if (!bytesRead) return count;
        offset += bytesRead;
        for (let i = 0; i < bytesRead; i++) if (buf[i] === 10) count++;
      }
    },
    async stop() {
      await fh.close();
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await once(proc, 'exit');
      }
    },
  };
}
