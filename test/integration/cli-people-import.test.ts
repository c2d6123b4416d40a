import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps } from '../support/fixtures.js';

const BAD = new Map<number, Partial<Record<string, string>>>([
  [16, { email: 'u017-at-example.com' }], // line 18
  [75, { timezone: 'Europe/Atlantis' }], // line 77
  [149, { locale: 'de-DE' }], // line 151
]);

/** 200 people, as an HR system would export them; row i is on line i + 2. */
function peopleCsv(bad: ReadonlyMap<number, Partial<Record<string, string>>> = new Map()): string {
  const lines = ['email,team,manager_email,timezone,locale'];
  for (let i = 0; i < 200; i++) {
    const id = String(i + 1).padStart(3, '0');
    const teamNo = i % 8;
    const row = {
      email: `U${id}@Example.com`,
      team: `Dept ${teamNo % 2}/Team ${teamNo}`,
      manager_email: i >= 8 ? `u${String(teamNo + 1).padStart(3, '0')}@example.com` : '',
      timezone: i % 3 === 0 ? 'Europe/Oslo' : '',
      locale: i % 5 === 0 ? 'nb-NO' : '',
      ...bad.get(i),
    };
    lines.push([row.email, `"${row.team}"`, row.manager_email, row.timezone, row.locale].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('pulsebot people import', () => {
  let db: TestDatabase;
  let dir: string;

  beforeEach(async () => {
    db = await openTestDatabase();
    await seedPeople(testDeps(db.database), { everyone: 200 });
    dir = await mkdtemp(join(tmpdir(), 'pulsebot-import-'));
  });
  afterEach(async () => {
    await db.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const write = async (name: string, text: string) => {
    const file = join(dir, name);
    await writeFile(file, text);
    return file;
  };
  const state = async () => ({
    people: await db.database.collections.people.find({}).sort({ _id: 1 }).toArray(),
    segments: await db.database.collections.segments.find({}).sort({ _id: 1 }).toArray(),
  });

  it('200 rows with 3 bad ones: the whole file is rejected, each problem named with its line, nothing written', async () => {
    const before = await state();
    const file = await write('people.csv', peopleCsv(BAD));
    const result = await cli(db.database, ['people', 'import', file]);
    expect(result.code).toBe(1);
    const problems = result.err.split('\n').filter((l) => l.startsWith(file));
    expect(problems).toEqual([
      `${file}: line 18: email is not an e-mail address`,
      `${file}: line 77: timezone is not a time zone: use an IANA name such as Europe/Oslo`,
      `${file}: line 151: locale must be en, nb or sv (or a locale such as nb-NO)`,
    ]);
    expect(result.err).toContain(`pulsebot: ${file}: 3 problems; nothing was imported. Fix the rows above and run the import again.`);
    expect(await state()).toEqual(before);
  });

  it('the corrected file imports every row; a second run changes nothing', async () => {
    const file = await write('people.csv', peopleCsv());
    const dry = await cli(db.database, ['people', 'import', file, '--dry-run']);
    expect([dry.code, dry.out.trim()]).toEqual([0, `${file}: 200 rows are valid (dry run: nothing was written)`]);
    expect(await db.database.collections.segments.countDocuments({ _id: 'dept-0' })).toBe(0);

    const first = await cli(db.database, ['people', 'import', file]);
    expect(first.code).toBe(0);
    expect(first.out.trim()).toBe('imported 200 rows: 200 matched to chat users, 10 segments, 8 managers made leaders');
    const after = await state();
    expect(after.segments.filter((s) => s._id.startsWith('dept-0')).map((s) => [s._id, s.parentId])).toEqual([
      ['dept-0', null],
      ['dept-0/team-0', 'dept-0'],
      ['dept-0/team-2', 'dept-0'],
      ['dept-0/team-4', 'dept-0'],
      ['dept-0/team-6', 'dept-0'],
    ]);
    const u001 = after.people.find((p) => p.userId === 'U001');
    expect(u001).toMatchObject({
      segment: 'dept-0/team-0',
      segmentSource: 'import',
      timezone: 'Europe/Oslo',
      locale: 'nb',
      roles: ['leader'],
      leads: ['dept-0/team-0'],
    });
    expect(after.people.find((p) => p.userId === 'U002')).toMatchObject({ segment: 'dept-1/team-1', timezone: 'America/New_York', locale: 'en' });

    expect((await cli(db.database, ['people', 'import', file])).code).toBe(0);
    expect(await state()).toEqual(after);
  });

  it('a file with a wrong header or a broken row is refused with where and what to do', async () => {
    const header = await cli(db.database, ['people', 'import', await write('h.csv', 'e-mail,team\nu001@example.com,Sales\n')]);
    expect(header.code).toBe(1);
    expect(header.err).toContain(
      'line 1: email the header has no "email" column (columns: email, team, manager_email, timezone, locale, start_date, location, employment_type, remote, attr.<name>)',
    );
    const broken = await cli(db.database, ['people', 'import', await write('b.csv', 'email,team\nu001@example.com,Sales\nu002@example.com,"Sales\n')]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/line \d+: row .*quote/i);
    const missing = await cli(db.database, ['people', 'import', join(dir, 'nope.csv')]);
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('cannot read') as unknown]);
    expect(await db.database.collections.segments.countDocuments({ _id: 'sales' })).toBe(0);
  });

  it('--reportable marks the attributes results may be cut by; a wrong name is refused before anything is written', async () => {
    const file = await write('people.csv', peopleCsv());
    const bad = await cli(db.database, ['people', 'import', file, '--reportable', 'remote,shoe_size']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--reportable: shoe_size must be location, employmentType, tenure, remote or custom.<name>');
    expect(await db.database.collections.segments.countDocuments({ _id: 'dept-0' })).toBe(0);
    const good = await cli(db.database, ['people', 'import', file, '--reportable', 'remote, location,remote']);
    expect(good.code).toBe(0);
    expect(good.out).toContain('results of rounds opened from now on may be cut by: remote, location');
    expect(await testDeps(db.database).store.meta.list('reportable_attributes')).toEqual(['remote', 'location']);
  });
});
