import { writeFile } from 'node:fs/promises';
import { isDomainError } from '../../domain/errors.js';
import { resultsCsv } from '../../pulse/index.js';
import type { CliContext } from '../cli-context.js';
import type { Output } from '../output.js';
import { CommandFailed, UsageError } from '../usage.js';

export interface ExportOptions {
  readonly what: string | undefined;
  readonly format: string | undefined;
  readonly survey: string | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly segment: string | undefined;
  readonly out: string | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `export results --format csv`: aggregates only, every slice past the thresholds. */
export async function exportCommand(open: () => Promise<CliContext>, options: ExportOptions, io: Output): Promise<void> {
  if (options.what !== 'results')
    throw new UsageError('use `export results [--survey <id>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--segment <id>] [--format csv] [--out <file>]`');
  if ((options.format ?? 'csv') !== 'csv') throw new UsageError(`--format ${options.format ?? ''} is not supported: use --format csv`);
  for (const [name, value] of [
    ['--from', options.from],
    ['--to', options.to],
  ] as const) {
    if (value !== undefined && !DATE.test(value)) throw new UsageError(`${name} must be a date as YYYY-MM-DD`);
  }
  const { pulse } = await open();
  const survey = options.survey ?? 'pulse';
  let csv: string;
  try {
    csv = resultsCsv(
      await pulse.results.range({
        survey,
        ...(options.segment ? { segment: options.segment } : {}),
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
      }),
    );
  } catch (error) {
    if (isDomainError(error, 'UNKNOWN_SURVEY')) throw new CommandFailed(`no survey "${survey}" (the default survey is "pulse"; exit surveys are "exit")`);
    if (isDomainError(error, 'UNKNOWN_SEGMENT')) throw new CommandFailed(`no segment "${options.segment ?? ''}"`);
    throw error;
  }
  if (options.out) {
    await writeFile(options.out, csv, 'utf8');
    io.err(`wrote ${options.out}`);
  } else io.out(csv);
}
