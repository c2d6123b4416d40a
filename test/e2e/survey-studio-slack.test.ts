import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/services/api-keys.js';
import { teamHealth } from '../support/survey-fixtures.js';
import type { PostedMessage } from '../fakes/slack-api.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

/**
 * Issue #17 end to end on Slack: HR writes a survey through the HR API, the scheduler opens its
 * rounds at 09:30 in each member's zone for one segment only, people answer in their language,
 * results show per-option counts only where the group passes k, and pause, edit and archive do
 * what they say.
 */

interface Reply {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; issues?: { path: string; message: string }[] } };
}

/** The issue's example document (its focus question asks a follow-up at 1 or 2; everyone here answers 4). */
const TEAM_HEALTH = teamHealth();

/** Each bad definition, and the JSON path its 400 must name. */
const BAD: [string, (doc: Record<string, unknown>) => unknown, string][] = [
  ['no id', ({ id: _, ...doc }) => doc, 'id'],
  ['an id with capitals', (doc) => ({ ...doc, id: 'Team Health' }), 'id'],
  ['no name', ({ name: _, ...doc }) => doc, 'name'],
  ['no trigger', ({ trigger: _, ...doc }) => doc, 'trigger'],
  ['weekday 8', (doc) => ({ ...doc, trigger: { ...TEAM_HEALTH.trigger, weekday: 8 } }), 'trigger.weekday'],
  ['time 25:00', (doc) => ({ ...doc, trigger: { ...TEAM_HEALTH.trigger, time: '25:00' } }), 'trigger.time'],
  ['every fortnightly', (doc) => ({ ...doc, trigger: { ...TEAM_HEALTH.trigger, every: 'fortnightly' } }), 'trigger.every'],
  ['a bad start date', (doc) => ({ ...doc, trigger: { ...TEAM_HEALTH.trigger, startDate: '2027-02-30' } }), 'trigger.startDate'],
  ['a once without date', (doc) => ({ ...doc, trigger: { type: 'once', time: '10:00' } }), 'trigger.date'],
  ['no segments', (doc) => ({ ...doc, audience: { type: 'segments', segments: [] } }), 'audience.segments'],
  ['an unknown segment', (doc) => ({ ...doc, audience: { type: 'segments', segments: ['marketing'] } }), 'audience.segments[0]'],
  ['a reminder after close', (doc) => ({ ...doc, reminderDays: [5] }), 'reminderDays[0]'],
  ['no questions', (doc) => ({ ...doc, questions: [] }), 'questions'],
  ['an unknown type', (doc) => ({ ...doc, questions: [{ id: 'x', type: 'slider', text: { en: 'x' } }] }), 'questions[0].type'],
  ['an unknown built-in', (doc) => ({ ...doc, questions: [{ builtin: 'happiness-9' }] }), 'questions[0].builtin'],
  ['a repeated id', (doc) => ({ ...doc, questions: [...TEAM_HEALTH.questions, { id: 'focus', type: 'yesno', text: { en: 'Again?' } }] }), 'questions[4].id'],
  ['no default-language text', (doc) => ({ ...doc, questions: [{ id: 'x', type: 'yesno', text: { nb: 'Bare norsk' } }] }), 'questions[0].text'],
  ['an empty text', (doc) => ({ ...doc, questions: [{ id: 'x', type: 'yesno', text: { en: ' ' } }] }), 'questions[0].text.en'],
  [
    'one option',
    (doc) => ({ ...doc, questions: [{ id: 'x', type: 'choice', text: { en: 'x' }, options: [{ id: 'a', text: { en: 'A' } }] }] }),
    'questions[0].options',
  ],
  [
    'a repeated option',
    (doc) => ({
      ...doc,
      questions: [
        {
          id: 'x',
          type: 'multi',
          text: { en: 'x' },
          options: [
            { id: 'a', text: { en: 'A' } },
            { id: 'a', text: { en: 'B' } },
          ],
        },
      ],
    }),
    'questions[0].options[1].id',
  ],
  [
    'a follow-up for everyone',
    (doc) => ({ ...doc, questions: [{ id: 'x', type: 'agreement', text: { en: 'x' }, followUp: { atOrBelow: 5, text: { en: 'Why?' } } }] }),
    'questions[0].followUp.atOrBelow',
  ],
  ['a required text', (doc) => ({ ...doc, questions: [{ id: 'x', type: 'text', optional: false, text: { en: 'x' } }] }), 'questions[0].optional'],
  ['a scale without labels', (doc) => ({ ...doc, questions: [{ id: 'x', type: 'scale', text: { en: 'x' } }] }), 'questions[0].low'],
  ['k below the installation', (doc) => ({ ...doc, minGroupSize: 3 }), 'minGroupSize'],
  ['comment k below the installation', (doc) => ({ ...doc, minCommentGroupSize: 2 }), 'minCommentGroupSize'],
  ['an unknown language', (doc) => ({ ...doc, defaultLocale: 'de' }), 'defaultLocale'],
  [
    'a rotation that skips drivers',
    (doc) => ({
      ...doc,
      questions: [{ rotate: { drivers: ['growth', 'workload', 'purpose', 'voice', 'autonomy', 'recognition', 'management'], perRound: 2, enpsEvery: 1 } }],
    }),
    'questions[0].rotate.drivers',
  ],
];

const roundOf = (m: PostedMessage) => (m.metadata as { event_payload?: { round_id?: string } } | undefined)?.event_payload?.round_id ?? '';
const textOf = (m: PostedMessage) => JSON.stringify(m.blocks);

describe('surveys HR writes, on Slack through the HR API', () => {
  let h: SlackHarness;
  let origin: string;
  let key: string;
  const ROUND = 'team-health:2027-01-05';

  const call = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Reply['body'] };
  };
  const prompt = (user: string) => h.fake.messagesTo(user).find((m) => roundOf(m) === ROUND);

  beforeAll(async () => {
    // Sunday 2027-01-03. U0001 Oslo, U0002 New York, U0003 Kolkata, …; the first three read Norwegian.
    h = await startSlackHarness({ people: users(9, (i) => (i < 3 ? { locale: 'nb-NO' } : {})), now: '2027-01-03T12:00:00Z' });
    origin = new URL(h.base).origin;
    key = (await createApiKey(h.app.deps, 'HR system', ['surveys:write', 'people:write', 'results:read'])).key;
    const team = (i: number) => (i <= 4 ? 'Engineering/Platform' : i <= 6 ? 'Engineering/Apps' : 'Sales');
    const people = Array.from({ length: 9 }, (_, i) => ({ email: `person${i + 1}@example.com`, team: team(i + 1) }));
    expect((await call('PUT', '/api/v1/people', { people })).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('refuses every invalid definition with 400 VALIDATION_FAILED at its path, and stores nothing', async () => {
    const before = await h.app.database.collections.surveys.find({}).toArray();
    for (const [what, mutate, path] of BAD) {
      const reply = await call('POST', '/api/v1/surveys', mutate({ ...TEAM_HEALTH }));
      expect([what, reply.status, reply.body.error?.code]).toEqual([what, 400, 'VALIDATION_FAILED']);
      expect([what, reply.body.error?.issues?.map((i) => i.path)]).toEqual([what, expect.arrayContaining([path])]);
      expect(reply.body.error?.issues?.every((i) => i.message.length > 10)).toBe(true);
    }
    const unknownTemplate = await call('POST', '/api/v1/surveys', { template: 'happiness', id: 'x' });
    expect([unknownTemplate.status, unknownTemplate.body.error?.issues?.[0]?.path]).toEqual([400, 'template']);
    expect(await h.app.database.collections.surveys.find({}).toArray()).toEqual(before);
    expect(await h.app.database.collections.rounds.countDocuments({})).toBe(0);
  });

  it('creates the survey (201), refuses the same id again (409), and lists it with its next rounds', async () => {
    const created = await call('POST', '/api/v1/surveys', TEAM_HEALTH);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'team-health', status: 'active', nextRounds: ['2027-01-05', '2027-01-19', '2027-02-02'] });
    const again = await call('POST', '/api/v1/surveys', { ...TEAM_HEALTH, name: 'Other' });
    expect([again.status, again.body.error?.code]).toEqual([409, 'SURVEY_EXISTS']);
    expect((await call('GET', '/api/v1/surveys/team-health')).body).toMatchObject({ name: 'Team health', document: { questions: TEAM_HEALTH.questions } });
    const list = await call('GET', '/api/v1/surveys');
    expect((list.body.surveys as { id: string }[]).map((s) => s.id)).toContain('team-health');
    expect((await call('GET', '/api/v1/surveys/nope')).status).toBe(404);
    const templates = (await call('GET', '/api/v1/survey-templates')).body.templates as { id: string }[];
    expect(templates.map((t) => t.id)).toEqual(expect.arrayContaining(['engagement-pulse', 'onboarding', 'wellbeing', 'new-manager']));
  });

  it('opens the round at 09:30 in each member’s own zone, for the segment and everything under it only', async () => {
    h.clock.set(h.clock.now().set({ day: 5, hour: 0, minute: 0 })); // Tuesday 2027-01-05 00:00 UTC
    await h.app.pulse.jobs.tick();
    const round = await h.app.database.collections.rounds.findOne({ _id: ROUND });
    expect(round?.questionIds).toEqual(['enps', 'focus', 'tools', 'idea']);
    const deliveries = await h.app.database.collections.deliveries.find({ roundId: ROUND }).sort({ personKey: 1 }).toArray();
    expect(deliveries.map((d) => d.personKey.split(':')[2])).toEqual(['U0001', 'U0002', 'U0003', 'U0004', 'U0005', 'U0006']);
    const at: Record<string, string> = Object.fromEntries(deliveries.map((d) => [d.personKey.split(':')[2] ?? '', d.sendAt.toISOString()]));
    expect(at).toMatchObject({
      U0001: '2027-01-05T08:30:00.000Z', // 09:30 in Oslo
      U0002: '2027-01-05T14:30:00.000Z', // 09:30 in New York
      U0003: '2027-01-05T04:00:00.000Z', // 09:30 in Kolkata
    });
  });

  it('an edit while the round is open changes the next round, not this one; a type change of an asked question is refused', async () => {
    const edited = {
      ...TEAM_HEALTH,
      questions: TEAM_HEALTH.questions.map((q) => ('id' in q && q.id === 'focus' ? { ...q, text: { en: 'Meetings leave me time to think.' } } : q)),
    };
    expect((await call('PUT', '/api/v1/surveys/team-health', edited)).status).toBe(200);
    const retyped = { ...TEAM_HEALTH, questions: TEAM_HEALTH.questions.map((q) => ('id' in q && q.id === 'tools' ? { ...q, type: 'multi' } : q)) };
    const refused = await call('PUT', '/api/v1/surveys/team-health', retyped);
    expect([refused.status, refused.body.error?.issues?.[0]?.path]).toEqual([400, 'questions[2].type']);
    const renamed = await call('PUT', '/api/v1/surveys/team-health', { ...TEAM_HEALTH, id: 'other' });
    expect([renamed.status, renamed.body.error?.issues?.[0]?.path]).toEqual([400, 'id']);
    expect((await call('GET', '/api/v1/surveys/team-health')).body).toMatchObject({ document: { questions: edited.questions } });
    const round = await h.app.database.collections.rounds.findOne({ _id: ROUND });
    expect(round?.questions.find((q) => q.id === 'focus')?.text).toEqual({
      en: 'I can focus on my work without interruptions.',
      nb: 'Jeg kan konsentrere meg om arbeidet uten avbrudd.',
      sv: 'I can focus on my work without interruptions.',
    });
  });

  it('people get the prompt in their language, with the questions the round opened with, and answer by clicks', async () => {
    h.clock.set(h.clock.now().set({ hour: 15 })); // every zone is past 09:30
    await h.app.pulse.jobs.tick();
    await eventually(() => ['U0001', 'U0002', 'U0003', 'U0004', 'U0005', 'U0006'].every((u) => prompt(u) !== undefined));
    expect(['U0007', 'U0008', 'U0009'].map((u) => prompt(u))).toEqual([undefined, undefined, undefined]);
    const norwegian = textOf(prompt('U0001') as PostedMessage);
    expect(norwegian).toContain('Team health');
    expect(norwegian).toContain('Jeg kan konsentrere meg om arbeidet uten avbrudd.');
    expect(norwegian).toContain('VPN-en');
    const english = textOf(prompt('U0004') as PostedMessage);
    expect(english).toContain('I can focus on my work without interruptions.');
    expect(english).toContain('The VPN');
    expect(english).not.toContain('Meetings leave me time to think.');

    const stale = structuredClone(prompt('U0001') as PostedMessage);
    const picks: Record<string, string> = { U0001: 'vpn', U0002: 'vpn', U0003: 'laptop', U0004: 'vpn', U0005: 'laptop', U0006: 'vpn' };
    for (const [user, tool] of Object.entries(picks)) {
      expect(await h.click(prompt(user) as PostedMessage, 'pulse:answer:focus:4')).toBe(200);
      expect(await h.click(prompt(user) as PostedMessage, `pulse:answer:tools:${tool}`)).toBe(200);
    }
    // A second click on a stale copy changes nothing.
    expect(await h.click(stale, 'pulse:answer:tools:laptop')).toBe(200);
    await eventually(async () => (await h.app.database.collections.responses.countDocuments({ roundId: ROUND, questionId: 'tools' })) === 6);

    expect(await h.click(prompt('U0002') as PostedMessage, 'pulse:comment:idea')).toBe(200);
    await eventually(() => h.fake.callsTo('views.open').length === 1);
    const view = h.fake.callsTo('views.open')[0]?.params.view as Record<string, unknown>;
    expect((await h.submitView('U0002', view, 'Fewer meetings on Tuesdays')).status).toBe(200);
    await eventually(async () => (await h.app.database.collections.comments.countDocuments({ roundId: ROUND, questionId: 'idea' })) === 1);
    expect(await h.app.database.collections.responses.countDocuments({ roundId: ROUND, questionId: 'tools' })).toBe(6);
  });

  it('results show per-option counts only for groups that pass k, through GET /api/v1/results', async () => {
    h.clock.set(h.clock.now().plus({ days: 6 }));
    await h.app.pulse.jobs.tick();
    await eventually(async () => (await h.app.database.collections.rounds.findOne({ _id: ROUND }))?.state === 'closed');
    const results = await call('GET', '/api/v1/results?survey=team-health');
    expect(results.status).toBe(200);
    type Slice = {
      segment: string;
      visible: boolean;
      questions?: { questionId: string; type: string; respondents: number | null; options?: Record<string, number> }[];
    };
    const [round] = results.body.rounds as { roundId: string; segments: Slice[] }[];
    expect(round?.roundId).toBe(ROUND);
    const bySegment = new Map(round?.segments.map((s) => [s.segment, s]));
    const engineering = bySegment.get('engineering');
    expect(engineering?.visible).toBe(true);
    const tools = engineering?.questions?.find((q) => q.questionId === 'tools');
    expect(tools).toMatchObject({ type: 'choice', respondents: 6, options: { laptop: 2, vpn: 4 } });
    expect(engineering?.questions?.find((q) => q.questionId === 'focus')).toMatchObject({ type: 'agreement', respondents: 6 });
    // Platform has 4 people and Apps 2: below k = 5, so neither shows a figure.
    for (const team of ['engineering/platform', 'engineering/apps']) {
      expect(bySegment.get(team)).toMatchObject({ visible: false });
      expect(JSON.stringify(bySegment.get(team))).not.toMatch(/laptop|vpn/);
    }
  });

  it('a paused survey opens no round; resumed, it does again', async () => {
    expect((await call('POST', '/api/v1/surveys/team-health/pause')).body).toMatchObject({ status: 'paused', nextRounds: [] });
    h.clock.set(h.clock.now().set({ day: 19, hour: 12 })); // the next biweekly Tuesday
    await h.app.pulse.jobs.tick();
    expect(await h.app.database.collections.rounds.countDocuments({ surveyId: 'team-health' })).toBe(1);
    expect((await call('POST', '/api/v1/surveys/team-health/resume')).body).toMatchObject({ status: 'active' });
    const now = await call('POST', '/api/v1/surveys/team-health/rounds');
    expect([now.status, now.body.roundId]).toEqual([201, 'team-health:2027-01-19']);
    const round = await h.app.database.collections.rounds.findOne({ _id: 'team-health:2027-01-19' });
    // The edit made during the first round applies from this one.
    expect(round?.questions.find((q) => q.id === 'focus')?.text.en).toBe('Meetings leave me time to think.');
  });

  it('admins list, pause and resume surveys in chat; others are refused', async () => {
    const list = await h.command('UADMIN', '/pulse', 'surveys');
    expect(list.text).toContain('• Team health (team-health): next round 2027-02-02');
    const paused = await h.command('UADMIN', '/pulse', 'pause team-health');
    expect(paused.text).toBe('Paused "Team health": no round opens until someone resumes it. Rounds already open run to their end.');
    expect((await h.command('UADMIN', '/pulse', 'surveys')).text).toContain('• Team health (team-health): paused');
    expect((await h.command('U0004', '/pulse', 'resume team-health')).text).toBe('Sorry, only admins can do that.');
    expect((await h.command('UADMIN', '/pulse', 'resume team-health')).text).toBe('Resumed "Team health": next round 2027-02-02.');
    expect((await h.command('UADMIN', '/pulse', 'pause nope')).text).toBe('There is no survey called "nope".');
    expect((await h.command('UADMIN', '/pulse', 'pause')).text).toBe('Usage: `/pulse pause <survey>`');
  });

  it('an archived survey opens no more rounds and takes no changes, and its results stay readable', async () => {
    const archived = await call('DELETE', '/api/v1/surveys/team-health');
    expect([archived.status, archived.body.status]).toEqual([200, 'archived']);
    expect((await call('POST', '/api/v1/surveys/team-health/resume')).body.error?.code).toBe('SURVEY_ARCHIVED');
    expect((await call('POST', '/api/v1/surveys/team-health/rounds')).status).toBe(409);
    expect((await call('PUT', '/api/v1/surveys/team-health', TEAM_HEALTH)).body.error?.code).toBe('SURVEY_ARCHIVED');
    h.clock.set(h.clock.now().plus({ days: 14 }));
    await h.app.pulse.jobs.tick();
    expect(await h.app.database.collections.rounds.countDocuments({ surveyId: 'team-health', date: { $gt: '2027-01-19' } })).toBe(0);
    const results = await call('GET', '/api/v1/results?survey=team-health');
    expect(results.status).toBe(200);
    expect((results.body.rounds as { roundId: string }[]).map((r) => r.roundId)).toContain(ROUND);
  });
});
