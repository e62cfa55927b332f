// Configuration from the environment (issue 2, point 2): each bad value is refused with an error
// naming its variable; absent values take the documented defaults; the secret key is generated once.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from './config.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'yw-config-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function errorOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env, '/srv/yunwei');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('parseConfig refuses each bad value, naming the variable', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '0'],
    ['PORT', '80.5'],
    ['HOST', 'bad host!'],
    ['YUNWEI_SNMP_TRAP_PORT', '0'],
    ['YUNWEI_SNMP_TRAP_PORT', '162x'],
    ['YUNWEI_SNMP_TRAP_PORT', '65536'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'postgres://localhost'],
    ['YUNWEI_SECRET_KEY', 'short'],
    ['YUNWEI_SECRET_KEY', 'ab'.repeat(31)],
    ['YUNWEI_ADMIN_PASSWORD', 'weak'],
    ['YUNWEI_ADMIN_PASSWORD', 'alllowercase1'],
    ['YUNWEI_DEMO_PASSWORD', 'short1A'],
    ['YUNWEI_DEMO', 'maybe'],
    ['YUNWEI_ROLES', 'api,foo'],
    ['YUNWEI_ROLES', ','],
    ['LOG_LEVEL', 'loud'],
    ['YUNWEI_SYSLOG_PORT', '0'],
    ['YUNWEI_SYSLOG_PORT', '514x'],
    ['YUNWEI_SYSLOG_HOST', 'a b'],
    ['YUNWEI_SYSLOG_TLS_PORT', '6514x'],
    ['YUNWEI_SYSLOG_TLS_PORT', '5514'],
    ['YUNWEI_SPOOL_MAX_MB', '8'],
    ['YUNWEI_SPOOL_MAX_MB', 'lots'],
  ])('%s=%s', (variable, value) => {
    const e = errorOf({ [variable]: value });
    expect(e.variable).toBe(variable);
    expect(e.message.startsWith(`${variable}: `)).toBe(true);
    expect(e.message).not.toContain('\n'); // one line, as the start prints it
  });

  it('TLS syslog needs the certificate and the key', () => {
    expect(errorOf({ YUNWEI_SYSLOG_TLS_PORT: '6514' }).variable).toBe('YUNWEI_SYSLOG_TLS_CERT');
    expect(errorOf({ YUNWEI_SYSLOG_TLS_PORT: '6514', YUNWEI_SYSLOG_TLS_CERT: 'c.pem' }).variable).toBe('YUNWEI_SYSLOG_TLS_KEY');
    const env = { YUNWEI_SYSLOG_TLS_PORT: '6514', YUNWEI_SYSLOG_TLS_CERT: 'tls/c.pem', YUNWEI_SYSLOG_TLS_KEY: '/etc/yw/k.pem' };
    expect(parseConfig(env, '/srv/yunwei').syslog.tls).toEqual({ port: 6514, certFile: '/srv/yunwei/tls/c.pem', keyFile: '/etc/yw/k.pem' });
    expect(parseConfig({}).syslog.tls).toBeUndefined();
  });

  it('split roles need PostgreSQL', () => {
    expect(errorOf({ YUNWEI_ROLES: 'api' }).variable).toBe('YUNWEI_ROLES');
    expect(parseConfig({ YUNWEI_ROLES: 'api', DATABASE_URL: 'postgres://u@h/db' }).roles).toEqual(new Set(['api']));
  });
});

describe('parseConfig defaults and accepted values', () => {
  it('uses the documented defaults', () => {
    const c = parseConfig({}, '/srv/yunwei');
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(8080);
    expect(c.dataDir).toBe(resolve('/srv/yunwei', 'data'));
    expect(c.databaseUrl).toBeNull();
    expect(c.secretKeyText).toBeNull();
    expect(c.adminPassword).toBeNull();
    expect(c.demo).toBe(true);
    expect(c.demoPassword).toBeNull();
    expect(c.roles).toEqual(new Set(['api', 'worker', 'collector']));
    expect(c.logLevel).toBe('info');
    expect(c.snmpTrapPort).toBe(1162); // above 1023: no root needed
    expect(parseConfig({ YUNWEI_SNMP_TRAP_PORT: '162' }).snmpTrapPort).toBe(162);
    expect(c.syslog).toEqual({ host: '127.0.0.1', port: 5514 });
  });

  it.each([
    [{ PORT: '9000' }, { port: 9000 }],
    [{ PORT: ' 443 ' }, { port: 443 }],
    [{ HOST: '0.0.0.0' }, { host: '0.0.0.0' }],
    [{ YUNWEI_DATA_DIR: 'var/yw' }, { dataDir: resolve('/srv/yunwei', 'var/yw') }],
    [{ YUNWEI_DATA_DIR: '/abs/dir' }, { dataDir: '/abs/dir' }],
    [{ DATABASE_URL: 'postgresql://u:p@db:5432/yunwei' }, { databaseUrl: 'postgresql://u:p@db:5432/yunwei' }],
    [{ DATABASE_URL: '' }, { databaseUrl: null }],
    [{ YUNWEI_DEMO: '0' }, { demo: false }],
    [{ YUNWEI_DEMO: 'false' }, { demo: false }],
    [{ YUNWEI_DEMO: '1' }, { demo: true }],
    [{ YUNWEI_ADMIN_PASSWORD: 'Strong-Pass-1' }, { adminPassword: 'Strong-Pass-1' }],
    [{ YUNWEI_ADMIN_PASSWORD: '' }, { adminPassword: null }],
    [{ LOG_LEVEL: 'debug' }, { logLevel: 'debug' }],
    [{ YUNWEI_SYSLOG_PORT: '514', YUNWEI_SYSLOG_HOST: '0.0.0.0' }, { syslog: { host: '0.0.0.0', port: 514 } }],
    [{}, { spool: { dir: '/srv/yunwei/data/spool', maxBytes: 1024 * 1024 * 1024 } }],
    [{ YUNWEI_SPOOL_DIR: '/var/spool/yw', YUNWEI_SPOOL_MAX_MB: '64' }, { spool: { dir: '/var/spool/yw', maxBytes: 64 * 1024 * 1024 } }],
    [{ YUNWEI_SECRET_KEY: 'ab'.repeat(32) }, { secretKeyText: 'ab'.repeat(32) }],
    [{ YUNWEI_SECRET_KEY: Buffer.alloc(32, 9).toString('base64') }, { secretKeyText: Buffer.alloc(32, 9).toString('base64') }],
  ])('%j', (env, expected) => {
    expect(parseConfig(env, '/srv/yunwei')).toMatchObject(expected);
  });
});

describe('loadConfig and the secret key', () => {
  it('generates the key once into the data dir (mode 600) and reuses it on the next load', () => {
    const dir = tempDir();
    const first = loadConfig({ YUNWEI_DATA_DIR: dir });
    expect(first.secretKeyGenerated).toBe(true);
    expect(first.secretKey).toHaveLength(32);
    const file = join(dir, 'secret.key');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.secretKey.toString('hex'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadConfig({ YUNWEI_DATA_DIR: dir });
    expect(second.secretKeyGenerated).toBe(false);
    expect(second.secretKey.equals(first.secretKey)).toBe(true);
  });

  it('uses YUNWEI_SECRET_KEY when given and writes nothing', () => {
    const dir = join(tempDir(), 'not-created');
    const c = loadConfig({ YUNWEI_DATA_DIR: dir, YUNWEI_SECRET_KEY: 'cd'.repeat(32) });
    expect(c.secretKey.equals(Buffer.from('cd'.repeat(32), 'hex'))).toBe(true);
    expect(c.secretKeyGenerated).toBe(false);
    expect(() => statSync(join(dir, 'secret.key'))).toThrow();
  });

  it('refuses a damaged key file, naming YUNWEI_SECRET_KEY', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secret.key'), 'garbage\n');
    expect(() => loadConfig({ YUNWEI_DATA_DIR: dir })).toThrow(ConfigError);
    try {
      loadConfig({ YUNWEI_DATA_DIR: dir });
    } catch (e) {
      expect((e as ConfigError).variable).toBe('YUNWEI_SECRET_KEY');
    }
  });
});
