import type { CliContext } from '../cli-context.js';
import type { Output } from '../output.js';
import { CommandFailed, UsageError } from '../usage.js';

const USAGE = 'use `sessions revoke --all` or `sessions revoke --person <e-mail or platform:team:user>`';

/** `sessions revoke --all | --person <ref>`: ends dashboard sessions at once (a lost laptop, a leaver, an incident). */
export async function sessionsCommand(ctx: CliContext, action: string | undefined, options: { all: boolean; person: string | undefined }, io: Output): Promise<void> {
  if (action !== 'revoke' || options.all === (options.person !== undefined)) throw new UsageError(USAGE);
  const now = ctx.deps.clock.now().toJSDate();
  if (options.all) {
    io.out(`revoked ${await ctx.deps.store.webSessions.revokeAll(now)} dashboard session(s)`);
    return;
  }
  const person = options.person?.trim() ?? '';
  const { people } = ctx.database.collections;
  const accounts = person.includes('@')
    ? (await people.find({ email: person.toLowerCase() }, { projection: { _id: 1 } }).toArray()).map((p) => p._id)
    : (await people.countDocuments({ _id: person })) === 1
      ? [person]
      : [];
  if (accounts.length === 0) throw new CommandFailed(`no chat user ${person}: check the e-mail or the key`);
  let revoked = 0;
  for (const account of accounts) revoked += await ctx.deps.store.webSessions.revokeAll(now, account);
  io.out(`revoked ${revoked} dashboard session(s) of ${person}`);
}
