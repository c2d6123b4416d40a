import { readFile } from 'node:fs/promises';
import { ImportRejectedError, parsePeopleCsv, validatePeopleRows } from '../../pulse/index.js';
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

/** `people import <file> [--dry-run]`: all or nothing, every problem listed with its line. */
export async function peopleImport(open: () => Promise<CliContext>, text: string, file: string, dryRun: boolean, io: Output): Promise<void> {
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
  if (summary.unmatched.length > 0) {
    io.err(
      `${summary.unmatched.length} e-mails match no chat user yet and were skipped (import again after the directory sync): ${summary.unmatched.slice(0, MAX_LISTED).join(', ')}`,
    );
  }
}
