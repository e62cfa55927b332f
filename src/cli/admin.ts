// `yunwei admin create|reset`: accounts from the command line, for the first administrators of a
// site and for the day the last one is locked out. Through the same services as the API, so the
// password rules, 三员分立 and the audit trail apply.
import { eq, sql } from 'drizzle-orm';
import { users } from '../server/kernel/db/tables.ts';
import { createUser, resetPassword } from '../server/kernel/auth/users.ts';
import { randomPassword } from '../server/bootstrap.ts';
import { CliError, cliCtx, EXIT_USAGE, loadCliConfig, out, parse, prepare, withDatabase } from './context.ts';

export const adminHelp = `用法 Usage: yunwei admin <create|reset> [options]

  create   创建账号 Create an account (any role; the three administrators are kept apart, 三员分立)
  reset    重置密码并解锁 Reset a password and unlock the account

参见 See: yunwei admin create --help, yunwei admin reset --help`;

export const adminCreateHelp = `用法 Usage: yunwei admin create --user NAME --role ROLE [--role ROLE…] [--name DISPLAY] [--password PW]

创建账号并授予角色。未给出 --password 时生成一个强随机密码，只显示这一次。
账号首次登录须修改密码（三员还须绑定动态口令）。一个账号不得兼任系统管理员、安全管理员、审计管理员中的两个。
Creates an account with the given roles. Without --password a strong random password is generated
and shown once. The user must change it at the first sign-in (the three administrators also enrol
TOTP). No account may hold two of system_admin, security_admin, audit_admin.

  --user NAME       用户名 user name (required)
  --role ROLE       角色代码 role code, repeatable or comma-separated (required), e.g. system_admin,
                    security_admin, audit_admin, agency_manager, agency_contact, contractor_pm,
                    engineer, duty_operator, third_party
  --name DISPLAY    显示名称 display name (default: the user name)
  --password PW     初始密码 initial password (>= 8 characters, 3 of 4 classes); note that it stays
                    in the shell history`;

export const adminResetHelp = `用法 Usage: yunwei admin reset --user NAME [--password PW]

重置账号密码、解除锁定并结束其全部会话；下次登录须修改密码。未给出 --password 时生成一个随机密码，只显示这一次。
Resets the password, unlocks the account and ends its sessions; the user must change the password
at the next sign-in. Without --password a random one is generated and shown once.

  --user NAME       用户名 user name (required)
  --password PW     新的初始密码 new initial password`;

function required(value: string | undefined, option: string, command: string): string {
  if (!value?.trim()) throw new CliError(`缺少 missing ${option}\n参见 see: yunwei ${command} --help`, EXIT_USAGE);
  return value.trim();
}

async function create(args: string[]): Promise<number> {
  const { values } = parse('admin create', args, {
    user: { type: 'string' },
    role: { type: 'string', multiple: true },
    name: { type: 'string' },
    password: { type: 'string' },
  });
  if (values.help) {
    out(adminCreateHelp);
    return 0;
  }
  const username = required(values.user, '--user', 'admin create');
  const roles = (values.role ?? [])
    .flatMap((r) => r.split(','))
    .map((r) => r.trim())
    .filter(Boolean);
  if (!roles.length) throw new CliError('缺少 missing --role\n参见 see: yunwei admin create --help', EXIT_USAGE);
  const generated = values.password === undefined;
  const password = values.password ?? randomPassword();
  const config = loadCliConfig();
  return withDatabase(config, async (database) => {
    const ctx = cliCtx(config, database);
    await prepare(database, ctx);
    const u = await createUser(
      ctx,
      { username, displayName: values.name?.trim() || username, password, roles, serviceLines: [] },
      { mustChangePassword: true, allowRoles: true },
    );
    out(`已创建账号 Created account ${u.username} (${u.roles.join(', ')})`);
    if (generated) {
      out(`  初始密码 Initial password: ${password}`);
      out('  此密码只显示这一次，首次登录须修改。Shown only this once; it must be changed at the first sign-in.');
    } else out('  首次登录须修改密码。The password must be changed at the first sign-in.');
    return 0;
  });
}

async function reset(args: string[]): Promise<number> {
  const { values } = parse('admin reset', args, { user: { type: 'string' }, password: { type: 'string' } });
  if (values.help) {
    out(adminResetHelp);
    return 0;
  }
  const username = required(values.user, '--user', 'admin reset');
  const generated = values.password === undefined;
  const password = values.password ?? randomPassword();
  const config = loadCliConfig();
  return withDatabase(config, async (database) => {
    const ctx = cliCtx(config, database);
    await prepare(database, ctx);
    const [u] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username})`)
      .limit(1);
    if (!u) throw new CliError(`用户不存在 no such user: ${username}`);
    const v = await resetPassword(ctx, u.id, password);
    const [row] = await ctx.db.select({ disabled: users.disabled }).from(users).where(eq(users.id, u.id));
    out(`已重置密码并解锁 Password reset and account unlocked: ${v.username}`);
    if (generated) out(`  新的初始密码 New initial password: ${password}`);
    out('  下次登录须修改密码；其原有会话已结束。The password must be changed at the next sign-in; existing sessions ended.');
    if (row?.disabled) out('  注意：该账号已停用，须由系统管理员启用。Note: the account is disabled; the system admin must enable it.');
    return 0;
  });
}

export async function adminCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create') return create(rest);
  if (sub === 'reset') return reset(rest);
  if (sub === undefined) throw new CliError(adminHelp, EXIT_USAGE);
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    out(adminHelp);
    return 0;
  }
  throw new CliError(`未知子命令 unknown subcommand: admin ${sub}\n${adminHelp}`, EXIT_USAGE);
}
