import { parseArgs } from 'node:util';
import { ConfigError } from '../lib/config-error.js';
import type { CliContext, OpenCliContext } from './cli-context.js';
import { apiKeyCommand } from './commands/api-key.js';
import { auditCommand } from './commands/audit.js';
import { eventSourceCommand } from './commands/event-source.js';
import { exportCommand } from './commands/export.js';
import { peopleImport, readCsvFile } from './commands/people.js';
import { roleCommand } from './commands/role.js';
import { sessionsCommand } from './commands/sessions.js';
import { surveyCommand } from './commands/survey.js';
import { webhookCommand } from './commands/webhook.js';
import { commentsCommand } from './commands/comments.js';
import { processOutput, type Output } from './output.js';
import { CommandFailed, HELP, UsageError } from './usage.js';

/** Runs one CLI invocation, connecting through `openCliContext` when a command needs it; resolves with the exit code. */
export async function runCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  openCliContext: OpenCliContext,
  io: Output = processOutput,
  /** Standard input (read only by the commands that take it). */
  input?: AsyncIterable<string>,
): Promise<number> {
  let ctx: CliContext | null = null;
  const open = async (): Promise<CliContext> => (ctx ??= await openCliContext(env));
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        'dry-run': { type: 'boolean' },
        name: { type: 'string' },
        scope: { type: 'string', multiple: true },
        format: { type: 'string' },
        survey: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        segment: { type: 'string' },
        out: { type: 'string', short: 'o' },
        json: { type: 'boolean' },
        all: { type: 'boolean' },
        person: { type: 'string' },
        url: { type: 'string' },
        event: { type: 'string', multiple: true },
        lang: { type: 'string' },
        reportable: { type: 'string' },
      },
    });
    const [command, sub, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(HELP);
      return 0;
    }
    switch (command) {
      case 'people': {
        if (sub !== 'import' || rest.length !== 1 || !rest[0])
          throw new UsageError('use `people import <file.csv> [--dry-run] [--reportable location,tenure,…]`');
        await peopleImport(open, await readCsvFile(rest[0]), rest[0], { dryRun: values['dry-run'] ?? false, reportable: values.reportable }, io);
        break;
      }
      case 'api-key':
        await apiKeyCommand(await open(), sub, { name: values.name, id: rest[0], scopes: values.scope }, io);
        break;
      case 'event-source':
        await eventSourceCommand(await open(), sub, { name: sub === 'revoke' ? rest[0] : values.name }, io);
        break;
      case 'comments':
        await commentsCommand(sub, values.lang, input ?? process.stdin.setEncoding('utf8'), io);
        break;
      case 'webhook':
        await webhookCommand(await open(), sub, { url: values.url, events: values.event, id: rest[0], name: values.name }, io);
        break;
      case 'role':
        await roleCommand(await open(), [sub ?? '', ...rest], io);
        break;
      case 'export':
        if (rest.length > 0) throw new UsageError(`unexpected ${rest.join(' ')}: options start with --`);
        await exportCommand(
          open,
          { what: sub, format: values.format, survey: values.survey, from: values.from, to: values.to, segment: values.segment, out: values.out },
          io,
        );
        break;
      case 'sessions':
        if (rest.length > 0) throw new UsageError(`unexpected ${rest.join(' ')}: use \`sessions revoke --all\` or \`--person <person>\``);
        await sessionsCommand(await open(), sub, { all: values.all ?? false, person: values.person }, io);
        break;
      case 'survey':
        await surveyCommand(open, [sub ?? '', ...rest], values['dry-run'] ?? false, io);
        break;
      case 'audit':
        if (sub !== undefined) throw new UsageError(`unexpected ${[sub, ...rest].join(' ')}: use \`audit [--json]\``);
        await auditCommand(await open(), values.json ?? false, io);
        break;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`pulsebot: config error: ${error.message}`);
      return 2;
    }
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`pulsebot: ${error.message}\nRun \`npx pulsebot --help\` for the commands.`);
      return 2;
    }
    if (error instanceof CommandFailed) {
      io.err(`pulsebot: ${error.message}`);
      return 1;
    }
    io.err(`pulsebot: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await (ctx as CliContext | null)?.close();
  }
}
