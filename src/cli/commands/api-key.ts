import { API_SCOPES, apiScopeSchema, type ApiScope } from '../../pulse/index.js';
import type { CliContext } from '../cli-context.js';
import type { Output } from '../output.js';
import { CommandFailed, UsageError } from '../usage.js';

/** Every key says what it may do: no scope is granted by default. */
function parseScopes(given: readonly string[]): ApiScope[] {
  const valid = API_SCOPES.join(', ');
  if (given.length === 0) throw new UsageError(`api-key create needs at least one --scope (repeat it for more): ${valid}`);
  return given.map((scope) => {
    const parsed = apiScopeSchema.safeParse(scope.trim());
    if (!parsed.success) throw new UsageError(`unknown scope "${scope}": use ${valid}`);
    return parsed.data;
  });
}

export async function apiKeyCommand(
  ctx: CliContext,
  action: string | undefined,
  args: { name?: string | undefined; id?: string | undefined; scopes?: readonly string[] | undefined },
  io: Output,
): Promise<void> {
  switch (action) {
    case 'create': {
      const name = args.name?.trim();
      if (!name) throw new UsageError('api-key create needs --name <name>, e.g. --name "Workday sync"');
      if (name.length > 100) throw new UsageError('--name is at most 100 characters');
      const scopes = parseScopes(args.scopes ?? []);
      const { key, info } = await ctx.pulse.access.createApiKey(name, scopes);
      io.out(key);
      io.err(
        `created API key ${info.id} ("${info.name}") with ${info.scopes.join(', ')}. It is shown only this once: store it in your HR system's secret store. Send it as "Authorization: Bearer <key>".`,
      );
      return;
    }
    case 'list': {
      const keys = await ctx.pulse.access.listApiKeys();
      if (keys.length === 0) {
        io.err('no API keys yet: create one with `npx pulsebot api-key create --name <name>`');
        return;
      }
      io.out(
        [
          'id\tname\tscopes\tcreated\tlast used\tstatus',
          ...keys.map(
            (k) =>
              `${k.id}\t${k.name}\t${k.scopes.join(',')}\t${k.createdAt.toISOString().slice(0, 10)}\t${k.lastUsedOn ?? '-'}\t${k.revokedAt ? `revoked ${k.revokedAt.toISOString().slice(0, 10)}` : 'active'}`,
          ),
        ].join('\n'),
      );
      return;
    }
    case 'revoke': {
      if (!args.id) throw new UsageError('api-key revoke needs the key id (see `npx pulsebot api-key list`)');
      if (!(await ctx.pulse.access.revokeApiKey(args.id))) throw new CommandFailed(`no active API key ${args.id} (see \`npx pulsebot api-key list\`)`);
      io.out(`revoked API key ${args.id}: it is refused from now on`);
      return;
    }
    default:
      throw new UsageError('use `api-key create --name <name> --scope <scope>…`, `api-key list` or `api-key revoke <id>`');
  }
}
