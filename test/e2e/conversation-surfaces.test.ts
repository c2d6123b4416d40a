import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageKey } from '../../src/domain/i18n/en.js';
import { resolveLocale, type Locale } from '../../src/domain/i18n/locale.js';
import { t } from '../../src/domain/i18n/translate.js';
import { demoPersonKey } from '../../src/services/playground/seed-demo.js';
import { startTeamsHarness, TENANT, teamsPeople, type TeamsHarness } from '../fakes/teams-harness.js';
import { eventually, startSlackHarness, TEAM, users, type SlackHarness } from '../support/slack-harness.js';
import { startWebHarness, type WebHarness } from '../support/web-harness.js';

/**
 * The one conversation grammar and executor, seen from all three chat surfaces: the same words
 * from a person with no role get the same answers (in the surface's style), in Slack (a signed
 * slash command through Bolt), Teams (a JWT-signed message through teams-ai) and the web chat.
 */

interface Surface {
  readonly name: string;
  /** What the bot answers this person when they type `text`. */
  say(text: string): Promise<string>;
  /** The language the bot speaks to this person in. */
  locale(): Promise<Locale>;
}

const HELP_KEYS: MessageKey[] = [
  'talk.help.help',
  'talk.help.results',
  'talk.help.resultsExit',
  'talk.help.dashboard',
  'talk.help.status',
  'talk.help.sendNow',
  'talk.help.surveys',
  'talk.help.pause',
  'talk.help.resume',
  'talk.help.role',
  'talk.help.exit',
  'talk.help.exitCancel',
];

describe('one conversation on Slack, Teams and the web chat', () => {
  let slack: SlackHarness;
  let teams: TeamsHarness;
  let web: WebHarness;
  const teamsPerson = teamsPeople(2)[1]!;
  const surfaces: Surface[] = [];

  beforeAll(async () => {
    [slack, teams, web] = await Promise.all([
      startSlackHarness({ people: users(2) }),
      startTeamsHarness({ roster: teamsPeople(2) }),
      startWebHarness({ now: '2026-11-18T12:00:00Z' }),
    ]);
    await teams.installPersonal(teamsPerson);
    const slackKey = `slack:${TEAM}:U0002`;
    const teamsKey = `teams:${TENANT}:${teamsPerson.aadObjectId}`;
    const webKey = demoPersonKey('ola-nordmann');
    const localeOf = async (harness: { app: SlackHarness['app'] }, key: string): Promise<Locale> =>
      resolveLocale((await harness.app.deps.store.people.get(key))?.locale ?? null, harness.app.config.defaultLocale);
    surfaces.push(
      {
        name: 'slack',
        say: async (text) => (await slack.command('U0002', '/pulse', text)).text,
        locale: () => localeOf(slack, slackKey),
      },
      {
        name: 'teams',
        say: async (text) => {
          const before = teams.posted(teamsPerson).length;
          expect((await teams.say(teamsPerson, text)).status).toBe(200);
          await eventually(() => teams.posted(teamsPerson).length > before);
          const last = teams.posted(teamsPerson).at(-1)?.activity.text;
          return typeof last === 'string' ? last : '';
        },
        locale: () => localeOf(teams, teamsKey),
      },
      {
        name: 'web',
        say: async (text) => {
          const res = await fetch(`${web.base}/web/api/say`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ person: webKey, text }),
          });
          expect(res.status).toBe(200);
          return ((await res.json()) as { reply: string }).reply;
        },
        locale: () => localeOf(web, webKey),
      },
    );
    // Each speaker is an ordinary employee: no role, no team to lead.
    for (const [harness, key] of [
      [slack, slackKey],
      [teams, teamsKey],
      [web, webKey],
    ] as const) {
      expect(await harness.app.deps.store.people.get(key), key).toMatchObject({ roles: [], leads: [] });
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all([slack?.dispose(), teams?.dispose(), web?.dispose()]);
  });

  it('help lists the same commands, each explained the same way, on every surface', async () => {
    for (const surface of surfaces) {
      const locale = await surface.locale();
      const help = await surface.say('help');
      expect(help, surface.name).toContain(t(locale, 'talk.help.intro'));
      for (const key of HELP_KEYS) expect(help, `${surface.name}: ${key}`).toContain(t(locale, key));
    }
  }, 60_000);

  it('the same permissions everywhere: status, role, exit-survey, results and dashboard refuse someone without a role, before looking anyone up', async () => {
    const refusals: [string, MessageKey][] = [
      ['status', 'cmd.adminOnly'],
      // Refused before the person is looked up: a known and an unknown address get the same answer.
      ['role add person1@example.com hr', 'cmd.adminOnly'],
      ['role add nobody@example.com hr', 'cmd.adminOnly'],
      ['exit-survey nobody@example.com', 'cmd.notAuthorized'],
      ['exit-survey cancel nobody@example.com', 'cmd.notAuthorized'],
      ['results', 'results.notAllowed'],
      ['results exit', 'hr.results.notAllowed'],
      ['dashboard', 'results.notAllowed'],
      ['surveys', 'talk.survey.notAllowed'],
      ['pause pulse', 'cmd.adminOnly'],
      ['resume nope', 'cmd.adminOnly'],
    ];
    for (const surface of surfaces) {
      const locale = await surface.locale();
      for (const [words, key] of refusals) expect(await surface.say(words), `${surface.name}: ${words}`).toContain(t(locale, key));
    }
  }, 60_000);

  it('send-now is refused to someone who is not an admin, on every surface, and starts nothing', async () => {
    for (const surface of surfaces) {
      const locale = await surface.locale();
      if (surface.name === 'slack') {
        // Slack acknowledges at once and follows up through response_url.
        const ack = await slack.command('U0002', '/pulse', 'send-now');
        expect(ack.status).toBe(200);
        await eventually(() => slack.responses(ack.responseUrlId).some((text) => text.includes(t(locale, 'cmd.adminOnly'))));
      } else {
        await eventually(async () => (await surface.say('send-now')).includes(t(locale, 'cmd.adminOnly')));
      }
    }
    expect(await slack.app.deps.store.rounds.openRounds()).toEqual([]);
    expect(await teams.app.deps.store.rounds.openRounds()).toEqual([]);
  }, 60_000);

  it('an unknown word gets the same pointer to help everywhere', async () => {
    for (const surface of surfaces) {
      const locale = await surface.locale();
      const reply = await surface.say('frobnicate');
      expect(reply, surface.name).toContain(t(locale, 'talk.unknown', { help: '' }).split('.')[0]!);
      expect(reply, surface.name).toMatch(/help/);
    }
  }, 60_000);
});
