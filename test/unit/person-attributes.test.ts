import { describe, expect, it } from 'vitest';
import { reportableAttributeSchema, tenureBand } from '../../src/domain/people/attributes.js';
import { ImportRejectedError, validatePeopleRows } from '../../src/services/people-import.js';
import { parsePeopleCsv } from '../../src/services/people-import-csv.js';

describe('HR attributes from the people import (issue #20)', () => {
  it('reads location, employment type, remote and attributes of your own from a CSV', () => {
    const rows = validatePeopleRows(
      parsePeopleCsv(
        [
          'email,team,start_date,location,employment_type,remote,attr.shift,attr.union',
          'kari@example.com,Engineering,2025-02-01,Oslo,full-time,no,night,',
          'ola@example.com,Engineering,,Bergen,,YES,,member',
        ].join('\n'),
      ),
    );
    expect(rows[0]).toMatchObject({ startDate: '2025-02-01', location: 'Oslo', employmentType: 'full-time', remote: false, attributes: { shift: 'night' } });
    expect(rows[1]).toMatchObject({ location: 'Bergen', remote: true, attributes: { union: 'member' } });
    expect(rows[1]?.employmentType).toBeUndefined();
  });

  it('refuses a bad value with its line and field, and more than five attributes of your own in one import', () => {
    const text = ['email,team,remote,attr.1st', 'kari@example.com,Engineering,maybe,night'].join('\n');
    let issues: readonly { where: string; field: string }[] = [];
    try {
      validatePeopleRows(parsePeopleCsv(text));
    } catch (error) {
      if (error instanceof ImportRejectedError) issues = error.issues;
    }
    expect(issues.map((i) => `${i.where} ${i.field}`)).toEqual(['line 2 remote', 'line 2 attributes.1st']);
    const six = ['email,team,attr.a,attr.b,attr.c', 'a@example.com,T,1,2,3', 'b@example.com,T,,,'].join('\n');
    expect(() => validatePeopleRows(parsePeopleCsv(six))).not.toThrow();
    const rows = [1, 2, 3, 4, 5, 6].map((i) => ({ where: `people[${i}]`, row: { email: `p${i}@example.com`, team: 'T', attributes: { [`k${i}`]: 'x' } } }));
    expect(() => validatePeopleRows(rows)).toThrow(/nothing was imported/);
  });

  it('marks reportable only what can be reported', () => {
    for (const ok of ['location', 'employmentType', 'tenure', 'remote', 'custom.shift']) expect(reportableAttributeSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['startDate', 'salary', 'custom.', 'custom.Shift', 'email']) expect(reportableAttributeSchema.safeParse(bad).success).toBe(false);
  });

  it('reports a start date as a tenure band on the day asked', () => {
    expect(tenureBand('2026-06-10', '2026-06-09')).toBeNull();
    expect(tenureBand('2026-06-10', '2026-06-10')).toBe('under_6_months');
    expect(tenureBand('2026-06-10', '2026-12-09')).toBe('under_6_months');
    expect(tenureBand('2026-06-10', '2026-12-10')).toBe('6_to_12_months');
    expect(tenureBand('2025-06-10', '2026-06-10')).toBe('1_to_2_years');
    expect(tenureBand('2024-06-10', '2026-06-10')).toBe('2_to_5_years');
    expect(tenureBand('2021-06-10', '2026-06-10')).toBe('5_years_plus');
  });
});
