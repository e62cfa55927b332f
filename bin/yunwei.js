#!/usr/bin/env node
// The `yunwei` command (`npx yunwei …`). Plain JavaScript so that any Node can start it: on a Node
// older than 24 (the machine's own), it runs itself again under the project's Node 24
// (node_modules/.bin/node, from the npm package node@24); then it loads the TypeScript CLI.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);

if (major < 24) {
  const node24 = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
  if (process.env.YUNWEI_REEXEC === '1' || !existsSync(node24)) {
    process.stderr.write(
      `运维 Yunwei 需要 Node 24 (this is Node ${process.version}): ${node24} 不存在 is missing — run \`npm ci\` in the project first.\n`,
    );
    process.exit(1);
  }
  const child = spawn(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, YUNWEI_REEXEC: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (e) => {
    process.stderr.write(`cannot start ${node24}: ${e.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
} else {
  // Node keeps the compiled code between runs (os.tmpdir()): a command starts faster from the second run on.
  (await import('node:module')).enableCompileCache?.();
  // The bundle `npm ci` made (dist/cli/main.mjs) when no source is newer, else the TypeScript sources
  // (docs/decisions/0012-server-bundle.md).
  const { cliEntry } = await import('../scripts/lib/server-bundle.mjs');
  await import(pathToFileURL(cliEntry(fileURLToPath(new URL('..', import.meta.url)))).href);
}
