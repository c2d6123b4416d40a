import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps } from '../support/fixtures.js';

/** `pulsebot survey …`: surveys as code, through the same service as the HR API. */

const TEAM_HEALTH = `# Team health: every other Tuesday at 09:30, each person's own time
id: team-health
name: Team health
defaultLocale: en
trigger: { type: recurring, every: biweekly, weekday: 2, time: "09:30", startDate: "2031-03-04" }
audience: { type: segments, segments: [engineering] }
questions:
  - builtin: enps
  - id: focus
    type: agreement
    driver: workload
    text:
      en: I can focus on my work without interruptions.
      nb: Jeg kan konsentrere meg om arbeidet uten avbrudd.
  - id: idea
    type: text
    text: { en: One thing we should change?, nb: Én ting vi bør endre? }
`;

describe('pulsebot survey', () => {
  let db: TestDatabase;
  let dir: string;
  const file = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  beforeEach(async () => {
    db = await openTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'pulsebot-survey-'));
    // Engineering: U001 Oslo, U002 New York, U003 Kolkata; sales is left out of the audience.
    await seedPeople(testDeps(db.database), { engineering: 3, sales: 2 });
  });
  afterEach(async () => {
    await db.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('apply --dry-run shows the next three rounds per time zone of the audience (across DST) and stores nothing', async () => {
    const path = await file('team-health.yaml', TEAM_HEALTH);
    const dry = await cli(db.database, ['survey', 'apply', path, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('would create survey team-health (dry run: nothing was changed)');
    expect(dry.out).toMatch(
      /round 2031-03-04:\n {2}America\/New_York +2031-03-04T09:30:00.000-05:00 {2}\(1 person\)\n {2}Asia\/Kolkata +2031-03-04T09:30:00.000\+05:30/,
    );
    expect(dry.out).toContain('America/New_York             2031-03-18T09:30:00.000-04:00');
    expect(dry.out).toContain('Europe/Oslo                  2031-04-01T09:30:00.000+02:00');
    expect(dry.out).not.toContain('round 2031-04-15');
    expect(await db.database.collections.surveys.countDocuments({})).toBe(0);
  });

  it('apply creates, applies again as an update (listing what changes), and list/show/pause/resume/archive work', async () => {
    const path = await file('team-health.yaml', TEAM_HEALTH);
    const created = await cli(db.database, ['survey', 'apply', path]);
    expect([created.code, created.out]).toEqual([0, 'created survey team-health; next rounds: 2031-03-04, 2031-03-18, 2031-04-01\n']);
    await writeFile(path, TEAM_HEALTH.replace('name: Team health', 'name: Team health check').replace('startDate: "2031-03-04"', 'startDate: "2031-03-11"'));
    const dry = await cli(db.database, ['survey', 'apply', path, '--dry-run']);
    expect(dry.out).toContain('would update survey team-health');
    expect(dry.out).toContain('fields that change: name, trigger');
    expect((await cli(db.database, ['survey', 'apply', path])).out).toBe('updated survey team-health; next rounds: 2031-03-11, 2031-03-25, 2031-04-08\n');

    expect((await cli(db.database, ['survey', 'list'])).out).toMatch(/^team-health +active +next 2031-03-11 +Team health check\n$/);
    const shown = await cli(db.database, ['survey', 'show', 'team-health']);
    expect(shown.out).toContain('name: Team health check');
    expect(shown.out).toContain('nb: Jeg kan konsentrere meg om arbeidet uten avbrudd.');
    expect((await cli(db.database, ['survey', 'pause', 'team-health'])).out).toBe('survey team-health is paused\n');
    expect((await cli(db.database, ['survey', 'resume', 'team-health'])).out).toBe('survey team-health is active; next round 2031-03-11\n');
    expect((await cli(db.database, ['survey', 'archive', 'team-health'])).out).toBe('survey team-health is archived\n');
    const again = await cli(db.database, ['survey', 'resume', 'team-health']);
    expect([again.code, again.err]).toEqual([1, 'pulsebot: survey "team-health" is archived: it cannot run again; create a new one\n']);
  });

  it('a bad file lists every problem with its path, exits 1 and changes nothing', async () => {
    const bad = await file(
      'bad.yaml',
      TEAM_HEALTH.replace('weekday: 2', 'weekday: 9').replace('segments: [engineering]', 'segments: [marketing]').replace('type: agreement', 'type: slider'),
    );
    const result = await cli(db.database, ['survey', 'apply', bad]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${bad}: trigger.weekday: is 1 (Monday) to 7 (Sunday)`);
    expect(result.err).toContain(`${bad}: questions[1].type:`);
    expect(result.err).toContain('pulsebot: the survey has 2 problem(s), listed above: fix them and apply again (nothing was changed)');
    const unknownSegment = await cli(db.database, ['survey', 'apply', await file('seg.yaml', TEAM_HEALTH.replace('[engineering]', '[marketing]'))]);
    expect(unknownSegment.err).toContain('audience.segments[0]: no segment "marketing"');
    const notYaml = await cli(db.database, ['survey', 'apply', await file('broken.yaml', 'id: [unclosed')]);
    expect([notYaml.code, notYaml.err]).toEqual([1, expect.stringMatching(/^pulsebot: .*broken\.yaml: not valid YAML: /)]);
    expect((await cli(db.database, ['survey', 'apply', join(dir, 'missing.yaml')])).code).toBe(2);
    expect((await cli(db.database, ['survey', 'show', 'nope'])).code).toBe(1);
    expect((await cli(db.database, ['survey', 'frobnicate', 'x'])).code).toBe(2);
    expect(await db.database.collections.surveys.countDocuments({})).toBe(0);
  });
});
