// One SSH session with a device's CLI (issue 12): connect, check the host key (trust on first use),
// wait for the prompt, send the profile's setup commands and the show command, cut the configuration
// out of the answer, quit. Every way it can go wrong ends in a typed failure with the transcript.
// Interactive shell rather than exec: most network CLIs refuse exec channels or page their output.
import { createHash } from 'node:crypto';
import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import type { FAILURE_CODES } from '../../../common/configbackup.ts';
import { terminalText, type VendorProfile } from './vendors.ts';

export type FailureCode = (typeof FAILURE_CODES)[number];

export interface Credentials {
  password?: string;
  privateKey?: string;
  enablePassword?: string;
}

export interface SessionTarget {
  address: string;
  port: number;
  username: string;
  secrets: Credentials;
  /** The trusted host key's fingerprint, or null on first contact. */
  hostKey: string | null;
}

export interface SessionLimits {
  /** Connection and handshake. */
  connectMs: number;
  /** Silence while a prompt is awaited. */
  idleMs: number;
  /** The whole session. */
  totalMs: number;
  /** Everything the device sends (banners, output). */
  maxBytes: number;
}

export const DEFAULT_LIMITS: SessionLimits = { connectMs: 15_000, idleMs: 30_000, totalMs: 300_000, maxBytes: 20 * 1024 * 1024 };

export type SessionResult =
  | { ok: true; config: string; hostKey: string | null; transcript: string }
  | { ok: false; failure: FailureCode; message: string; transcript: string; offeredHostKey?: string };

export class SessionFailure extends Error {
  readonly failure: FailureCode;
  constructor(failure: FailureCode, message: string) {
    super(message);
    this.failure = failure;
  }
}

/** OpenSSH's way of writing a key's fingerprint: SHA256:<base64 without padding>. */
export const fingerprintOf = (key: Buffer): string => `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;

const TRANSCRIPT_MAX = 64 * 1024;

/** The transcript kept for a run: masked, and its head and tail when it is long. */
export function maskTranscript(text: string, secrets: Credentials): string {
  let s = text;
  for (const v of [secrets.password, secrets.enablePassword].filter((x): x is string => !!x)) s = s.split(v).join('******');
  if (s.length <= TRANSCRIPT_MAX) return s;
  const half = TRANSCRIPT_MAX / 2;
  return `${s.slice(0, half)}\n…（中间 ${s.length - TRANSCRIPT_MAX} 个字符略）…\n${s.slice(-half)}`;
}

/** Runs one backup session; never throws. */
export async function backupSession(target: SessionTarget, profile: VendorProfile, limits: SessionLimits): Promise<SessionResult> {
  const r = await inShell(target, limits, (reader, log) => dialogue(reader, profile, target.secrets, log));
  return r.ok ? { ok: true, config: r.value, hostKey: r.hostKey, transcript: r.transcript } : r;
}

/**
 * Runs read-only commands in one session (issue 14: the health checks of routers and switches),
 * through the same login, host-key check, enable and setup as a backup; never throws. Answers each
 * command's output in order.
 */
export async function commandSession(
  target: SessionTarget,
  profile: VendorProfile,
  commands: readonly string[],
  limits: SessionLimits,
): Promise<{ ok: true; outputs: string[]; transcript: string } | Extract<SessionResult, { ok: false }>> {
  const r = await inShell(target, limits, async (reader, log) => {
    await loggedIn(reader, profile, target.secrets, log);
    const outputs: string[] = [];
    for (const cmd of commands) outputs.push(await command(reader, profile, cmd, log));
    reader.write(`${profile.quit}\n`);
    return outputs;
  });
  return r.ok ? { ok: true, outputs: r.value, transcript: r.transcript } : r;
}

/** Connects, opens a shell and runs `work` on it; a fault of any kind is the failure, with the transcript. */
async function inShell<T>(
  target: SessionTarget,
  limits: SessionLimits,
  work: (reader: PromptReader, log: string[]) => Promise<T>,
): Promise<{ ok: true; value: T; hostKey: string | null; transcript: string } | Extract<SessionResult, { ok: false }>> {
  const client = new Client();
  const log: string[] = [];
  let offered: string | undefined;
  const transcript = () => maskTranscript(log.join(''), target.secrets);
  try {
    await connect(client, target, limits, (fp) => (offered = fp), log);
    const shell = await openShell(client);
    const value = await work(openReader(shell, limits, log), log);
    return { ok: true, value, hostKey: offered!, transcript: transcript() };
  } catch (e) {
    const f = e instanceof SessionFailure ? e : classify(e as Error & { level?: string });
    log.push(`\n[${f.failure}] ${f.message}\n`);
    return { ok: false, failure: f.failure, message: f.message, transcript: transcript(), ...(offered ? { offeredHostKey: offered } : {}) };
  } finally {
    client.end();
    client.destroy();
  }
}

function connect(client: Client, t: SessionTarget, limits: SessionLimits, seen: (fp: string) => void, log: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let hostKeyChanged = false;
    const config: ConnectConfig = {
      host: t.address,
      port: t.port,
      username: t.username,
      readyTimeout: limits.connectMs,
      tryKeyboard: !!t.secrets.password,
      ...(t.secrets.password ? { password: t.secrets.password } : {}),
      ...(t.secrets.privateKey ? { privateKey: t.secrets.privateKey } : {}),
      hostVerifier: (key: Buffer) => {
        const fp = fingerprintOf(key);
        seen(fp);
        hostKeyChanged = t.hostKey !== null && t.hostKey !== fp;
        return !hostKeyChanged;
      },
    };
    let bannerBytes = 0;
    let bannerFlood = false;
    client.on('banner', (msg: string) => {
      bannerBytes += msg.length;
      log.push(msg.slice(0, TRANSCRIPT_MAX));
      if (bannerBytes > limits.maxBytes && !bannerFlood) {
        bannerFlood = true;
        client.destroy();
      }
    });
    client.on('keyboard-interactive', (_n, _i, _l, prompts, finish) => finish(prompts.map(() => t.secrets.password ?? '')));
    client.once('ready', () => resolve());
    client.once('error', (err: Error & { level?: string }) =>
      reject(
        hostKeyChanged ? new SessionFailure('hostkey_changed', '设备的主机密钥与已信任的不同，已拒绝连接（须管理员确认新密钥）') : err,
      ),
    );
    client.once('close', () =>
      reject(bannerFlood ? new SessionFailure('too_large', '登录横幅过长，已中止') : new SessionFailure('error', '连接已被设备关闭')),
    );
    client.connect(config);
  });
}

function openShell(client: Client): Promise<ClientChannel> {
  return new Promise((resolve, reject) =>
    client.shell({ term: 'vt100', cols: 511, rows: 0 }, (err, stream) =>
      err ? reject(new SessionFailure('error', `无法打开会话：${err.message}`)) : resolve(stream),
    ),
  );
}

/** What a session reads and writes: an SSH shell channel, or a Telnet connection without its negotiation. */
export interface Terminal extends NodeJS.EventEmitter {
  write(s: string): unknown;
  destroy(): unknown;
  stderr?: NodeJS.EventEmitter;
}

/** Whether the last line of the output is the prompt awaited. */
export type PromptTest = (line: string) => boolean;
const promptOf =
  (p: VendorProfile): PromptTest =>
  (line) =>
    p.prompt.test(line) || !!p.userPrompt?.test(line);

/** A reader of the terminal that keeps the transcript and stops the session past the size limit. */
export function openReader(stream: Terminal, limits: SessionLimits, log: string[]): PromptReader {
  let received = 0;
  return new PromptReader(stream, limits, Date.now() + limits.totalMs, (chunk) => {
    received += chunk.length;
    log.push(chunk);
    if (received > limits.maxBytes)
      throw new SessionFailure('too_large', `设备输出超过 ${Math.round(limits.maxBytes / 1048576)} MB，已中止`);
  });
}

/** After login, the same on every protocol: the prompt, enable when asked, setup, show, quit. Answers the configuration. */
export async function dialogue(reader: PromptReader, profile: VendorProfile, secrets: Credentials, log: string[]): Promise<string> {
  await loggedIn(reader, profile, secrets, log);
  const config = await command(reader, profile, profile.show, log);
  reader.write(`${profile.quit}\n`);
  return config;
}

/** From login to the first command: the prompt, enable when asked, the setup commands. */
async function loggedIn(reader: PromptReader, profile: VendorProfile, secrets: Credentials, log: string[]): Promise<void> {
  const prompt = await reader.waitPrompt(promptOf(profile), '登录后未出现可识别的提示符', 'prompt');
  if (profile.userPrompt?.test(prompt) && secrets.enablePassword) await enable(reader, profile, secrets.enablePassword, log);
  for (const cmd of profile.setup) await command(reader, profile, cmd, log);
}

/** Reads the shell until its last line is a prompt, with the idle and total limits. */
export class PromptReader {
  private buf = '';
  private wake: (() => void) | null = null;
  private ended = false;
  private fault: SessionFailure | null = null;
  private readonly limits: SessionLimits;
  private readonly deadline: number;

  constructor(stream: Terminal, limits: SessionLimits, deadline: number, onChunk: (s: string) => void) {
    this.limits = limits;
    this.deadline = deadline;
    const take = (d: Buffer) => {
      if (this.fault) return;
      const s = d.toString('utf8');
      try {
        onChunk(s);
      } catch (e) {
        this.fault = e as SessionFailure;
        stream.destroy();
      }
      this.buf += s;
      this.wake?.();
    };
    stream.on('data', take);
    stream.stderr?.on('data', take);
    stream.on('close', () => {
      this.ended = true;
      this.wake?.();
    });
    this.write = (s: string) => void stream.write(s);
  }

  write: (s: string) => void;

  /** Everything read since the last call (the buffer starts again empty). */
  take(): string {
    const s = this.buf;
    this.buf = '';
    return s;
  }

  /** `silence`: the failure when the device goes quiet without a prompt (at login: a prompt not recognised). */
  async waitPrompt(isPrompt: PromptTest, what: string, silence: FailureCode = 'timeout'): Promise<string> {
    for (;;) {
      if (this.fault) throw this.fault;
      const text = terminalText(this.buf);
      const last = text.slice(text.lastIndexOf('\n') + 1);
      if (isPrompt(last)) return last.trim();
      if (this.ended) throw new SessionFailure('prompt', `${what}：设备结束了会话`);
      const wait = Math.min(this.limits.idleMs, this.deadline - Date.now());
      if (wait <= 0) throw new SessionFailure('timeout', `${what}：超过总时限`);
      const woke = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), wait);
        this.wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      this.wake = null;
      if (!woke) throw new SessionFailure(this.buf ? silence : 'timeout', `${what}：${Math.round(wait / 1000)} 秒内无新输出`);
    }
  }
}

/** Sends one command and answers its output: the echo and the closing prompt cut off. */
async function command(reader: PromptReader, profile: VendorProfile, cmd: string, log: string[]): Promise<string> {
  reader.take();
  log.push(`\n[发送] ${cmd}\n`);
  reader.write(`${cmd}\n`);
  await reader.waitPrompt(promptOf(profile), `命令“${cmd}”之后未出现提示符`);
  const text = terminalText(reader.take());
  const lines = text.split('\n');
  if (lines.length && lines[0]!.includes(cmd.slice(0, 20))) lines.shift();
  lines.pop();
  const out = lines.join('\n');
  if (profile.errors.some((re) => re.test(out))) throw new SessionFailure('command_refused', `设备拒绝了命令“${cmd}”`);
  return out;
}

async function enable(reader: PromptReader, profile: VendorProfile, secret: string, log: string[]): Promise<string> {
  reader.take();
  log.push('\n[发送] enable\n');
  reader.write('enable\n');
  await reader.waitPrompt((line) => /[Pp]assword:\s*$/.test(line), '未出现 enable 密码提示');
  reader.take();
  reader.write(`${secret}\n`);
  const p = await reader.waitPrompt(promptOf(profile), 'enable 之后未出现提示符');
  if (profile.userPrompt?.test(p)) throw new SessionFailure('auth_failed', 'enable 密码错误');
  return p;
}

function classify(e: Error & { level?: string; code?: string }): SessionFailure {
  if (e.level === 'client-authentication') return new SessionFailure('auth_failed', '认证失败：用户名、密码或私钥不正确');
  if (e.level === 'client-timeout' || /timed out/i.test(e.message))
    return new SessionFailure('timeout', '连接超时：设备未在时限内完成握手');
  if (e.code === 'ECONNREFUSED' || e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH' || e.code === 'ENOTFOUND')
    return new SessionFailure('unreachable', `无法连接设备（${e.code}）`);
  if (/privateKey|private key/i.test(e.message)) return new SessionFailure('auth_failed', `私钥无法使用：${e.message}`);
  return new SessionFailure('error', `SSH 错误：${e.message}`);
}
