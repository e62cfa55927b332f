// `npm test`: sets up what the tests need on this machine, then runs every check on both databases.
//   npm test                        everything (what CI runs)
//   npm test -- --only=unit         a subset: lint, unit (PGlite), pg (PostgreSQL), e2e; comma-separate
// TEST_DATABASE_URL=postgres://…    use that database instead of starting a throwaway cluster.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startThrowawayCluster } from './lib/pgcluster.mjs';
import { buildWebIfNeeded } from './lib/web-build.mjs';
import { databaseTestFiles } from './lib/db-tests.mjs';
import { ensureSystemPackages, pgBinDir } from './lib/system.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

// Started with the machine's older Node (not through npm)? Run again under the project's Node 24.
if (Number(process.versions.node.split('.')[0]) < 24) {
  const node24 = join(root, 'node_modules/.bin/node');
  if (!existsSync(node24)) fail(`Node ${process.version} is too old and node_modules is missing: run npm ci first.`);
  process.exit(spawnSync(node24, process.argv.slice(1), { stdio: 'inherit' }).status ?? 1);
}

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(message);
  process.exit(2);
}

const GROUPS = ['lint', 'unit', 'pg', 'e2e'];
const only = process.argv
  .slice(2)
  .flatMap((a) => (a.startsWith('--only=') ? a.slice(7).split(',') : fail(`unknown argument ${a}; use --only=${GROUPS.join('|')}`)));
for (const g of only) if (!GROUPS.includes(g)) fail(`unknown group "${g}" in --only; use ${GROUPS.join(', ')}`);
const selected = new Set(only.length > 0 ? only : GROUPS);
// The end-to-end products run on PGlite (e2e/server.ts), so only the PostgreSQL group needs the cluster.
const needPostgres = selected.has('pg');

/** @type {Record<string, string>} */
const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
/** The package's npm script when it defines one (it may do more), else the plain tool. */
const scriptOr = (/** @type {string} */ name, /** @type {string[]} */ tool) => (scripts[name] ? ['npm', 'run', name] : tool);

/** @typedef {{ name: string, when: boolean, cmd?: string[], env?: Record<string, string | undefined>, fn?: () => unknown }} Step */
/** @type {Array<'chromium' | 'fonts' | 'postgresql' | 'openssh' | 'snmp' | 'telnetd' | 'rsyslog' | 'loggen' | 'nmap' | 'office' | 'clickhouse' | 'zip'>} */
// Chromium and the CJK fonts for the browser tests, and for the server tests too: the product prints
// its PDFs (labels, reports, certificates) in Chromium, and those tests open them.
const need = [
  ...(selected.has('e2e') || selected.has('unit') || selected.has('pg') ? /** @type {const} */ (['chromium', 'fonts']) : []),
  ...(needPostgres ? /** @type {const} */ (['postgresql']) : []),
  ...(selected.has('unit') || selected.has('pg')
    ? /** @type {const} */ (['openssh', 'snmp', 'telnetd', 'rsyslog', 'loggen', 'nmap', 'office', 'clickhouse', 'zip'])
    : []),
];
const pgEnv = { YUNWEI_TEST_DB: 'postgres' };

/** @type {Step[]} */
const steps = [
  { name: 'system packages', when: need.length > 0, fn: () => ensureSystemPackages({ need }) },
  { name: 'PostgreSQL for the tests', when: needPostgres, fn: startDatabase },
  { name: 'format', when: selected.has('lint'), cmd: scriptOr('format:check', ['prettier', '--check', '.']) },
  { name: 'source checks', when: selected.has('lint'), cmd: ['node', 'scripts/check-source.mjs'] },
  { name: 'lint', when: selected.has('lint'), cmd: scriptOr('lint', ['eslint', '.']) },
  { name: 'typecheck', when: selected.has('lint'), cmd: scriptOr('typecheck', ['tsc', '--noEmit', '-p', '.']) },
  {
    name: 'tests on PGlite',
    when: selected.has('unit'),
    cmd: ['vitest', 'run'],
    env: { YUNWEI_TEST_DB: 'pglite', TEST_DATABASE_URL: undefined },
  },
  // Only the files that open a database: the others answer the same on either (scripts/lib/db-tests.mjs).
  { name: 'tests on PostgreSQL', when: selected.has('pg'), cmd: ['vitest', 'run', ...databaseTestFiles(root)], env: pgEnv },
  {
    name: 'web build (when its sources changed)',
    when: selected.has('e2e'),
    fn: () => buildWebIfNeeded(root) || fail('the web build failed'),
  },
  {
    name: 'end-to-end in Chromium',
    when: selected.has('e2e'),
    cmd: ['vitest', 'run', '--config', 'vitest.e2e.config.ts'],
  },
].filter((s) => s.when);

async function startDatabase() {
  if (process.env.TEST_DATABASE_URL) {
    console.log(`Using the given TEST_DATABASE_URL (${process.env.TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')})`);
    return;
  }
  const cluster = await startThrowawayCluster(); // stopped on exit, error or signal
  process.env.TEST_DATABASE_URL = cluster.url;
  console.log(`Started a throwaway cluster at ${cluster.url} (data in ${cluster.dir})`);
}

/** @type {import('node:child_process').ChildProcess | null} */
let child = null;
for (const [signal, code] of /** @type {const} */ ([
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
])) {
  process.on(signal, () => {
    child?.kill(signal);
    process.exit(code); // the cluster is stopped by its own exit handler
  });
}

/** Runs one command with inherited stdio; the project's Node and tools come first on PATH. */
function runCommand(/** @type {string[]} */ cmd, /** @type {Step['env']} */ extra = {}) {
  let [file, ...args] = cmd;
  if (file === 'npm' && process.env.npm_execpath) [file, args] = [process.execPath, [process.env.npm_execpath, ...args]];
  else if (file !== 'npm') {
    file = join(root, 'node_modules/.bin', file);
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm ci first`);
  }
  const binDirs = [dirname(process.execPath), join(root, 'node_modules/.bin'), pgBinDir()];
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, PATH: [...binDirs.filter(Boolean), process.env.PATH].join(delimiter) };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return new Promise((res, rej) => {
    child = spawn(file, args, { stdio: 'inherit', env });
    child.on('error', rej);
    child.on('close', (code, signal) => {
      child = null;
      if (code === 0) res(undefined);
      else rej(new Error(`${cmd.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** @type {{ name: string, result: string, seconds: string }[]} */
const summary = [];
/** @type {string[]} */
const reports = [];
mkdirSync(join(root, '.tmp'), { recursive: true });
let failed = false;
for (const [i, step] of steps.entries()) {
  if (failed) {
    summary.push({ name: step.name, result: 'not run', seconds: '' });
    continue;
  }
  const what = step.cmd ? `: ${step.cmd.join(' ')}` : '';
  // Each Vitest run also writes a JSON report, so the closing line can count every test of every run.
  if (step.cmd?.[0] === 'vitest') {
    const report = join(root, '.tmp', `vitest-${i}.json`);
    rmSync(report, { force: true });
    reports.push(report);
    step.cmd = [...step.cmd, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  }
  console.log(`\n=== [${i + 1}/${steps.length}] ${step.name}${what} ===`);
  const start = performance.now();
  try {
    await (step.fn ? step.fn() : runCommand(/** @type {string[]} */ (step.cmd), step.env));
    summary.push({ name: step.name, result: 'pass', seconds: '' });
  } catch (e) {
    console.error(`\n${step.name} FAILED: ${/** @type {Error} */ (e).message}`);
    summary.push({ name: step.name, result: 'FAIL', seconds: '' });
    failed = true;
  }
  summary[summary.length - 1].seconds = ((performance.now() - start) / 1000).toFixed(1);
}

const width = Math.max(...summary.map((s) => s.name.length));
console.log(`\n=== Summary${only.length > 0 ? ` (--only=${only.join(',')})` : ''} ===`);
for (const s of summary) console.log(`${s.name.padEnd(width)}  ${s.result.padEnd(7)}  ${s.seconds.padStart(6)}${s.seconds && ' s'}`);
console.log(failed ? '\nnpm test: FAILED' : '\nnpm test: all passed');

// The closing line, in the plain form CI reads: the tests of every Vitest run above, added up.
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of reports) {
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = failed ? 1 : 0;
