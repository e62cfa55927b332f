// `yunwei token create --user NAME --name LABEL`: a personal API token for an integration, shown once.
import { createTokenForUsername } from '../server/kernel/auth/tokens.ts';
import { CliError, cliCtx, EXIT_USAGE, loadCliConfig, out, parse, prepare, withDatabase } from './context.ts';

export const tokenHelp = `用法 Usage: yunwei token create --user NAME --name LABEL

为用户创建个人 API 令牌（用于系统集成），以 Authorization: Bearer <令牌> 发送，拥有该用户的权限。
令牌只显示这一次，数据库中只保存其散列；可在界面中撤销。
Creates a personal API token for the user (for integrations), sent as Authorization: Bearer <token>
with that user's permissions. It is shown only this once and stored hashed; revoke it in the UI.

  --user NAME     用户名 user name (required)
  --name LABEL    令牌用途说明 what the token is for, e.g. "zabbix" (required)`;

async function create(args: string[]): Promise<number> {
  const { values } = parse('token create', args, { user: { type: 'string' }, name: { type: 'string' } });
  if (values.help) {
    out(tokenHelp);
    return 0;
  }
  const username = values.user?.trim();
  const label = values.name?.trim();
  if (!username || !label)
    throw new CliError(`缺少 missing ${username ? '--name' : '--user'}\n参见 see: yunwei token create --help`, EXIT_USAGE);
  const config = loadCliConfig();
  return withDatabase(config, async (database) => {
    const ctx = cliCtx(config, database);
    await prepare(database, ctx);
    let t: Awaited<ReturnType<typeof createTokenForUsername>>;
    try {
      t = await createTokenForUsername(ctx, username, label);
    } catch (e) {
      if ((e as { code?: string }).code === 'user.not_found') throw new CliError(`用户不存在 no such user: ${username}`);
      throw e;
    }
    out(`已为 ${username} 创建令牌 Created token "${t.name}" for ${username} (${t.prefix}…):`);
    out(t.token);
    out('此令牌只显示这一次，请妥善保存。The token is shown only this once: keep it safe.');
    return 0;
  });
}

export async function tokenCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create') return create(rest);
  if (sub === undefined) throw new CliError(tokenHelp, EXIT_USAGE);
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    out(tokenHelp);
    return 0;
  }
  throw new CliError(`未知子命令 unknown subcommand: token ${sub}\n${tokenHelp}`, EXIT_USAGE);
}
