// Starts the product as `npm start` would (embedded database, demo data) for end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { freePort } from '../scripts/lib/net.mjs';
import { serverEntry } from '../scripts/lib/server-bundle.mjs';

export const ADMIN_PASSWORD = 'E2e-Admin-Pass-1';
export const DEMO_PASSWORD = 'E2e-Demo-Pass-1';
export const SHOTS = join(process.cwd(), 'screenshots');

export interface Running {
  base: string;
  /** The UDP port of the product's SNMP trap receiver on 127.0.0.1. */
  trapPort: number;
  /** The product's syslog receiver (UDP and TCP) on 127.0.0.1. */
  syslogPort: number;
  dir: string;
  stop(): Promise<void>;
  remove(): void;
}

/**
 * Starts the product on a fresh data directory; with `from`, a copy of that one (a product started
 * once and stopped: migrated, demo loaded), which saves every test file the first start.
 */
export async function startProduct(from?: string): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'yw-e2e-'));
  if (from) cpSync(from, dir, { recursive: true });
  const port = await freePort();
  const trapPort = await freePort(); // free for TCP a moment ago: almost surely for UDP too
  // Each product its own syslog port (the default 5514 is shared by every product on this host).
  const syslogPort = await freePort();
  const out: string[] = [];
  // What npm start runs: the server bundle (built here when a source is newer), else the sources.
  const entry = await serverEntry(process.cwd());
  const proc: ChildProcess = spawn(join(process.cwd(), 'node_modules/.bin/node'), [entry], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      YUNWEI_SNMP_TRAP_PORT: String(trapPort),
      YUNWEI_SYSLOG_PORT: String(syslogPort),
      YUNWEI_DATA_DIR: dir,
      YUNWEI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      YUNWEI_DEMO_PASSWORD: DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (b: Buffer) => out.push(b.toString()));
  proc.stderr?.on('data', (b: Buffer) => out.push(b.toString()));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const base = `http://127.0.0.1:${port}`;
  // Up to 5 minutes (a loaded 2-core machine took 145 s for a first start); a server that never answers
  // healthy fails here, naming what it printed, instead of failing later in a page.
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`server exited ${proc.exitCode}: ${out.join('')}`);
    try {
      // Healthy, and its listeners bound: the API answers before the collectors start (node.ts), and
      // the tests send syslog and traps at once.
      const res = await fetch(`${base}/api/health`);
      const body = res.ok ? ((await res.json()) as { collectors: { state: string }[] }) : null;
      if (body && body.collectors.length > 0 && body.collectors.every((c) => c.state !== 'starting')) break;
    } catch {
      /* starting */
    }
    if (i === 600) {
      proc.kill('SIGKILL');
      throw new Error(`server not healthy (collectors running) after 5 minutes: ${out.join('').slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    trapPort,
    syslogPort,
    dir,
    async stop() {
      proc.kill('SIGTERM');
      // An orderly stop closes the embedded database, so the directory can be copied afterwards.
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** The product and a browser for one test file: started before its tests, stopped after them. */
export function useProduct(): { readonly base: string; readonly trapPort: number; readonly syslogPort: number; readonly browser: Browser } {
  let server: Running | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startProduct(inject('productTemplate'));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });
  return {
    get base() {
      return server!.base;
    },
    get trapPort() {
      return server!.trapPort;
    },
    get syslogPort() {
      return server!.syslogPort;
    },
    get browser() {
      return browser!;
    },
  };
}
