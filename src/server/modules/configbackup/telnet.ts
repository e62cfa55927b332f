// One Telnet session with a device's CLI (issue 12 point 2: older devices offer nothing else). A small
// client over node:net: it answers the option negotiation (RFC 854/855) by letting the device echo and
// suppress go-ahead and refusing everything else, signs in at the device's username and password
// prompts, then talks to the CLI exactly as the SSH session does (session.ts: same vendor profiles,
// limits, failures and masked transcript). Telnet carries the password in clear text: the device page
// says so (web), and there is no host key to check.
import { EventEmitter } from 'node:events';
import { connect as tcpConnect, type Socket } from 'node:net';
import type { VendorProfile } from './vendors.ts';
import {
  SessionFailure,
  dialogue,
  maskTranscript,
  openReader,
  type PromptReader,
  type SessionLimits,
  type SessionResult,
  type SessionTarget,
} from './session.ts';

const IAC = 255;
const [WILL, WONT, DO, DONT, SB, SE] = [251, 252, 253, 254, 250, 240];
const ECHO = 1;
const SGA = 3;

/** The Telnet connection's data with the negotiation taken out and answered; lines sent end in CR LF. */
export class TelnetTerminal extends EventEmitter {
  private readonly socket: Socket;
  private state: 'data' | 'iac' | 'opt' | 'sb' | 'sb-iac' = 'data';
  private verb = 0;
  private lastCr = false;
  /** Options already answered, so a device repeating itself is not answered in a loop. */
  private readonly answered = new Set<string>();

  constructor(socket: Socket) {
    super();
    this.socket = socket;
    socket.on('data', (d: Buffer) => {
      const plain = this.parse(d);
      if (plain.length) this.emit('data', plain);
    });
    socket.on('close', () => this.emit('close'));
    socket.on('error', () => undefined);
  }

  private parse(d: Buffer): Buffer {
    const out: number[] = [];
    for (const b of d) {
      if (this.state === 'data') {
        if (b === IAC) this.state = 'iac';
        else if (!(b === 0 && this.lastCr)) out.push(b); // CR NUL is a bare CR
        this.lastCr = b === 13;
      } else if (this.state === 'iac') {
        if (b === IAC) {
          out.push(IAC);
          this.state = 'data';
        } else if (b >= WILL && b <= DONT) {
          this.verb = b;
          this.state = 'opt';
        } else this.state = b === SB ? 'sb' : 'data';
      } else if (this.state === 'opt') {
        this.answer(this.verb, b);
        this.state = 'data';
      } else if (this.state === 'sb') this.state = b === IAC ? 'sb-iac' : 'sb';
      else this.state = b === SE ? 'data' : 'sb';
    }
    return Buffer.from(out);
  }

  private answer(verb: number, option: number): void {
    const key = `${verb}/${option}`;
    if (this.answered.has(key)) return;
    this.answered.add(key);
    // The device may echo and suppress go-ahead (a character-at-a-time terminal); we do nothing ourselves.
    const reply = verb === WILL ? (option === ECHO || option === SGA ? DO : DONT) : verb === DO ? WONT : null;
    if (reply !== null) this.socket.write(Buffer.from([IAC, reply, option]));
  }

  write(s: string): boolean {
    const bytes = Buffer.from(s.replace(/\r?\n/g, '\r\n'), 'utf8');
    const escaped: number[] = [];
    for (const b of bytes) escaped.push(...(b === IAC ? [IAC, IAC] : [b]));
    return this.socket.write(Buffer.from(escaped));
  }

  destroy(): void {
    this.socket.destroy();
  }
}

function connectTcp(t: SessionTarget, limits: SessionLimits): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host: t.address, port: t.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new SessionFailure('timeout', '连接超时：设备未在时限内接受连接'));
    }, limits.connectMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (e: Error & { code?: string }) => {
      clearTimeout(timer);
      reject(new SessionFailure('unreachable', `无法连接设备（${e.code ?? e.message}）`));
    });
  });
}

const USERNAME = /(?:login|user ?name)\s*:\s*$/i;
const PASSWORD = /password\s*:\s*$/i;

/** Signs in at the device's prompts (a device may ask for a password only); a prompt again is a refusal. */
async function login(reader: PromptReader, profile: VendorProfile, t: SessionTarget, log: string[]): Promise<void> {
  const cli = (l: string) => profile.prompt.test(l) || !!profile.userPrompt?.test(l);
  const refused = () => new SessionFailure('auth_failed', '认证失败：用户名或密码不正确');
  let seen = await reader.waitPrompt((l) => USERNAME.test(l) || PASSWORD.test(l) || cli(l), '未出现登录提示', 'prompt');
  if (USERNAME.test(seen)) {
    reader.take();
    log.push(`\n[发送] ${t.username}\n`);
    reader.write(`${t.username}\n`);
    seen = await reader.waitPrompt((l) => PASSWORD.test(l) || USERNAME.test(l) || cli(l), '输入用户名后未出现密码提示', 'prompt');
    if (USERNAME.test(seen)) throw refused();
  }
  if (!PASSWORD.test(seen)) return; // a CLI that asks nothing more
  reader.take();
  log.push('\n[发送] ******\n');
  reader.write(`${t.secrets.password ?? ''}\n`);
  try {
    seen = await reader.waitPrompt((l) => USERNAME.test(l) || PASSWORD.test(l) || cli(l), '登录后未出现可识别的提示符', 'prompt');
  } catch (e) {
    // A device that hangs up right after the password has refused it.
    if (e instanceof SessionFailure && e.failure === 'prompt' && e.message.includes('结束了会话')) throw refused();
    throw e;
  }
  if (USERNAME.test(seen) || PASSWORD.test(seen)) throw refused();
}

/** Runs one backup session over Telnet; never throws. Answers no host key (Telnet has none). */
export async function telnetSession(target: SessionTarget, profile: VendorProfile, limits: SessionLimits): Promise<SessionResult> {
  const log: string[] = [];
  const transcript = () => maskTranscript(log.join(''), target.secrets);
  let terminal: TelnetTerminal | null = null;
  try {
    terminal = new TelnetTerminal(await connectTcp(target, limits));
    const reader = openReader(terminal, limits, log);
    await login(reader, profile, target, log);
    const config = await dialogue(reader, profile, target.secrets, log);
    return { ok: true, config, hostKey: null, transcript: transcript() };
  } catch (e) {
    const f = e instanceof SessionFailure ? e : new SessionFailure('error', `Telnet 错误：${(e as Error).message}`);
    log.push(`\n[${f.failure}] ${f.message}\n`);
    return { ok: false, failure: f.failure, message: f.message, transcript: transcript() };
  } finally {
    terminal?.destroy();
  }
}
