// Process entry: config -> database -> the node (migrations, bootstrap, its roles) -> signals.
import { join } from 'node:path';
import pino from 'pino';
import { ConfigError, loadConfig, type Config } from './kernel/config.ts';
import { DataDirLocked, openConfigured, type Database } from './kernel/db/client.ts';
import type { BootstrapResult } from './bootstrap.ts';
import { startNode } from './node.ts';
import { templateFor } from './kernel/db/template.ts';
import { moduleMigrations, registryOf } from './site.ts';
import { startLab } from './demo/lab/start.ts';
import { startSyslogDemo } from './demo/lab/syslog.ts';

function printWelcome(config: Config, db: Database, r: BootstrapResult, roles: string): void {
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/`;
  const lines = [
    '',
    '  运维 Yunwei 已启动 / is running',
    `  地址 URL:        ${url}`,
    `  接口文档 API:     ${url}api/docs`,
    `  数据库 Database:  ${db.kind === 'pglite' ? `PGlite（内置）${join(config.dataDir, 'pgdata')}` : 'PostgreSQL'}`,
    `  角色 Roles:       ${roles}`,
  ];
  if (r.keyMismatch)
    lines.push(
      '',
      '  警告 WARNING: YUNWEI_SECRET_KEY 与创建数据库时的密钥不同，已加密保存的动态口令等将无法解密。',
      '  The secret key differs from the one this database was created with: encrypted secrets (TOTP) cannot be read.',
    );
  if (r.admin.created) {
    lines.push('', '  系统管理员 System admin (首次登录须修改密码并绑定动态口令 / change the password and enrol TOTP at first sign-in):');
    lines.push(`    admin / ${r.admin.generated ? r.admin.password : '（YUNWEI_ADMIN_PASSWORD）'}`);
  }
  if (r.demo?.accounts.length) {
    lines.push('', `  演示账号 Demo accounts（密码 password: ${r.demo.generated ? r.demo.password : 'YUNWEI_DEMO_PASSWORD'}）:`);
    lines.push(`    ${r.demo.accounts.join('  ')}`);
    // 三员分立: the administrators among them sign in with a one-time code as well (等保 level 3).
    if (r.demo.accounts.some((a) => a.endsWith('.admin')))
      lines.push('    （sec.admin 安全管理员、audit.admin 审计管理员首次登录须绑定动态口令 / enrol TOTP at first sign-in）');
  }
  if (r.admin.generated || (r.demo?.generated && r.demo.accounts.length))
    lines.push('', '  以上密码只显示这一次，请妥善保存。These passwords are shown only once.');
  lines.push('');
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`配置错误 configuration error: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const log = pino({ level: config.logLevel, base: { pid: process.pid } });
  const registry = registryOf();
  let database: Database;
  try {
    // A first embedded start loads the migrated template made at install, when it matches the migrations.
    database = await openConfigured(config, undefined, (pgdata) => templateFor(pgdata, moduleMigrations(registry)));
  } catch (e) {
    if (e instanceof DataDirLocked) {
      process.stderr.write(`${e.message}\n`);
      process.exit(3);
    }
    throw e;
  }
  // The demo's simulated devices on 127.0.0.1 (issue 12 point 5), up before the pollers first reach
  // for them; a taken port costs that device only (demo/lab/start.ts).
  const lab = config.demo ? await startLab(log.child({ c: 'demo-lab' })) : null;
  const node = await startNode({ config, database, log, registry });
  // The demo's firewalls, IPS and anti-virus sending syslog to the receiver just started (issue 13 point 10).
  const syslogDemo = config.demo ? await startSyslogDemo(config.syslog, log.child({ c: 'demo-syslog' })) : null;
  printWelcome(config, database, node.boot, [...config.roles].join(','));
  settleAfterStart();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await node.stop();
    await syslogDemo?.stop();
    await lab?.stop();
    await database.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * One full garbage collection once the start has settled (npm start passes --expose-gc, lib/runtime.mjs):
 * a start leaves the heap full of what the migrations, the demo and the first compiles threw away, and
 * V8, with no idle time signalled to it, would keep those pages until the next major collection, hours
 * away on a quiet site. Collected and given back to the system (the allocator's trim threshold), the
 * idle server holds less (docs/decisions/0014-restart-and-idle-memory.md).
 */
function settleAfterStart(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) setTimeout(gc, 2_000).unref();
}

await main();
