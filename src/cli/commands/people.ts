import { readFile } from 'node:fs/promises';
import { ImportRejectedError, parsePeopleCsv, reportableAttributeSchema, validatePeopleRows } from '../../pulse/index.js';
import type { CliContext } from '../cli-context.js';
import type { Output } from '../output.js';
import { CommandFailed, UsageError } from '../usage.js';

const MAX_LISTED = 50;

export async function readCsvFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Give the path of a CSV file.`);
  }
}

/** `--reportable location,tenure,custom.shift`: the attributes results may be cut by, checked before anything is read. */
function reportableList(given: string | undefined): string[] | undefined {
  if (given === undefined) return undefined;
  const names = given
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names) {
    const checked = reportableAttributeSchema.safeParse(name);
    if (!checked.success) throw new UsageError(`--reportable: ${name} ${checked.error.issues[0]?.message ?? 'is not an attribute'}`);
  }
  return [...new Set(names)];
}

/** `people import <file> [--dry-run] [--reportable …]`: all or nothing, every problem listed with its line. */
export async function peopleImport(
  open: () => Promise<CliContext>,
  text: string,
  file: string,
  options: { readonly dryRun: boolean; readonly reportable: string | undefined },
  io: Output,
): Promise<void> {
  const reportable = reportableList(options.reportable);
  const dryRun = options.dryRun;
  let rows;
  try {
    rows = validatePeopleRows(parsePeopleCsv(text));
  } catch (error) {
    if (!(error instanceof ImportRejectedError)) throw error;
    for (const issue of error.issues.slice(0, MAX_LISTED)) io.err(`${file}: ${issue.where}: ${issue.field} ${issue.message}`);
    if (error.issues.length > MAX_LISTED) io.err(`… and ${error.issues.length - MAX_LISTED} more`);
    throw new CommandFailed(`${file}: ${error.message}. Fix the rows above and run the import again.`);
  }
  if (dryRun) {
    io.out(`${file}: ${rows.length} rows are valid (dry run: nothing was written)`);
    return;
  }
  const { pulse } = await open();
  const summary = await pulse.directory.applyRows(rows);
  io.out(`imported ${rows.length} rows: ${summary.matched} matched to chat users, ${summary.segments} segments, ${summary.leaders} managers made leaders`);
  if (reportable !== undefined) {
    await pulse.directory.setReportable(reportable);
    io.out(`results of rounds opened from now on may be cut by: ${reportable.length === 0 ? 'no attribute' : reportable.join(', ')}`);
  }
  if (summary.unmatched.length > 0) {
    io.err(
      `${summary.unmatched.length} e-mails match no chat user yet and were skipped (import again after the directory sync): ${summary.unmatched.slice(0, MAX_LISTED).join(', ')}`,
    );
  }
}
