// CPU time per request, by process: this process (the servers under test, and PGlite, which runs in
// it), the PostgreSQL server when it runs on this machine, and the load generator (reported by
// itself). CPU time, unlike requests/s, is not inflated by other tenants of a shared machine.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface CpuSnapshot {
  selfUs: number;
  /** CPU µs of each process of the PostgreSQL server by pid; null when it is not on this machine. */
  db: Map<number, number> | null;
}

export type CpuProbe = () => CpuSnapshot;

let clkTck: number | null = null;
function ticksPerSecond(): number {
  if (clkTck === null) {
    const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    const n = Number(r.stdout?.trim());
    clkTck = r.status === 0 && Number.isInteger(n) && n > 0 ? n : 100;
  }
  return clkTck;
}

interface ProcStat {
  ppid: number;
  cpuUs: number;
}

function procStat(pid: number): ProcStat | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
    return { ppid: Number(f[1]), cpuUs: ((Number(f[11]) + Number(f[12])) * 1e6) / ticksPerSecond() };
  } catch {
    return null; // gone, or not ours to read
  }
}

function selfUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** CPU of a postmaster and of each of its children (backends, background workers). */
function clusterUs(postmaster: number): Map<number, number> {
  const m = new Map<number, number>();
  const own = procStat(postmaster);
  if (own) m.set(postmaster, own.cpuUs);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const st = procStat(Number(name));
    if (st && st.ppid === postmaster) m.set(Number(name), st.cpuUs);
  }
  return m;
}

/** CPU the server spent between two snapshots: processes started since count from zero; those that ended are left out. */
export function dbDelta(before: CpuSnapshot, after: CpuSnapshot): number | null {
  if (!before.db || !after.db) return null;
  let total = 0;
  for (const [pid, us] of after.db) total += us - (before.db.get(pid) ?? 0);
  return total;
}

/** The postmaster behind a backend pid, if that backend runs on this machine as a postgres process. */
export function postmasterOf(backendPid: number): number | null {
  const st = procStat(backendPid);
  if (!st) return null;
  try {
    const comm = readFileSync(`/proc/${st.ppid}/comm`, 'utf8').trim();
    return comm === 'postgres' || comm === 'postmaster' ? st.ppid : null;
  } catch {
    return null;
  }
}

export function cpuProbe(postmaster: number | null): CpuProbe {
  return () => ({ selfUs: selfUs(), db: postmaster === null ? null : clusterUs(postmaster) });
}

/** CPU seconds of this process's reaped children so far (cutime + cstime of /proc/self/stat). */
export function childrenCpuSeconds(): number {
  const s = readFileSync('/proc/self/stat', 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
  // cutime and cstime are fields 16 and 17 (1-based).
  return (Number(f[13]) + Number(f[14])) / ticksPerSecond();
}
