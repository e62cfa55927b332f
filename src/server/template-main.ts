// `node src/server/template-main.ts`: writes the migrated empty embedded database that a first start
// loads instead of running initdb and every migration (kernel/db/template.ts). scripts/prepare.mjs
// runs it at install (npm ci); run it again after adding a migration, or let first starts migrate.
import { makeTemplate } from './kernel/db/template.ts';
import { moduleMigrations, registryOf } from './site.ts';

const file = await makeTemplate(moduleMigrations(registryOf()));
process.stdout.write(`数据库模板 database template: ${file}\n`);
