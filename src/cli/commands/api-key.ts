import { createApiKey, listApiKeys, revokeApiKey } from '../../services/api-keys.js';
import type { CliContext } from '../cli-context.js';
import type { Output } from '../output.js';
import { CommandFailed, UsageError } from '../usage.js';

export async function apiKeyCommand(ctx: CliContext, action: string | undefined, args: { name?: string | undefined; id?: string | undefined }, io: Output): Promise<void> {
  switch (action) {
    case 'create': {
      const name = args.name?.trim();
      if (!name) throw new UsageError('api-key create needs --name <name>, e.g. --name "Workday sync"');
      if (name.length > 100) throw new UsageError('--name is at most 100 characters');
      const { key, info } = await createApiKey(ctx.deps, name);
      io.out(key);
      io.err(`created API key ${info.id} ("${info.name}"). It is shown only this once: store it in your HR system's secret store. Send it as "Authorization: Bearer <key>".`);
      return;
    }
    case 'list': {
      const keys = await listApiKeys(ctx.deps);
      if (keys.length === 0) {
        io.err('no API keys yet: create one with `npx pulsebot api-key create --name <name>`');
        return;
      }
      io.out(['id\tname\tcreated\tlast used\tstatus', ...keys.map((k) => `${k.id}\t${k.name}\t${k.createdAt.toISOString().slice(0, 10)}\t${k.lastUsedOn ?? '-'}\t${k.revokedAt ? `revoked ${k.revokedAt.toISOString().slice(0, 10)}` : 'active'}`)].join('\n'));
      return;
    }
    case 'revoke': {
      if (!args.id) throw new UsageError('api-key revoke needs the key id (see `npx pulsebot api-key list`)');
      if (!(await revokeApiKey(ctx.deps, args.id))) throw new CommandFailed(`no active API key ${args.id} (see \`npx pulsebot api-key list\`)`);
      io.out(`revoked API key ${args.id}: it is refused from now on`);
      return;
    }
    default:
      throw new UsageError('use `api-key create --name <name>`, `api-key list` or `api-key revoke <id>`');
  }
}
