import type { CliContext } from '../cli-context.js';
import type { Output } from '../output.js';
import { CommandFailed, UsageError } from '../usage.js';

/** `event-source create|list|revoke`: systems that sign the events they report instead of holding an API key. */
export async function eventSourceCommand(ctx: CliContext, action: string | undefined, args: { name?: string | undefined }, io: Output): Promise<void> {
  switch (action) {
    case 'create': {
      const name = args.name?.trim() ?? '';
      if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(name))
        throw new UsageError('event-source create needs --name <name>: 1–63 lowercase letters, digits, "-" or "_", e.g. --name servicedesk');
      const outcome = await ctx.pulse.triggers.createSource(name);
      if (outcome.status === 'exists') throw new CommandFailed(`an event source named "${name}" exists already (see \`npx pulsebot event-source list\`)`);
      io.out(outcome.secret);
      io.err(
        `created event source "${name}". Its secret is shown only this once: store it in that system's secret store. It signs POST /api/v1/events with the Standard Webhooks headers (see the README).`,
      );
      return;
    }
    case 'list': {
      const sources = await ctx.pulse.triggers.listSources();
      if (sources.length === 0) {
        io.err('no event sources yet: create one with `npx pulsebot event-source create --name <name>`');
        return;
      }
      io.out(
        [
          'name\tcreated\tstatus',
          ...sources.map(
            (s) => `${s.name}\t${s.createdAt.toISOString().slice(0, 10)}\t${s.revokedAt ? `revoked ${s.revokedAt.toISOString().slice(0, 10)}` : 'active'}`,
          ),
        ].join('\n'),
      );
      return;
    }
    case 'revoke': {
      const name = args.name ?? '';
      if (!name) throw new UsageError('event-source revoke needs the name (see `npx pulsebot event-source list`)');
      if (!(await ctx.pulse.triggers.revokeSource(name))) throw new CommandFailed(`no active event source "${name}" (see \`npx pulsebot event-source list\`)`);
      io.out(`revoked event source "${name}": its signatures are refused from now on`);
      return;
    }
    default:
      throw new UsageError('use `event-source create --name <name>`, `event-source list` or `event-source revoke <name>`');
  }
}
