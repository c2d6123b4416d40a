import { raiseLifecycleEvents, type LifecycleEvent } from './events/lifecycle-events.js';
import { z } from 'zod';
import { matchLocale } from '../domain/i18n/locale.js';
import { isValidZone } from '../domain/schedule.js';
import type { PersonDoc } from '../store/documents/identity.js';
import type { ServiceDeps } from './deps.js';
import { bulkWriteChunked } from '../store/database.js';
import { CUSTOM_ATTRIBUTE_NAME, MAX_CUSTOM_ATTRIBUTES, reportableAttributeSchema, type PersonAttributes } from '../domain/people/attributes.js';

/**
 * Bulk upsert of the org structure from the HR system (CSV import or `PUT /api/v1/people`):
 * each person's team (a path such as `Engineering/Platform`: department → team), time zone,
 * language and manager, matched to chat users by e-mail. Everything is checked first; one bad
 * row rejects the whole batch and nothing is written. Running the same batch twice changes
 * nothing the second time. Imported segments win over the chat platform's groups from then on.
 */

const TEAM_PART = /^[^/|$.]{1,80}$/u;

export const personRowSchema = z.object({
  email: z
    .email('is not an e-mail address')
    .max(254)
    .transform((e) => e.trim().toLowerCase())
    .meta({ description: 'The person’s e-mail, as their chat account has it (case does not matter).' }),
  team: z
    .string()
    .trim()
    .min(1, { message: 'is empty: give the team, e.g. Engineering/Platform', abort: true })
    .refine((path) => path.split('/').every((part) => TEAM_PART.test(part.trim())), 'must be names separated by / (no ".", "$" or "|"), each 1–80 characters')
    .meta({ description: 'Department first, then team: `Engineering/Platform`.' }),
  managerEmail: z
    .email('is not an e-mail address')
    .max(254)
    .transform((e) => e.trim().toLowerCase())
    .optional()
    .meta({ description: 'Their manager, who becomes a leader of this team.' }),
  timezone: z
    .string()
    .trim()
    .refine(isValidZone, 'is not a time zone: use an IANA name such as Europe/Oslo')
    .optional()
    .meta({ description: 'IANA zone, e.g. Europe/Oslo; left as it is when absent.' }),
  locale: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const locale = matchLocale(value);
      if (locale === null) {
        ctx.addIssue({ code: 'custom', message: 'must be en, nb or sv (or a locale such as nb-NO)' });
        return z.NEVER;
      }
      return locale;
    })
    .optional()
    .meta({ description: '`en`, `nb` or `sv` (or a locale such as `nb-NO`); left as it is when absent.' }),
  startDate: z.iso.date('must be a date as YYYY-MM-DD').optional().meta({
    description: 'Their first day (YYYY-MM-DD): raises `person.joined` on that day, for the onboarding check-ins, and is kept as their tenure.',
  }),
  location: z.string().trim().min(1).max(80, 'is longer than 80 characters').optional().meta({ description: 'Where they work, e.g. `Oslo`.' }),
  employmentType: z
    .string()
    .trim()
    .min(1)
    .max(80, 'is longer than 80 characters')
    .optional()
    .meta({ description: 'How they are employed, in your HR system’s words, e.g. `full-time`, `part-time`, `contractor`.' }),
  remote: z
    .union([z.boolean(), z.enum(['yes', 'no', 'true', 'false'], 'must be yes or no (or true or false)')])
    .transform((v) => v === true || v === 'yes' || v === 'true')
    .optional()
    .meta({ description: 'Whether they work remotely: true or false (`yes` or `no` in a CSV).' }),
  attributes: z
    .record(
      z.string().regex(CUSTOM_ATTRIBUTE_NAME, 'attribute names are lowercase letters, digits and _, starting with a letter (at most 30)'),
      z.string().trim().min(1, 'is empty: leave the attribute out instead').max(80, 'is longer than 80 characters'),
    )
    .refine((a) => Object.keys(a).length <= MAX_CUSTOM_ATTRIBUTES, `at most ${MAX_CUSTOM_ATTRIBUTES} attributes of your own`)
    .optional()
    .meta({ description: `Up to ${MAX_CUSTOM_ATTRIBUTES} attributes of your own, name → value, e.g. \`{ "shift": "night" }\` (a CSV column \`attr.shift\`).` }),
});
export type PersonRowInput = z.input<typeof personRowSchema>;
export type PersonRow = z.output<typeof personRowSchema>;

/** A problem with one row: `where` is `line 12` for a CSV, `people[11]` for the API. */
export interface ImportIssue {
  readonly where: string;
  readonly field: string;
  readonly message: string;
}

export class ImportRejectedError extends Error {
  override readonly name = 'ImportRejectedError';
  constructor(readonly issues: readonly ImportIssue[]) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was imported`);
  }
}

export interface ImportSummary {
  /** People (chat accounts) updated or confirmed. */
  readonly matched: number;
  /** E-mails in the batch that no chat user has (yet): skipped, not an error. */
  readonly unmatched: readonly string[];
  readonly segments: number;
  /** Managers made leaders of their reports' teams. */
  readonly leaders: number;
}

/** Checks every row (with where it came from) and returns them parsed, or throws ImportRejectedError listing every problem. */
export function validatePeopleRows(rows: readonly { where: string; row: unknown }[]): PersonRow[] {
  const issues: ImportIssue[] = [];
  const parsed: PersonRow[] = [];
  const seen = new Map<string, string>();
  for (const { where, row } of rows) {
    const result = personRowSchema.safeParse(row);
    if (!result.success) {
      for (const issue of result.error.issues) issues.push({ where, field: issue.path.map(String).join('.') || 'row', message: issue.message });
      continue;
    }
    const first = seen.get(result.data.email);
    if (first !== undefined) issues.push({ where, field: 'email', message: `${result.data.email} is also on ${first}: list each person once` });
    else seen.set(result.data.email, where);
    parsed.push(result.data);
  }
  // Five attributes of HR's own for the whole organisation, not five per person.
  const names = [...new Set(parsed.flatMap((row) => Object.keys(row.attributes ?? {})))].sort();
  if (names.length > MAX_CUSTOM_ATTRIBUTES)
    issues.push({
      where: 'batch',
      field: 'attributes',
      message: `${names.length} attributes of your own (${names.join(', ')}): at most ${MAX_CUSTOM_ATTRIBUTES}`,
    });
  if (issues.length > 0) throw new ImportRejectedError(issues);
  return parsed;
}

/** The attributes a row gives (only those it gives: the others are left as they are). */
function attributesOf(row: PersonRow): Partial<Record<`attributes.${string}`, unknown>> {
  const out: Partial<Record<`attributes.${string}`, unknown>> = {};
  const given: PersonAttributes = {
    ...(row.location === undefined ? {} : { location: row.location }),
    ...(row.employmentType === undefined ? {} : { employmentType: row.employmentType }),
    ...(row.startDate === undefined ? {} : { startDate: row.startDate }),
    ...(row.remote === undefined ? {} : { remote: row.remote }),
  };
  for (const [key, value] of Object.entries(given)) out[`attributes.${key}`] = value;
  for (const [key, value] of Object.entries(row.attributes ?? {})) out[`attributes.custom.${key}`] = value;
  return out;
}

/** `Engineering / Platform` → segments `engineering` (Engineering) and `engineering/platform` (Platform). */
export function teamSegments(path: string): { id: string; name: string; parentId: string | null }[] {
  const parts = path.split('/').map((p) => p.trim().replace(/\s+/g, ' '));
  return parts.map((name, i) => ({
    id: parts
      .slice(0, i + 1)
      .map(slug)
      .join('/'),
    name,
    parentId: i === 0 ? null : parts.slice(0, i).map(slug).join('/'),
  }));
}

function slug(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '-');
}

/** Writes validated rows. Idempotent; people not in the batch are left as they are. */
export async function applyPeopleRows(deps: ServiceDeps, rows: readonly PersonRow[]): Promise<ImportSummary> {
  const { people, segments } = deps.store.database.collections;
  const emails = [...new Set(rows.flatMap((r) => [r.email, ...(r.managerEmail ? [r.managerEmail] : [])]))];
  type Known = Pick<PersonDoc, '_id' | 'segment' | 'segmentSource' | 'timezone' | 'locale' | 'manager' | 'attributes'>;
  const known = new Map<string, Known[]>();
  for await (const doc of people.find(
    { email: { $in: emails } },
    { projection: { _id: 1, email: 1, segment: 1, segmentSource: 1, timezone: 1, locale: 1, manager: 1, attributes: 1 } },
  )) {
    const list = known.get(doc.email ?? '') ?? [];
    list.push({
      _id: doc._id,
      segment: doc.segment ?? null,
      segmentSource: doc.segmentSource ?? null,
      timezone: doc.timezone ?? null,
      locale: doc.locale ?? null,
      manager: doc.manager ?? null,
      ...(doc.attributes === undefined ? {} : { attributes: doc.attributes }),
    });
    known.set(doc.email ?? '', list);
  }

  const segmentDocs = new Map<string, { id: string; name: string; parentId: string | null }>();
  for (const row of rows) for (const s of teamSegments(row.team)) segmentDocs.set(s.id, s);
  const segmentWrites = [...segmentDocs.values()].map((s) => ({
    updateOne: { filter: { _id: s.id }, update: { $set: { name: s.name, parentId: s.parentId } }, upsert: true },
  }));
  await bulkWriteChunked(segments, segmentWrites);

  const unmatched: string[] = [];
  const updates = [];
  const leads = new Map<string, Set<string>>(); // manager e-mail → team segments
  const happened: LifecycleEvent[] = [];
  for (const row of rows) {
    const accounts = known.get(row.email);
    if (accounts === undefined) {
      unmatched.push(row.email);
      continue;
    }
    const team = teamSegments(row.team).at(-1)?.id ?? '';
    const set = {
      segment: team,
      segmentSource: 'import' as const,
      ...(row.timezone ? { timezone: row.timezone } : {}),
      ...(row.locale ? { locale: row.locale } : {}),
      ...(row.managerEmail ? { manager: row.managerEmail } : {}),
    };
    for (const account of accounts) {
      // Only what changes is written: a re-import of the same data writes nothing.
      const attributes = attributesOf(row);
      const stored = (path: string): unknown => path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], account);
      const changed =
        Object.entries(set).some(([field, value]) => account[field as keyof typeof set] !== value) ||
        Object.entries(attributes).some(([path, value]) => stored(path) !== value);
      if (changed) updates.push({ updateOne: { filter: { _id: account._id }, update: { $set: { ...set, ...attributes } } } });
      if (row.startDate) happened.push({ event: 'person.joined', person: account._id, on: row.startDate });
      if (row.managerEmail && account.manager !== null && account.manager !== row.managerEmail)
        happened.push({ event: 'person.manager_changed', person: account._id, on: null, detail: row.managerEmail });
    }
    if (row.managerEmail) leads.set(row.managerEmail, (leads.get(row.managerEmail) ?? new Set()).add(team));
  }
  // By _id (FerretDB v1 looks those up by key; an `$in` filter scans), in small commands (see WRITE_CHUNK).
  await bulkWriteChunked(people, updates);

  let leaders = 0;
  for (const [email, teams] of leads) {
    const accounts = known.get(email);
    if (accounts === undefined) {
      if (!unmatched.includes(email)) unmatched.push(email);
      continue;
    }
    leaders++;
    for (const account of accounts) {
      await people.updateOne({ _id: account._id }, { $addToSet: { roles: 'leader', leads: { $each: [...teams] } } });
    }
  }
  await raiseLifecycleEvents(deps, happened);
  deps.logger.info({ matched: rows.length - unmatched.length, segments: segmentDocs.size, leaders }, 'people imported');
  return { matched: rows.filter((r) => known.has(r.email)).length, unmatched, segments: segmentDocs.size, leaders };
}

/** Where the attributes HR marked reportable are kept (meta). */
const REPORTABLE_KEY = 'reportable_attributes';

/** The attributes HR marked reportable (`location`, `employmentType`, `tenure`, `remote`, `custom.<name>`). */
export function reportableAttributes(deps: ServiceDeps): Promise<string[]> {
  return deps.store.meta.list(REPORTABLE_KEY);
}

/** Replaces the list of reportable attributes (names already checked with reportableAttributeSchema). */
export function setReportableAttributes(deps: ServiceDeps, names: readonly string[]): Promise<void> {
  return deps.store.meta.setList(REPORTABLE_KEY, [...new Set(names)]);
}

/**
 * Validates then writes: the one call the CSV import and the API share. `reportable`, when given,
 * replaces the list of attributes HR marked reportable (checked with the rows: nothing is written
 * when either is wrong).
 */
export async function importPeople(
  deps: ServiceDeps,
  rows: readonly { where: string; row: unknown }[],
  options: { readonly reportable?: readonly unknown[] } = {},
): Promise<ImportSummary & { readonly reportable: readonly string[] }> {
  const issues: ImportIssue[] = [];
  const reportable: string[] = [];
  for (const [i, name] of (options.reportable ?? []).entries()) {
    const checked = reportableAttributeSchema.safeParse(name);
    if (checked.success) reportable.push(checked.data);
    else issues.push({ where: `reportable[${i}]`, field: 'name', message: checked.error.issues[0]?.message ?? 'is not an attribute' });
  }
  let valid: PersonRow[] = [];
  try {
    valid = validatePeopleRows(rows);
  } catch (error) {
    if (!(error instanceof ImportRejectedError)) throw error;
    issues.unshift(...error.issues);
  }
  if (issues.length > 0) throw new ImportRejectedError(issues);
  const summary = await applyPeopleRows(deps, valid);
  if (options.reportable !== undefined) await setReportableAttributes(deps, [...new Set(reportable)]);
  return { ...summary, reportable: await reportableAttributes(deps) };
}
