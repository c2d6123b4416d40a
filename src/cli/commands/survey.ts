import { readFile } from 'node:fs/promises';
import { parse as parseYaml, stringify as toYaml, YAMLParseError } from 'yaml';
import { DefinitionError, isDomainError } from '../../domain/errors.js';
import { operator, type DryRun, type SurveyView } from '../../pulse/index.js';
import type { CliContext } from '../cli-context.js';
import type { Output } from '../output.js';
import { CommandFailed, UsageError } from '../usage.js';

const USAGE = 'use `survey apply <file.yaml> [--dry-run]`, `survey list`, or `survey show|pause|resume|archive <id>`';
const CLI = operator('cli', 'operator');

/** A survey file, YAML or JSON (JSON is YAML). */
async function readSurveyFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Give the path of a survey in YAML or JSON.`,
    );
  }
  try {
    return parseYaml(text) as unknown;
  } catch (error) {
    if (error instanceof YAMLParseError) throw new CommandFailed(`${file}: not valid YAML: ${error.message.split('\n')[0] ?? ''}`);
    throw error;
  }
}

/** The service's refusals as the CLI says them; nothing was changed in any of these cases. */
function refused(error: unknown, file: string | null, io: Output): never {
  if (error instanceof DefinitionError) {
    for (const issue of error.issues) io.err(`${file ? `${file}: ` : ''}${issue.path || '(top level)'}: ${issue.message}`);
    throw new CommandFailed(`the survey has ${error.issues.length} problem(s), listed above: fix them and apply again (nothing was changed)`);
  }
  if (isDomainError(error, 'UNKNOWN_SURVEY')) throw new CommandFailed(`${error.message.replace('GET /api/v1/surveys', '`survey list`')}`);
  if (isDomainError(error, 'SURVEY_ARCHIVED') || isDomainError(error, 'SURVEY_EXISTS')) throw new CommandFailed(error.message);
  throw error;
}

function line(view: SurveyView): string {
  const next = view.nextRounds[0] ?? '-';
  return `${view.id.padEnd(24)} ${view.status.padEnd(9)} next ${next.padEnd(10)}  ${view.name}`;
}

function printDryRun(plan: DryRun, id: string, io: Output): void {
  io.out(`${plan.action === 'create' ? 'would create' : 'would update'} survey ${id} (dry run: nothing was changed)`);
  io.out(plan.changed.length === 0 ? 'no field changes' : `fields that change: ${plan.changed.join(', ')}`);
  if (plan.onEvent)
    io.out(
      `sent to one person when ${plan.onEvent.event} happens: ${plan.onEvent.delays.join(', ')} after it, at ${plan.onEvent.time} their time; answers taken for ${plan.onEvent.expiresAfterDays} days`,
    );
  else if (plan.nextRounds.length === 0) io.out('no rounds ahead');
  for (const round of plan.nextRounds) {
    io.out(`round ${round.date}:`);
    for (const zone of round.zones) io.out(`  ${zone.zone.padEnd(28)} ${zone.sendAt}  (${zone.people} ${zone.people === 1 ? 'person' : 'people'})`);
    if (round.zones.length === 0) io.out('  nobody in the audience yet');
  }
}

/** `survey apply|list|show|pause|resume|archive`: surveys as code, through the same service as the HR API. */
export async function surveyCommand(open: () => Promise<CliContext>, positionals: readonly string[], dryRun: boolean, io: Output): Promise<void> {
  const [action, target, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(USAGE);
  if (action === 'list') {
    if (target !== undefined) throw new UsageError(USAGE);
    const surveys = await (await open()).pulse.surveys.list(CLI);
    for (const view of surveys) io.out(line(view));
    if (surveys.length === 0) io.out('no surveys yet: `survey apply <file.yaml>` creates one');
    return;
  }
  if (target === undefined) throw new UsageError(USAGE);
  const { pulse } = await open();
  try {
    switch (action) {
      case 'apply': {
        const input = await readSurveyFile(target);
        const plan = await pulse.surveys.dryRun(CLI, input);
        const given = (input as { id?: unknown } | null)?.id;
        const id = typeof given === 'string' ? given : '';
        if (dryRun) return printDryRun(plan, id, io);
        const view = plan.action === 'create' ? await pulse.surveys.create(CLI, input) : await pulse.surveys.update(CLI, id, input);
        io.out(`${plan.action === 'create' ? 'created' : 'updated'} survey ${view.id}; next rounds: ${view.nextRounds.join(', ') || 'none'}`);
        return;
      }
      case 'show': {
        const view = await pulse.surveys.get(CLI, target);
        io.out(`# ${view.status}; next rounds: ${view.nextRounds.join(', ') || 'none'}`);
        io.out(view.document === null ? `# ${view.id} is the built-in pulse: \`survey apply\` a file with id ${view.id} to replace it` : toYaml(view.document));
        return;
      }
      case 'pause':
      case 'resume':
      case 'archive': {
        const view = await pulse.surveys[action](CLI, target);
        io.out(`survey ${view.id} is ${view.status}${view.nextRounds.length > 0 ? `; next round ${view.nextRounds[0] ?? ''}` : ''}`);
        return;
      }
      default:
        throw new UsageError(USAGE);
    }
  } catch (error) {
    refused(error, action === 'apply' ? target : null, io);
  }
}
