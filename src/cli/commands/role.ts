import { isDomainError } from '../../domain/errors.js';
import { operator } from '../../pulse/index.js';
import type { CliContext } from '../cli-context.js';
import type { Output } from '../output.js';
import { CommandFailed, UsageError } from '../usage.js';

const USAGE = 'use `role add|remove <e-mail or platform:team:user> hr|leader [segment]`';

/** `role add|remove <person> hr|leader [segment]`. A person with several chat accounts (same e-mail) gets it on each. */
export async function roleCommand(ctx: CliContext, positionals: readonly string[], io: Output): Promise<void> {
  const [action, person, role, segment, ...rest] = positionals;
  if ((action !== 'add' && action !== 'remove') || !person || (role !== 'hr' && role !== 'leader') || rest.length > 0) throw new UsageError(USAGE);
  if (action === 'add' && role === 'leader' && segment === undefined)
    throw new UsageError('a leader needs the segment they lead: `role add <person> leader <segment>`');
  const targets = await ctx.pulse.directory.accounts(person);
  if (targets.length === 0) throw new CommandFailed(`no chat user ${person}: check the e-mail, or wait for the directory sync`);
  for (const target of targets) {
    try {
      await ctx.pulse.access.changeRole(operator('cli', 'operator'), { action, target, role, ...(segment ? { segment } : {}) });
    } catch (error) {
      if (isDomainError(error, 'UNKNOWN_SEGMENT'))
        throw new CommandFailed(`no segment ${segment ?? ''}: segments come from the directory sync or \`people import\``);
      throw error;
    }
  }
  io.out(
    `${action === 'add' ? 'granted' : 'removed'} ${role}${segment ? ` (${segment})` : ''} ${action === 'add' ? 'to' : 'from'} ${person}${targets.length > 1 ? ` (${targets.length} chat accounts)` : ''}`,
  );
}
