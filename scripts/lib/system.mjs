// System packages that `npm test` needs, checked and (as root, on Debian) installed.
// Plain ESM JavaScript: it runs before anything is built, and on any Node >= 20.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_ROOT = '/usr/lib/postgresql';
const PG_TOOLS = ['initdb', 'pg_ctl', 'postgres', 'pg_dump', 'pg_restore', 'psql'];
const CJK_FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
];

/**
 * The bin directory of the highest installed PostgreSQL major version that has every tool we use
 * (Debian layout: /usr/lib/postgresql/<ver>/bin), or null when there is none.
 * @returns {string | null}
 */
export function pgBinDir() {
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const dir = `${PG_ROOT}/${v}/bin`;
    if (PG_TOOLS.every((t) => existsSync(`${dir}/${t}`))) return dir;
  }
  return null;
}

function hasCjkFonts() {
  if (CJK_FONT_FILES.some((f) => existsSync(f))) return true;
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('Noto');
}

/** What to check, and the Debian packages that provide it. */
const CHECKS = {
  chromium: { ok: () => existsSync('/usr/bin/chromium'), packages: ['chromium'] },
  fonts: { ok: hasCjkFonts, packages: ['fonts-noto-cjk'] },
  postgresql: { ok: () => pgBinDir() !== null, packages: ['postgresql', 'postgresql-contrib'] },
  // The configuration-backup tests start their own sshd on a loopback port (issue 12, real peers).
  openssh: { ok: () => existsSync('/usr/sbin/sshd') && existsSync('/usr/bin/ssh-keygen'), packages: ['openssh-server'] },
  // Configuration backup over Telnet is tested against busybox's telnetd (Debian's busybox-static: the
  // smaller busybox package leaves telnetd out). Issue 12 point 2.
  telnetd: {
    ok: () => spawnSync('busybox', ['--list'], { encoding: 'utf8' }).stdout?.split('\n').includes('telnetd') === true,
    packages: ['busybox-static'],
  },
  // The monitoring tests poll real agents (snmpd, snmpsim), compare with snmpget/snmpbulkwalk and ping
  // loopback addresses with fping (issue 12, real peers).
  snmp: {
    ok: () =>
      ['/usr/sbin/snmpd', '/usr/bin/snmpget', '/usr/bin/snmpbulkwalk', '/usr/bin/snmpsimd', '/usr/bin/fping'].every((f) => existsSync(f)),
    packages: ['snmpd', 'snmp', 'snmpsim', 'fping'],
  },
  // The vulnerability import is tested on the XML of a real nmap scan of 127.0.0.1 (issue 13 point 5).
  nmap: { ok: () => existsSync('/usr/bin/nmap'), packages: ['nmap'] },
  // The syslog receiver's tests forward through a real rsyslog and send with logger (issue 13, real peers);
  // its TLS test forwards with rsyslog's gtls driver (rsyslog-gnutls: lmnsd_gtls.so under /usr/lib/<arch>/rsyslog).
  rsyslog: {
    ok: () =>
      existsSync('/usr/sbin/rsyslogd') &&
      existsSync('/usr/bin/logger') &&
      readdirSync('/usr/lib').some((d) => existsSync(`/usr/lib/${d}/rsyslog/lmnsd_gtls.so`)),
    packages: ['rsyslog', 'rsyslog-gnutls', 'bsdutils'],
  },
  // syslog-ng's load generator `loggen` (issue 13, real peers: the ingest test and bench). Its Debian
  // package, syslog-ng-core, conflicts with rsyslog (both are the system logger), so it is not
  // installed but unpacked under /opt/syslog-ng-core (events/test/loggen.ts looks there first).
  loggen: {
    ok: () => ['/opt/syslog-ng-core/usr', '/usr'].some((p) => existsSync(`${p}/bin/loggen`) && existsSync(`${p}/lib/syslog-ng`)),
    packages: [],
    unpack: ['syslog-ng-core'],
  },
  // The Word and Excel exports are opened by LibreOffice (converted to PDF) and PDFs read back with
  // pdftotext (issue 15: every report form opened by the program people will open it with).
  office: {
    ok: () => existsSync('/usr/bin/soffice') && existsSync('/usr/bin/pdftotext'),
    packages: ['libreoffice-writer-nogui', 'libreoffice-calc-nogui', 'poppler-utils'],
  },
  // The ClickHouse event store is tested against a real clickhouse-server (issue 13 point 8; Debian
  // ships 18.16). Optional: where apt cannot install it (not in the release, another architecture),
  // the run goes on and those tests skip, saying so.
  clickhouse: {
    ok: () => ['/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server'].some((f) => existsSync(f)),
    packages: ['clickhouse-server'],
    optional: true,
  },
  // The handover packages (ZIP64 included) are tested by Info-ZIP's unzip -t and zipinfo and by Python's
  // zipfile and csv modules (issue 15 point 7).
  zip: {
    ok: () => ['unzip', 'zipinfo', 'python3'].every((c) => spawnSync(c, ['-h'], { stdio: 'ignore' }).error === undefined),
    packages: ['unzip', 'python3'],
  },
};

/** @typedef {{ ok: () => boolean, packages: string[], optional?: boolean, unpack?: string[] }} Check */

const UNPACK_ROOT = '/opt';
/** @param {keyof typeof CHECKS} n */
const unpackOf = (n) => /** @type {{ unpack?: string[] }} */ (CHECKS[n]).unpack ?? [];

/**
 * A Debian package that may not be installed (it conflicts with one we need) unpacked under /opt/<name>.
 * @param {string} pkg
 */
function unpack(pkg) {
  const dir = mkdtempSync(join(tmpdir(), 'yw-deb-'));
  try {
    console.log(`$ apt-get download ${pkg} && dpkg-deb -x … ${UNPACK_ROOT}/${pkg}`);
    // _apt cannot write to a root-owned temporary folder: let it.
    chmodSync(dir, 0o777);
    const dl = spawnSync('apt-get', ['download', pkg], { cwd: dir, stdio: 'inherit' });
    const deb = readdirSync(dir).find((f) => f.endsWith('.deb'));
    if (dl.status !== 0 || !deb) throw new Error(`apt-get download ${pkg} failed`);
    const x = spawnSync('dpkg-deb', ['-x', join(dir, deb), join(UNPACK_ROOT, pkg)], { stdio: 'inherit' });
    if (x.status !== 0) throw new Error(`dpkg-deb -x ${deb} failed`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** @param {string[]} args */
function aptGet(args) {
  console.log(`$ apt-get ${args.join(' ')}`);
  const r = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) throw new Error(`apt-get could not be run (${r.error.message}); is this Debian?`);
  if (r.status !== 0) throw new Error(`apt-get ${args[0]} failed (exit ${r.status ?? r.signal})`);
}

/**
 * Tries to install optional packages; a failure (not root, no such package here) only warns, and the
 * tests that need them skip.
 * @param {string[]} names
 */
function installOptional(names) {
  const packages = names.flatMap((n) => CHECKS[/** @type {keyof typeof CHECKS} */ (n)].packages);
  const why = `the tests that need ${packages.join(' ')} will be skipped`;
  if (process.getuid?.() !== 0) {
    console.warn(`Optional packages missing (${packages.join(' ')}), not root so not installed: ${why}.`);
    return;
  }
  try {
    aptGet(['update']);
    aptGet(['install', '-y', '--no-install-recommends', ...packages]);
  } catch (e) {
    console.warn(`Optional packages could not be installed (${e instanceof Error ? e.message : String(e)}): ${why}.`);
  }
}

/**
 * Makes sure the named system dependencies are present. As root, installs the missing ones with
 * apt-get (one `apt-get update`, then one `apt-get install`); otherwise throws an error whose
 * message is the exact command to run.
 * @param {{ need?: Array<keyof typeof CHECKS> }} [options]
 */
export function ensureSystemPackages({ need = ['chromium', 'fonts', 'postgresql'] } = {}) {
  for (const n of need) if (!(n in CHECKS)) throw new Error(`unknown system dependency "${n}"`);
  const optional = need.filter((n) => /** @type {Check} */ (CHECKS[n]).optional && !CHECKS[n].ok());
  if (optional.length > 0) installOptional(optional);
  const missing = need.filter((n) => !(/** @type {Check} */ (CHECKS[n]).optional) && !CHECKS[n].ok());
  if (missing.length === 0) {
    console.log(`System packages present: ${need.join(', ')} (PostgreSQL: ${pgBinDir() ?? 'not needed'})`);
    return;
  }
  const packages = missing.flatMap((n) => CHECKS[n].packages);
  const unpacked = missing.flatMap(unpackOf);
  const install = ['install', '-y', '--no-install-recommends', ...packages];
  console.log(`Missing: ${missing.join(', ')} → Debian packages: ${packages.join(' ')}`);
  if (process.getuid?.() !== 0) {
    throw new Error(
      'Not running as root, so these cannot be installed here. Run this, then npm test again:\n' +
        `  sudo apt-get update && sudo apt-get ${install.join(' ')}` +
        unpacked.map((p) => `\n  cd /tmp && apt-get download ${p} && sudo dpkg-deb -x ${p}_*.deb ${UNPACK_ROOT}/${p}`).join(''),
    );
  }
  aptGet(['update']);
  if (packages.length) aptGet(install);
  for (const pkg of unpacked) unpack(pkg);
  const still = need.filter((n) => !(/** @type {Check} */ (CHECKS[n]).optional) && !CHECKS[n].ok());
  if (still.length > 0) throw new Error(`still missing after apt-get install: ${still.join(', ')}`);
}
