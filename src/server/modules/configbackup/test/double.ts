// An SSH device double on ssh2's own Server, for what a real sshd cannot be made to do on cue: a
// host key that changes, a device that stops mid-output, one that floods, one that echoes the enable
// password it is given. Password authentication with a known password.
import ssh2, { type ServerChannel } from 'ssh2';

const { Server, utils } = ssh2;

export type Behaviour = 'vrp' | 'hang' | 'flood' | 'echo-enable';

export interface Double {
  port: number;
  close(): Promise<void>;
}

export const DOUBLE_PASSWORD = 'Dev1ce-Secret!9';
export const newHostKey = (): string => utils.generateKeyPairSync('ed25519').private;

const CONFIG = 'sysname HUAWEI\n#\ninterface GigabitEthernet0/0/1\n description uplink\n#\nreturn\n';

function cli(stream: ServerChannel, behaviour: Behaviour, config: () => string): void {
  const prompt = behaviour === 'echo-enable' ? 'Router>' : '<HUAWEI>';
  let enabling = false;
  stream.write(prompt);
  let pending = '';
  stream.on('data', (d: Buffer) => {
    pending += d.toString();
    for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n')) {
      const line = pending.slice(0, i).replace(/\r$/, '');
      pending = pending.slice(i + 1);
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
    }
  });
}

/** Starts the double on a loopback port (the given one, to come back with another key). */
export async function startDouble(opts: { hostKey: string; behaviour: Behaviour; port?: number; config?: () => string }): Promise<Double> {
  const clients = new Set<{ end(): void }>();
  const server = new Server({ hostKeys: [opts.hostKey] }, (client) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.on('error', () => undefined);
    client.on('authentication', (ctx) =>
      ctx.method === 'password' && ctx.password === DOUBLE_PASSWORD ? ctx.accept() : ctx.reject(['password']),
    );
    client.on('ready', () =>
      client.on('session', (accept) => {
        const session = accept();
        session.on('pty', (ok) => ok?.());
        session.on('shell', (ok) => cli(ok(), opts.behaviour, opts.config ?? (() => CONFIG)));
      }),
    );
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        // Sessions still open (a hung one) end with the server.
        for (const c of clients) c.end();
      }),
  };
}
