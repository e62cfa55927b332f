// An SSH device double on the demo lab's ssh2 Server (demo/lab/ssh.ts), for what a real sshd cannot be made to do on cue: a
// host key that changes, a device that stops mid-output, one that floods, one that echoes the enable
// password it is given. Password authentication with a known password.
import ssh2, { type ServerChannel } from 'ssh2';
import { onLines, startCliServer } from '../../../demo/lab/ssh.ts';

const { utils } = ssh2;

export type Behaviour = 'vrp' | 'hang' | 'flood' | 'echo-enable';

export interface Double {
  port: number;
  close(): Promise<void>;
}

export const DOUBLE_PASSWORD = 'Dev1ce-Secret!9';
/**
 * A fresh ed25519 host key. ssh2's generator strips a leading zero byte of the public key, so about
 * 1 key in 256 cannot be parsed back (mscdex/ssh2 #1390, #1513): such a key is drawn again.
 */
export function newHostKey(): string {
  for (;;) {
    const k = utils.generateKeyPairSync('ed25519');
    if (!(utils.parseKey(k.private) instanceof Error) && !(utils.parseKey(k.public) instanceof Error)) return k.private;
  }
}

const CONFIG = 'sysname HUAWEI\n#\ninterface GigabitEthernet0/0/1\n description uplink\n#\nreturn\n';

function cli(stream: ServerChannel, behaviour: Behaviour, config: () => string): void {
  const prompt = behaviour === 'echo-enable' ? 'Router>' : '<HUAWEI>';
  let enabling = false;
  stream.write(prompt);
  onLines(stream, (line) => {
    if (enabling) {
      // A badly behaved device: it prints the secret back, then refuses it.
      stream.write(`${line}\r\n% Access denied\r\n${prompt}`);
      enabling = false;
    } else if (line === 'enable') {
      stream.write('enable\r\nPassword: ');
      enabling = true;
    } else if (line === 'quit' || line === 'exit') stream.close();
    else if (line.startsWith('display current') && behaviour === 'hang') stream.write(`${line}\r\nsysname HUAWEI\r\n#\r\ninterface Gig`);
    else if (line.startsWith('display current') && behaviour === 'flood') {
      const chunk = `${'x'.repeat(1023)}\n`.repeat(64);
      const pump = () => {
        while (stream.writable && stream.write(chunk));
        if (stream.writable) stream.once('drain', pump);
      };
      pump();
    } else if (line.startsWith('display current')) stream.write(`${line}\r\n${config().replace(/\n/g, '\r\n')}${prompt}`);
    else stream.write(`${line}\r\n${prompt}`);
  });
}

/** Starts the double on a loopback port (the given one, to come back with another key). */
export async function startDouble(opts: { hostKey: string; behaviour: Behaviour; port?: number; config?: () => string }): Promise<Double> {
  return startCliServer({
    hostKey: opts.hostKey,
    password: DOUBLE_PASSWORD,
    ...(opts.port ? { port: opts.port } : {}),
    shell: (stream) => cli(stream, opts.behaviour, opts.config ?? (() => CONFIG)),
  });
}
