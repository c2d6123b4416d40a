import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * HR attributes of a person (issue #20), from the people import or `PUT /api/v1/people`: where
 * they work, how they are employed, when they started, whether they work remotely, and up to five
 * attributes HR defines. Identity side, like the team. The reportable ones travel with a round's
 * answers only until it closes, then become counts per single attribute (services/attribute-cuts).
 */

/** At most this many attributes of HR's own across one import. */
export const MAX_CUSTOM_ATTRIBUTES = 5;

export const CUSTOM_ATTRIBUTE_NAME = /^[a-z][a-z0-9_]{0,29}$/;

const value = z.string().trim().min(1, 'is empty: leave the field out instead').max(80, 'is longer than 80 characters');

export const personAttributesSchema = z.object({
  location: value.optional(),
  employmentType: value.optional(),
  /** Their first day, reported only as a tenure band. */
  startDate: z.iso.date().optional(),
  remote: z.boolean().optional(),
  /** HR's own attributes, name → value. */
  custom: z.record(z.string().regex(CUSTOM_ATTRIBUTE_NAME), value).optional(),
});
export type PersonAttributes = z.infer<typeof personAttributesSchema>;

/** The attributes results may be cut by; `tenure` is the start date in bands. */
export const BUILTIN_REPORTABLE = ['location', 'employmentType', 'tenure', 'remote'] as const;

/** `location`, `employmentType`, `tenure`, `remote` or `custom.<name>`. */
export const reportableAttributeSchema = z
  .string()
  .refine(
    (name) => (BUILTIN_REPORTABLE as readonly string[]).includes(name) || (name.startsWith('custom.') && CUSTOM_ATTRIBUTE_NAME.test(name.slice(7))),
    'must be location, employmentType, tenure, remote or custom.<name> (lowercase letters, digits and _)',
  );

export const TENURE_BANDS = ['under_6_months', '6_to_12_months', '1_to_2_years', '2_to_5_years', '5_years_plus'] as const;
export type TenureBand = (typeof TENURE_BANDS)[number];

/** The band a start date falls in on `on` (both YYYY-MM-DD); null before the start date. */
export function tenureBand(startDate: string, on: string): TenureBand | null {
  const start = DateTime.fromISO(startDate, { zone: 'utc' });
  const day = DateTime.fromISO(on, { zone: 'utc' });
  if (!start.isValid || !day.isValid || day < start) return null;
  if (day < start.plus({ months: 6 })) return 'under_6_months';
  if (day < start.plus({ months: 12 })) return '6_to_12_months';
  if (day < start.plus({ years: 2 })) return '1_to_2_years';
  if (day < start.plus({ years: 5 })) return '2_to_5_years';
  return '5_years_plus';
}

/**
 * A person's values for each of `attributes` (reportable names, in order) on the day `on`: the
 * tenure band for `tenure`, `yes`/`no` for `remote`, '' where the person has no value. What a
 * round's prompt carries until the round closes (see services/attribute-cuts).
 */
export function attributeValues(attributes: readonly string[], person: PersonAttributes | undefined, on: string): string[] {
  return attributes.map((name) => {
    if (person === undefined) return '';
    if (name === 'tenure') return person.startDate === undefined ? '' : (tenureBand(person.startDate, on) ?? '');
    if (name === 'remote') return person.remote === undefined ? '' : person.remote ? 'yes' : 'no';
    if (name === 'location' || name === 'employmentType') return person[name] ?? '';
    return name.startsWith('custom.') ? (person.custom?.[name.slice(7)] ?? '') : '';
  });
}
