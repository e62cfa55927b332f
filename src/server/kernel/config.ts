// Configuration from the environment, validated at start. Each bad value stops the start with one
// line naming the variable and what is wrong (issue 2, point 2).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { passwordProblem } from '../../common/password.ts';

export type NodeRole = 'api' | 'worker' | 'collector';
export const NODE_ROLES: readonly NodeRole[] = ['api', 'worker', 'collector'];

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null; // null: embedded PGlite in dataDir/pgdata
  secretKey: Buffer; // 32 bytes
  secretKeyGenerated: boolean;
  adminPassword: string | null;
  demo: boolean;
  demoPassword: string | null;
  roles: Set<NodeRole>;
  logLevel: string;
  /** Largest upload accepted (attachments, photos), in MiB. */
  uploadMaxMb: number;
  /** The address users reach Yunwei at, without a trailing slash: links in e-mails and robot messages. */
  publicUrl: string;
  /** UDP port of the SNMP trap receiver on collector nodes (bound on HOST); above 1023 needs no root. */
  snmpTrapPort: number;
  /** The syslog receiver (issue 13, R-MON-03): UDP and TCP on one port, bound to this address. */
  syslog: SyslogConfig;
  /** Collectors' disk spools (issue 13 point 1): the directory and the most bytes one collector's may hold. */
  spool: { dir: string; maxBytes: number };
}

export interface SyslogConfig {
  host: string;
  port: number;
  /** RFC 5425 syslog over TLS on this port with these PEM files; absent when YUNWEI_SYSLOG_TLS_PORT is unset. */
  tls?: { port: number; certFile: string; keyFile: string; caFile?: string };
}

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.variable = variable;
  }
}

type Env = Record<string, string | undefined>;

function nonEmpty(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/** Reads and validates the configuration without touching the disk. */
export function parseConfig(
  env: Env,
  cwd = process.cwd(),
): Omit<Config, 'secretKey' | 'secretKeyGenerated'> & { secretKeyText: string | null } {
  const host = nonEmpty(env, 'HOST') ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host)) throw new ConfigError('HOST', `不是有效的主机名或地址 (not a host name or address): ${host}`);

  const portText = nonEmpty(env, 'PORT') ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535)
    throw new ConfigError('PORT', `必须是 1–65535 之间的整数 (must be an integer 1–65535), got "${portText}"`);

  const dataDirText = nonEmpty(env, 'YUNWEI_DATA_DIR') ?? './data';
  const dataDir = isAbsolute(dataDirText) ? dataDirText : resolve(cwd, dataDirText);

  let databaseUrl: string | null = nonEmpty(env, 'DATABASE_URL') ?? null;
  if (databaseUrl !== null) {
    let u: URL;
    try {
      u = new URL(databaseUrl);
    } catch {
      throw new ConfigError('DATABASE_URL', '不是有效的 URL (not a URL); expected postgres://user:password@host:port/database');
    }
    if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:')
      throw new ConfigError('DATABASE_URL', `协议必须是 postgres:// (scheme must be postgres://), got ${u.protocol}`);
    if (u.pathname === '' || u.pathname === '/') throw new ConfigError('DATABASE_URL', '缺少数据库名 (missing the database name)');
    databaseUrl = u.toString();
  }

  const secretKeyText = nonEmpty(env, 'YUNWEI_SECRET_KEY') ?? null;
  if (secretKeyText !== null) decodeKey(secretKeyText);

  const adminPassword = env.YUNWEI_ADMIN_PASSWORD ?? null;
  if (adminPassword !== null && adminPassword !== '') {
    const problem = passwordProblem(adminPassword);
    if (problem) throw new ConfigError('YUNWEI_ADMIN_PASSWORD', problem);
  }

  const demoText = nonEmpty(env, 'YUNWEI_DEMO') ?? '1';
  if (!['0', '1', 'true', 'false'].includes(demoText))
    throw new ConfigError('YUNWEI_DEMO', `必须是 1 或 0 (must be 1 or 0), got "${demoText}"`);
  const demo = demoText === '1' || demoText === 'true';

  const demoPassword = nonEmpty(env, 'YUNWEI_DEMO_PASSWORD') ?? null;
  if (demoPassword !== null) {
    const problem = passwordProblem(demoPassword);
    if (problem) throw new ConfigError('YUNWEI_DEMO_PASSWORD', problem);
  }

  const rolesText = nonEmpty(env, 'YUNWEI_ROLES') ?? 'api,worker,collector';
  const roles = new Set<NodeRole>();
  for (const r of rolesText
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!NODE_ROLES.includes(r as NodeRole))
      throw new ConfigError('YUNWEI_ROLES', `未知角色 "${r}" (unknown role); allowed: ${NODE_ROLES.join(', ')}`);
    roles.add(r as NodeRole);
  }
  if (roles.size === 0) throw new ConfigError('YUNWEI_ROLES', '至少需要一个角色 (at least one role)');
  if (databaseUrl === null && !(roles.has('api') && roles.has('worker') && roles.has('collector')) && nonEmpty(env, 'YUNWEI_ROLES'))
    throw new ConfigError('YUNWEI_ROLES', '内置数据库只能运行单个进程，请配置 DATABASE_URL 后再拆分角色 (split roles need DATABASE_URL)');

  const logLevel = nonEmpty(env, 'LOG_LEVEL') ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel))
    throw new ConfigError('LOG_LEVEL', `未知日志级别 (unknown level) "${logLevel}"`);

  const uploadMaxMb = uploadMaxMbFrom(env);
  const publicUrl = publicUrlFrom(env);
  const trapText = nonEmpty(env, 'YUNWEI_SNMP_TRAP_PORT') ?? '1162';
  const snmpTrapPort = Number(trapText);
  if (!/^\d+$/.test(trapText) || snmpTrapPort < 1 || snmpTrapPort > 65535)
    throw new ConfigError('YUNWEI_SNMP_TRAP_PORT', `必须是 1–65535 之间的整数 (must be an integer 1–65535), got "${trapText}"`);
  const syslog = syslogFrom(env, cwd);
  const spool = spoolFrom(env, dataDir, cwd);

  return {
    host,
    port,
    dataDir,
    databaseUrl,
    secretKeyText,
    adminPassword: adminPassword === '' ? null : adminPassword,
    demo,
    demoPassword,
    roles,
    logLevel,
    uploadMaxMb,
    publicUrl,
    snmpTrapPort,
    syslog,
    spool,
  };
}

/**
 * YUNWEI_SYSLOG_HOST (default 127.0.0.1: devices are let in by setting it, never by accident) and
 * YUNWEI_SYSLOG_PORT (default 5514: no root needed; 514 needs CAP_NET_BIND_SERVICE), UDP and TCP.
 */
export function syslogFrom(env: Env, cwd = process.cwd()): SyslogConfig {
  const host = nonEmpty(env, 'YUNWEI_SYSLOG_HOST') ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host)) throw new ConfigError('YUNWEI_SYSLOG_HOST', `不是有效的主机名或地址 (not a host name or address): ${host}`);
  const text = nonEmpty(env, 'YUNWEI_SYSLOG_PORT') ?? '5514';
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535)
    throw new ConfigError('YUNWEI_SYSLOG_PORT', `必须是 1–65535 之间的整数 (must be an integer 1–65535), got "${text}"`);
  const tlsText = nonEmpty(env, 'YUNWEI_SYSLOG_TLS_PORT');
  if (tlsText === undefined) return { host, port };
  const tlsPort = Number(tlsText);
  if (!/^\d+$/.test(tlsText) || tlsPort < 1 || tlsPort > 65535)
    throw new ConfigError('YUNWEI_SYSLOG_TLS_PORT', `必须是 1–65535 之间的整数 (must be an integer 1–65535), got "${tlsText}"`);
  if (tlsPort === port)
    throw new ConfigError('YUNWEI_SYSLOG_TLS_PORT', `不能与 YUNWEI_SYSLOG_PORT 相同 (must differ from the plain port ${port})`);
  const file = (name: string) => {
    const f = nonEmpty(env, name);
    return f === undefined ? undefined : isAbsolute(f) ? f : resolve(cwd, f);
  };
  const certFile = file('YUNWEI_SYSLOG_TLS_CERT');
  const keyFile = file('YUNWEI_SYSLOG_TLS_KEY');
  if (!certFile)
    throw new ConfigError(
      'YUNWEI_SYSLOG_TLS_CERT',
      '启用 TLS syslog 需要证书文件（PEM）路径 (the PEM certificate file is required with YUNWEI_SYSLOG_TLS_PORT)',
    );
  if (!keyFile)
    throw new ConfigError(
      'YUNWEI_SYSLOG_TLS_KEY',
      '启用 TLS syslog 需要私钥文件（PEM）路径 (the PEM key file is required with YUNWEI_SYSLOG_TLS_PORT)',
    );
  const caFile = file('YUNWEI_SYSLOG_TLS_CA');
  return { host, port, tls: { port: tlsPort, certFile, keyFile, ...(caFile ? { caFile } : {}) } };
}

/** YUNWEI_SPOOL_DIR (default <data dir>/spool) and YUNWEI_SPOOL_MAX_MB (whole MiB, 16–1 048 576, default 1024). */
export function spoolFrom(env: Env, dataDir: string, cwd = process.cwd()): { dir: string; maxBytes: number } {
  const dirText = nonEmpty(env, 'YUNWEI_SPOOL_DIR');
  const dir = dirText === undefined ? join(dataDir, 'spool') : isAbsolute(dirText) ? dirText : resolve(cwd, dirText);
  const text = nonEmpty(env, 'YUNWEI_SPOOL_MAX_MB') ?? '1024';
  const mb = Number(text);
  if (!/^\d+$/.test(text) || mb < 16 || mb > 1_048_576)
    throw new ConfigError(
      'YUNWEI_SPOOL_MAX_MB',
      `必须是 16–1048576 之间的整数（MB）(must be an integer 16–1048576, in MiB), got "${text}"`,
    );
  return { dir, maxBytes: mb * 1024 * 1024 };
}

/** YUNWEI_PUBLIC_URL: http(s) origin with an optional path, no query; default http://localhost:<PORT>. */
export function publicUrlFrom(env: Env): string {
  const text = nonEmpty(env, 'YUNWEI_PUBLIC_URL');
  if (text === undefined) return `http://localhost:${nonEmpty(env, 'PORT') ?? '8080'}`;
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new ConfigError('YUNWEI_PUBLIC_URL', `不是有效的 URL (not a URL), got "${text}"; expected e.g. https://yunwei.example.gov.cn`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new ConfigError('YUNWEI_PUBLIC_URL', `协议必须是 http:// 或 https:// (scheme must be http or https), got ${u.protocol}`);
  if (u.search || u.hash || u.username || u.password)
    throw new ConfigError('YUNWEI_PUBLIC_URL', '不能包含查询参数、锚点或用户名密码 (no query, fragment or credentials)');
  return u.href.replace(/\/+$/, '');
}

export const DEFAULT_UPLOAD_MAX_MB = 20;
/** Files live in the database and are held in memory while they arrive: keep the cap modest. */
export const UPLOAD_MAX_MB_CEILING = 200;

/** YUNWEI_UPLOAD_MAX_MB: whole MiB, 1–200, default 20. */
export function uploadMaxMbFrom(env: Env): number {
  const text = nonEmpty(env, 'YUNWEI_UPLOAD_MAX_MB') ?? String(DEFAULT_UPLOAD_MAX_MB);
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > UPLOAD_MAX_MB_CEILING)
    throw new ConfigError(
      'YUNWEI_UPLOAD_MAX_MB',
      `必须是 1–${UPLOAD_MAX_MB_CEILING} 之间的整数（MB）(must be an integer 1–${UPLOAD_MAX_MB_CEILING}, in MiB), got "${text}"`,
    );
  return n;
}

function decodeKey(text: string): Buffer {
  const buf = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (buf.length !== 32)
    throw new ConfigError('YUNWEI_SECRET_KEY', '必须是 32 字节密钥：64 位十六进制或 base64 (must be 32 bytes: 64 hex digits or base64)');
  return buf;
}

/** Full configuration: resolves the secret key, generating it once into the data dir if absent. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const { secretKeyText, ...rest } = parseConfig(env, cwd);
  if (secretKeyText !== null) return { ...rest, secretKey: decodeKey(secretKeyText), secretKeyGenerated: false };
  mkdirSync(rest.dataDir, { recursive: true });
  const file = join(rest.dataDir, 'secret.key');
  if (existsSync(file)) {
    try {
      return { ...rest, secretKey: decodeKey(readFileSync(file, 'utf8').trim()), secretKeyGenerated: false };
    } catch {
      throw new ConfigError('YUNWEI_SECRET_KEY', `${file} 内容无效 (the generated key file is damaged)`);
    }
  }
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  return { ...rest, secretKey: key, secretKeyGenerated: true };
}
