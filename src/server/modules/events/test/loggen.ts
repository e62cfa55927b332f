// syslog-ng's load generator `loggen` (issue 13, real peers: "loggen for load"), sending to 127.0.0.1
// only. Debian ships it in syslog-ng-core, which conflicts with rsyslog (both are the system logger),
// so scripts/lib/system.mjs unpacks that package under /opt/syslog-ng-core instead of installing it;
// a machine whose system logger is syslog-ng has it in /usr.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const PREFIXES = ['/opt/syslog-ng-core/usr', '/usr'];

/** The loggen binary and the environment it needs (its plugins and libraries), or null when absent. */
export function loggenCommand(): { bin: string; env: NodeJS.ProcessEnv } | null {
  const prefix = PREFIXES.find((p) => existsSync(`${p}/bin/loggen`) && existsSync(`${p}/lib/syslog-ng`));
  if (!prefix) return null;
  const lib = `${prefix}/lib/syslog-ng`;
  return {
    bin: `${prefix}/bin/loggen`,
    env: { ...process.env, SYSLOGNG_PREFIX: prefix, LD_LIBRARY_PATH: [lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') },
  };
}

export interface LoggenOptions {
  /** Messages per connection (`-n`): loggen sends this many on each. */
  count?: number;
  /** Seconds to run (`-I`) when no count is given. */
  seconds?: number;
  /** Messages per second per connection (`-r`). */
  rate?: number;
  connections?: number;
  /** RFC 5424 with octet-counting framing (`-P`); else RFC 3164 lines ended by LF. */
  rfc5424?: boolean;
  /** Send these lines as they are, looping over the file (`-R file -d -l`). */
  file?: string;
  size?: number;
}

export interface LoggenResult {
  /** What loggen says it sent (its `count=`). */
  sent: number;
  seconds: number;
  output: string;
}

/** Runs loggen over TCP to 127.0.0.1:port; resolves with what it reports having sent. */
export function loggen(port: number, o: LoggenOptions): Promise<LoggenResult> {
  const cmd = loggenCommand();
  if (!cmd) return Promise.reject(new Error('loggen not found (scripts/lib/system.mjs unpacks syslog-ng-core under /opt)'));
  const args = ['--inet', '--stream', '--active-connections', String(o.connections ?? 1), '--rate', String(o.rate ?? 1_000_000)];
  if (o.count !== undefined) args.push('--number', String(o.count));
  else args.push('--interval', String(o.seconds ?? 1));
  if (o.rfc5424) args.push('--syslog-proto');
  if (o.file) args.push('--read-file', o.file, '--dont-parse', '--loop-reading');
  if (o.size) args.push('--size', String(o.size));
  args.push('127.0.0.1', String(port));
  return new Promise((resolve, reject) => {
    const p = spawn(cmd.bin, args, { env: cmd.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    p.stdout.on('data', (d: Buffer) => (output += d.toString()));
    p.stderr.on('data', (d: Buffer) => (output += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      const m = /count\s*=\s*(\d+), time\s*=\s*([\d.]+)/.exec(output);
      if (code !== 0 || !m || /can not connect|error connecting/.test(output))
        return reject(new Error(`loggen failed (exit ${code}): ${output.slice(-500)}`));
      resolve({ sent: Number(m[1]), seconds: Number(m[2]), output });
    });
  });
}
