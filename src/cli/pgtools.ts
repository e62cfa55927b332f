// PostgreSQL's own tools (pg_dump, pg_restore, psql) for backups of a PostgreSQL database: found on
// PATH or in Debian's /usr/lib/postgresql/<major>/bin, the newest version wins (a newer pg_dump
// reads an older server; an older one refuses a newer server).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CliError } from './errors.ts';

export type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

const found = new Map<PgTool, string>();

function versionOf(bin: string): number[] | null {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const m = r.status === 0 ? /(\d+)(?:\.(\d+))?/.exec(r.stdout) : null;
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : null;
}

export function findPgTool(tool: PgTool): string {
  const cached = found.get(tool);
  if (cached) return cached;
  const candidates = new Set<string>();
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, tool))) candidates.add(join(dir, tool));
  const root = '/usr/lib/postgresql';
  if (existsSync(root))
    for (const v of readdirSync(root))
      if (/^\d+$/.test(v) && existsSync(join(root, v, 'bin', tool))) candidates.add(join(root, v, 'bin', tool));
  let best: { bin: string; v: number[] } | null = null;
  for (const bin of candidates) {
    const v = versionOf(bin);
    if (v && (!best || v[0]! > best.v[0]! || (v[0] === best.v[0] && v[1]! > best.v[1]!))) best = { bin, v };
  }
  if (!best)
    throw new CliError(
      `找不到 ${tool} (not found on PATH or in /usr/lib/postgresql/*/bin)。请安装 PostgreSQL 客户端 install the PostgreSQL client: apt-get install postgresql-client`,
    );
  found.set(tool, best.bin);
  return best.bin;
}

/** A libpq connection string without the password, and the environment that carries it (not visible in ps). */
export function connection(url: string): { conninfo: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { conninfo: u.toString(), env };
}

/** Runs a tool to completion; fails with its stderr. */
export async function runTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const bin = findPgTool(tool);
  const child = spawn(bin, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 20_000) stderr += d;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
  });
  if (code !== 0) throw new CliError(`${tool} 失败 failed (exit ${code}):\n${stderr.trim()}`);
}

// Lines of a plain-SQL dump (from PGlite's pg_dump 18) that an older PostgreSQL or psql rejects:
// `SET transaction_timeout` (a PostgreSQL 17 setting) and the `\restrict` / `\unrestrict`
// meta-commands of pg_dump 17.6+/18 that psql before 17.6 does not know.
const NEWER_ONLY = [/^SET transaction_timeout\s*=/, /^\\(un)?restrict\b/];

/**
 * Makes a plain-SQL dump loadable by PostgreSQL 14+: drops the statements listed above, but only
 * outside COPY … FROM stdin data, where a line is a row and must stay untouched.
 */
export function adaptPlainDump(text: string): string {
  const lines = text.split('\n');
  const outLines: string[] = [];
  let inCopy = false;
  for (const line of lines) {
    if (inCopy) {
      outLines.push(line);
      if (line === '\\.') inCopy = false;
      continue;
    }
    if (/^COPY .* FROM stdin;$/.test(line)) inCopy = true;
    if (NEWER_ONLY.some((re) => re.test(line))) continue;
    outLines.push(line);
  }
  return outLines.join('\n');
}
