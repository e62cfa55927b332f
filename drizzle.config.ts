// drizzle-kit's baseline stream (migrations/): the kernel's tables and those of every module that
// does not keep migrations of its own. A module with a `migrations/` folder beside its tables has
// its own stream: `npm run db:generate -- src/server/modules/<name>` (docs/modules.md).
import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'drizzle-kit';

const modules = readdirSync('./src/server/modules', { withFileTypes: true })
  .filter((d) => d.isDirectory() && !existsSync(`./src/server/modules/${d.name}/migrations`))
  .map((d) => `./src/server/modules/${d.name}/**/tables.ts`);

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/server/kernel/db/tables.ts', ...modules],
  out: './migrations',
});
