// A throwaway PostgreSQL cluster for tests: initdb in a temp dir, trust auth, a free local port.
// Stopped and removed by stop(), and in any case on exit, on error and on SIGINT/SIGTERM.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './net.mjs';
import { pgBinDir } from './system.mjs';

/** @type {Set<() => void>} stop functions of the clusters still running */
const live = new Set();
let handlersInstalled = false;

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const stopAll = () => [...live].forEach((stop) => stop());
  process.on('exit', stopAll);
  for (const [signal, code] of /** @type {const} */ ([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ])) {
    process.on(signal, () => {
      stopAll();
      process.exit(code);
    });
  }
}

/** The OS user that runs the server: `postgres` when we are root, else ourselves. */
function serverUser() {
  if (process.getuid?.() !== 0) return null;
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0 || gid.status !== 0) {
    throw new Error(
      'Running as root, but there is no "postgres" OS user to run the test cluster as ' +
        "(Debian's postgresql package creates it; PostgreSQL refuses to run as root).",
    );
  }
  return { uid: Number(id.stdout), gid: Number(gid.stdout) };
}

/**
 * Runs a PostgreSQL tool synchronously (as `postgres` when root); throws with its output on failure.
 * @param {boolean} asPostgres @param {string} bin @param {string[]} args
 */
function run(asPostgres, bin, args) {
  const [cmd, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    const why = r.error?.message ?? `exit ${r.status ?? r.signal}`;
    throw new Error(`${bin} ${args.join(' ')} failed (${why})\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  }
}

/**
 * Starts a fresh PostgreSQL cluster in a temporary directory.
 * stop() is idempotent and synchronous and removes the cluster. halt() and resume() stop and start the
 * server only (fast shutdown, same port and data), for tests of what survives a database restart.
 * @returns {Promise<{ url: string, dir: string, stop: () => void, halt: () => void, resume: () => void }>}
 */
export async function startThrowawayCluster() {
  const bin = pgBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin');
  const owner = serverUser();
  const asPostgres = owner !== null;
  const dir = mkdtempSync(join(tmpdir(), 'yunwei-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);

  const stop = () => {
    if (!live.delete(stop)) return;
    if (existsSync(`${dir}/postmaster.pid`)) {
      try {
        run(asPostgres, `${bin}/pg_ctl`, ['-D', dir, '-m', 'fast', '-w', 'stop']);
      } catch (e) {
        console.error(`warning: could not stop the test cluster: ${/** @type {Error} */ (e).message}`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  live.add(stop);
  installHandlers();

  try {
    run(asPostgres, `${bin}/initdb`, ['-D', dir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
    // The free port can be taken between our probe and the server's bind: try a few times.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const opts = [
        `-p ${port}`,
        `-k '${dir}'`,
        '-c listen_addresses=127.0.0.1',
        '-c max_connections=300',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      const start = () => run(asPostgres, `${bin}/pg_ctl`, ['-D', dir, '-l', `${dir}/log`, '-o', opts, '-w', 'start']);
      try {
        start();
        const halt = () => run(asPostgres, `${bin}/pg_ctl`, ['-D', dir, '-m', 'fast', '-w', 'stop']);
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop, halt, resume: start };
      } catch (e) {
        if (attempt >= 3) {
          const logFile = `${dir}/log`;
          const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
          throw new Error(`${/** @type {Error} */ (e).message}\nserver log:\n${log}`, { cause: e });
        }
      }
    }
  } catch (e) {
    stop();
    throw e;
  }
}
