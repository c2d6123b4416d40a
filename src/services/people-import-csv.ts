import { CsvError, parse } from 'csv-parse/sync';
import { ImportRejectedError, type ImportIssue } from './people-import.js';

/** The columns of a people CSV; `email` and `team` are required, the others may be left empty. */
export const PEOPLE_CSV_COLUMNS = ['email', 'team', 'manager_email', 'timezone', 'locale', 'start_date', 'location', 'employment_type', 'remote'] as const;
/** Attributes of HR's own: one column each, `attr.<name>` (issue #20). */
const CUSTOM_PREFIX = 'attr.';
const REQUIRED = ['email', 'team'] as const;

/**
 * Reads a people CSV (UTF-8, with or without BOM, comma-separated, header row first) into rows
 * tagged with their line number. Structural problems (a missing column, a broken quote, a row
 * with the wrong number of cells) reject the file with the line they are on.
 */
export function parsePeopleCsv(text: string): { where: string; row: unknown }[] {
  // With `info: true` each record comes with where it ended in the file.
  type WithInfo = { record: Record<string, string>; info: { lines: number } };
  let records: WithInfo[];
  try {
    records = parse<WithInfo>(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new ImportRejectedError([{ where: line ? `line ${line}` : 'file', field: 'row', message: error.message.replace(/^Invalid Record Length: /, '') }]);
    }
    throw error;
  }
  const header = records[0] ? Object.keys(records[0].record) : headerOf(text);
  const issues: ImportIssue[] = [];
  for (const column of REQUIRED) {
    if (!header.includes(column))
      issues.push({ where: 'line 1', field: column, message: `the header has no "${column}" column (columns: ${PEOPLE_CSV_COLUMNS.join(', ')}, attr.<name>)` });
  }
  for (const column of header) {
    if (!(PEOPLE_CSV_COLUMNS as readonly string[]).includes(column) && !column.startsWith(CUSTOM_PREFIX)) {
      issues.push({ where: 'line 1', field: column, message: `unknown column "${column}" (columns: ${PEOPLE_CSV_COLUMNS.join(', ')}, attr.<name>)` });
    }
  }
  if (issues.length > 0) throw new ImportRejectedError(issues);
  const custom = header.filter((column) => column.startsWith(CUSTOM_PREFIX));
  return records.map(({ record, info }) => {
    const cell = (name: string): string | undefined => (record[name] === undefined || record[name] === '' ? undefined : record[name]);
    return {
      where: `line ${info.lines}`,
      row: {
        email: cell('email') ?? '',
        team: cell('team') ?? '',
        managerEmail: cell('manager_email'),
        timezone: cell('timezone'),
        locale: cell('locale'),
        startDate: cell('start_date'),
        location: cell('location'),
        employmentType: cell('employment_type'),
        remote: cell('remote')?.toLowerCase(),
        ...(custom.length === 0
          ? {}
          : { attributes: Object.fromEntries(custom.flatMap((c) => (cell(c) === undefined ? [] : [[c.slice(CUSTOM_PREFIX.length), cell(c)]]))) }),
      },
    };
  });
}

function headerOf(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  return first
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
}
