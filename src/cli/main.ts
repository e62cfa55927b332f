// The `yunwei` command (bin/yunwei.js runs this under Node 24): operations on the configured
// database that need no running server. Configuration comes from the same environment variables
// as the server (HOST, PORT, YUNWEI_DATA_DIR, DATABASE_URL, …).
import { readFileSync } from 'node:fs';
import { AppError } from '../server/kernel/errors.ts';
import { CliError, EXIT_FAILED, EXIT_USAGE, out, warn } from './errors.ts';

const mainHelp = `运维 Yunwei 命令行 command line

用法 Usage: yunwei <命令 command> [选项 options]

  migrate                                  应用数据库迁移 Apply the database migrations
  admin create --user NAME --role ROLE     创建账号 Create an account (e.g. the security or audit admin)
  admin reset --user NAME                  重置密码并解锁 Reset a password and unlock the account
  token create --user NAME --name LABEL    创建 API 令牌 Create a personal API token
  audit verify                             校验审计日志哈希链 Verify the audit log's hash chain
  backup FILE                              备份数据库 Back up the database
  restore FILE [--force]                   从备份恢复 Restore from a backup
  export DIR                               导出各模块全部数据（JSON Lines）Export every module's data

  yunwei <命令 command> --help             各命令的说明 Help on one command
  yunwei --version                         版本 Version

配置与服务相同，来自环境变量 Configuration comes from the same environment as the server:
  YUNWEI_DATA_DIR (./data)  DATABASE_URL (未设置则用内置数据库 absent: embedded PGlite)  YUNWEI_SECRET_KEY
内置数据库同一时间只能由一个进程打开：执行命令前请先停止服务。
The embedded database is opened by one process at a time: stop the server before running a command.

退出码 Exit codes: 0 完成 done, 1 失败 failed, 2 用法或配置错误 usage or configuration error,
3 数据目录正被使用 the data dir is in use.`;

type Command = (args: string[]) => Promise<number>;

// Loaded on demand: `yunwei --help` answers without loading the database drivers.
const COMMANDS: Record<string, () => Promise<Command>> = {
  migrate: async () => (await import('./migrate.ts')).migrateCommand,
  admin: async () => (await import('./admin.ts')).adminCommand,
  token: async () => (await import('./token.ts')).tokenCommand,
  audit: async () => (await import('./audit.ts')).auditCommand,
  backup: async () => (await import('./backup.ts')).backupCommand,
  restore: async () => (await import('./backup.ts')).restoreCommand,
  export: async () => (await import('./export.ts')).exportCommand,
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    warn(mainHelp);
    return EXIT_USAGE;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = rest[0];
    const load = topic ? COMMANDS[topic] : undefined;
    if (load) return (await load())([...rest.slice(1), '--help']);
    out(mainHelp);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    out(`yunwei ${version()}`);
    return 0;
  }
  const load = COMMANDS[command];
  if (!load) throw new CliError(`未知命令 unknown command: ${command}\n参见 see: yunwei --help`, EXIT_USAGE);
  return (await load())(rest);
}

async function main(): Promise<void> {
  let code: number;
  try {
    code = await run(process.argv.slice(2));
  } catch (e) {
    if (e instanceof CliError) {
      warn(e.message);
      code = e.exitCode;
    } else if (e instanceof AppError) {
      // A service refused (weak password, two administrator roles, duplicate name…): its message is for people.
      const details = e.errors
        ?.filter((f) => f.message !== e.message)
        .map((f) => `  ${f.path}: ${f.message}`)
        .join('\n');
      warn(`错误 error: ${e.message} (${e.code})${details ? `\n${details}` : ''}`);
      code = EXIT_FAILED;
    } else {
      warn(`错误 error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      code = EXIT_FAILED;
    }
  }
  // Database handles are closed by now; exit so no stray timer keeps a finished command waiting.
  process.exit(code);
}

await main();
