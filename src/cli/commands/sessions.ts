import type { CliContext } from '../cli-context.js';
import type { Output } from '../output.js';
import { CommandFailed, UsageError } from '../usage.js';

const USAGE = 'use `sessions revoke --all` or `sessions revoke --person <e-mail or platform:team:user>`';

/** `sessions revoke --all | --person <ref>`: ends dashboard sessions at once (a lost laptop, a leaver, an incident). */
export async function sessionsCommand(
  ctx: CliContext,
  action: string | undefined,
  options: { all: boolean; person: string | undefined },
  io: Output,
): Promise<void> {
  if (action !== 'revoke' || options.all === (options.person !== undefined)) throw new UsageError(USAGE);
  if (options.all) {
    io.out(`revoked ${await ctx.pulse.access.sessions.revokeAll()} dashboard session(s)`);
    return;
  }
  const person = options.person?.trim() ?? '';
  const accounts = await ctx.pulse.directory.accounts(person);
  if (accounts.length === 0) throw new CommandFailed(`no chat user ${person}: check the e-mail or the key`);
  let revoked = 0;
  for (const account of accounts) revoked += await ctx.pulse.access.sessions.revokeAll(account);
  io.out(`revoked ${revoked} dashboard session(s) of ${person}`);
}
