import { newWebhookSchema } from '../../pulse/index.js';
import type { CliContext } from '../cli-context.js';
import type { Output } from '../output.js';
import { CommandFailed, UsageError } from '../usage.js';

const USAGE = 'use `webhook create --url <url> --event <event>…`, `webhook list`, `webhook delete <id>` or `webhook deliveries <id>`';

/** `webhook create|list|delete|deliveries`: results that flow out by themselves (issue #18). */
export async function webhookCommand(
  ctx: CliContext,
  action: string | undefined,
  args: { url?: string | undefined; events?: readonly string[] | undefined; id?: string | undefined; name?: string | undefined },
  io: Output,
): Promise<void> {
  switch (action) {
    case 'create': {
      const parsed = newWebhookSchema.safeParse({ url: args.url, events: args.events ?? [], ...(args.name ? { description: args.name } : {}) });
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new UsageError(
          `webhook create: --${first?.path[0] === 'events' ? 'event' : String(first?.path[0] ?? 'url')} ${first?.message ?? 'is not valid'} (events: round.closed, pool.available, survey.changed)`,
        );
      }
      const { webhook, secret } = await ctx.pulse.webhooks.create(parsed.data);
      io.out(secret);
      io.err(
        `created webhook ${webhook.id} to ${webhook.url} for ${webhook.events.join(', ')}. Its signing secret is shown only this once: give it to the receiver, which checks the webhook-signature header (see the README).`,
      );
      return;
    }
    case 'list': {
      const hooks = await ctx.pulse.webhooks.list();
      if (hooks.length === 0) {
        io.err('no webhooks yet: create one with `npx pulsebot webhook create --url <url> --event round.closed`');
        return;
      }
      io.out(
        ['id\turl\tevents\tcreated', ...hooks.map((h) => `${h.id}\t${h.url}\t${h.events.join(',')}\t${h.createdAt.toISOString().slice(0, 10)}`)].join('\n'),
      );
      return;
    }
    case 'delete': {
      if (!args.id) throw new UsageError('webhook delete needs the id (see `npx pulsebot webhook list`)');
      if (!(await ctx.pulse.webhooks.delete(args.id))) throw new CommandFailed(`no webhook ${args.id} (see \`npx pulsebot webhook list\`)`);
      io.out(`deleted webhook ${args.id}: nothing more is sent to it`);
      return;
    }
    case 'deliveries': {
      if (!args.id) throw new UsageError('webhook deliveries needs the id (see `npx pulsebot webhook list`)');
      const log = await ctx.pulse.webhooks.deliveries(args.id);
      if (log === null) throw new CommandFailed(`no webhook ${args.id} (see \`npx pulsebot webhook list\`)`);
      io.out(
        [
          'message\tevent\tstate\tattempts\tlast status\tlast error',
          ...log.map((d) => `${d.id}\t${d.event}\t${d.state}\t${d.attempts}\t${d.lastStatus ?? '-'}\t${d.lastError ?? '-'}`),
        ].join('\n'),
      );
      return;
    }
    default:
      throw new UsageError(USAGE);
  }
}
