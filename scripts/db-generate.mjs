// `npm run db:generate [-- <module folder>] [-- --name <label>]`: drizzle-kit generate for the
// baseline stream (migrations/, drizzle.config.ts), or for one module that keeps its own stream in
// <module folder>/migrations (its manifest's `migrations`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const args = process.argv.slice(2);
const folder = args[0] && !args[0].startsWith('--') ? args.shift() : null;
let config = 'drizzle.config.ts';
if (folder) {
  const dir = relative(process.cwd(), resolve(folder));
  if (!existsSync(dir)) throw new Error(`no such module folder: ${dir}`);
  mkdirSync(join(dir, 'migrations'), { recursive: true });
  config = '.tmp/drizzle.module.config.ts';
  mkdirSync('.tmp', { recursive: true });
  writeFileSync(
    config,
    `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ dialect: 'postgresql', ` +
      `schema: ['./${dir}/**/tables.ts'], out: './${dir}/migrations' });\n`,
  );
}
const r = spawnSync('drizzle-kit', ['generate', '--config', config, ...args], { stdio: 'inherit', shell: false });
if (folder) rmSync(config, { force: true });
process.exit(r.status ?? 1);
