// An SSH server that plays a network device's CLI, on ssh2's own Server: password login, an
// interactive shell fed line by line. The demo lab runs one per device (device.ts); configuration
// backup's tests run it with misbehaving CLIs (modules/configbackup/test/double.ts).
import { createECDH, createHash, createPrivateKey } from 'node:crypto';
import ssh2, { type ServerChannel } from 'ssh2';

const { Server } = ssh2;

export interface CliServer {
  port: number;
  close(): Promise<void>;
}

export interface CliServerOptions {
  /** The host's private key (OpenSSH or PEM). */
  hostKey: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** The one login accepted (password authentication). */
  username?: string;
  password: string;
  /** Runs the CLI on a shell the client opened. */
  shell: (stream: ServerChannel) => void;
}

/** Starts the server on 127.0.0.1; rejects when the port cannot be bound. */
export async function startCliServer(o: CliServerOptions): Promise<CliServer> {
  const clients = new Set<{ end(): void }>();
  const server = new Server({ hostKeys: [o.hostKey] }, (client) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.on('error', () => undefined);
    client.on('authentication', (ctx) =>
      ctx.method === 'password' && ctx.password === o.password && (o.username === undefined || ctx.username === o.username)
        ? ctx.accept()
        : ctx.reject(['password']),
    );
    client.on('ready', () =>
      client.on('session', (accept) => {
        const session = accept();
        session.on('pty', (ok) => ok?.());
        session.on('shell', (ok) => o.shell(ok()));
      }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => undefined);
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

/** Calls `onLine` with each line the client types (LF or CR LF ends it; the ending not included). */
export function onLines(stream: ServerChannel, onLine: (line: string) => void): void {
  let pending = '';
  stream.on('data', (d: Buffer) => {
    pending += d.toString();
    for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n')) {
      const line = pending.slice(0, i).replace(/\r$/, '');
      pending = pending.slice(i + 1);
      onLine(line);
    }
  });
}

/**
 * A host key that is the same on every start (a P-256 key derived from `seed`), so configuration
 * backup, which trusts the first key it sees, keeps trusting the demo's devices across restarts.
 * Public by construction: only for the demo's simulated devices.
 */
export function demoHostKey(seed: string): string {
  const d = createHash('sha256').update(`yunwei-demo-lab-hostkey/${seed}`).digest();
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(d);
  const pub = ecdh.getPublicKey();
  const b64 = (b: Buffer) => b.toString('base64url');
  const jwk = { kty: 'EC', crv: 'P-256', d: b64(d), x: b64(pub.subarray(1, 33)), y: b64(pub.subarray(33, 65)) };
  return createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'sec1', format: 'pem' }).toString();
}
