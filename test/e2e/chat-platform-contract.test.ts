import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPersonKey } from '../../src/services/playground/seed-demo.js';
import { WEB_TENANT } from '../../adapters/web/web-platform.js';
import { translator } from '../../src/domain/i18n/translate.js';
import { summaryText } from '../../src/domain/summary/summary-text.js';
import { ENPS_QUESTION } from '../../src/domain/templates/enps.js';
import { PULSE_COMMENT_QUESTION } from '../../src/domain/templates/engagement-bank.js';
import type { ChatPlatform, PlatformName, Recipient, SurveyPrompt } from '../../src/ports/chat-platform.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { ADMIN, startTeamsHarness, TENANT, teamsPeople } from '../fakes/teams-harness.js';
import { startSlackHarness, TEAM, users } from '../support/slack-harness.js';
import { fixedSummary } from '../support/summary-fixture.js';
import { startWebHarness } from '../support/web-harness.js';

/*
 * The ChatPlatform contract (issue #16), as agenda runs one backend suite against every backend:
 * the same behaviours of the port, run against the Slack, Teams and web adapters, each through
 * the real app and its local fake. A new chat platform passes this file before anything else.
 */

interface Surface {
  readonly deps: ServiceDeps;
  readonly platform: ChatPlatform;
  readonly recipient: Recipient;
  /** Everything the recipient sees in their chat with the bot now, oldest first, one JSON string per message. */
  seen(): Promise<string[]>;
  dispose(): Promise<void>;
}

const ROUND = 'pulse:2026-11-23';
const t = translator('en');

function platformOf(platforms: ReadonlyMap<PlatformName, ChatPlatform>, name: PlatformName): ChatPlatform {
  const platform = platforms.get(name);
  if (platform === undefined) throw new Error(`no ${name} platform`);
  return platform;
}

const surfaces: readonly [string, () => Promise<Surface>][] = [
  [
    'slack',
    async () => {
      const h = await startSlackHarness({ people: users(2) });
      return {
        deps: h.app.deps,
        platform: platformOf(h.app.platforms, 'slack'),
        recipient: { platform: 'slack', tenant: TEAM, userId: 'U0001', locale: 'en' },
        seen: () => Promise.resolve(h.fake.messagesTo('U0001').map((m) => JSON.stringify(m))),
        dispose: () => h.dispose(),
      };
    },
  ],
  [
    'teams',
    async () => {
      const [person] = teamsPeople(1);
      if (person === undefined) throw new Error('no person');
      const h = await startTeamsHarness({ roster: [person, ADMIN] });
      expect((await h.installPersonal(person)).status).toBe(200);
      return {
        deps: h.app.deps,
        platform: platformOf(h.app.platforms, 'teams'),
        recipient: { platform: 'teams', tenant: TENANT, userId: person.aadObjectId, locale: 'en' },
        seen: () => Promise.resolve(h.posted(person).map((a) => JSON.stringify(a.activity))),
        dispose: () => h.dispose(),
      };
    },
  ],
  [
    'web',
    async () => {
      const h = await startWebHarness();
      const person = demoPersonKey('kari-hansen');
      return {
        deps: h.app.deps,
        platform: platformOf(h.app.platforms, 'web'),
        recipient: { platform: 'web', tenant: WEB_TENANT, userId: 'kari-hansen', locale: 'en' },
        seen: async () => {
          const body = (await (await fetch(`${h.base}/web/api/chat?person=${encodeURIComponent(person)}`)).json()) as { messages: unknown[] };
          return body.messages.map((m) => JSON.stringify(m));
        },
        dispose: () => h.dispose(),
      };
    },
  ],
];

/** An open round the prompt belongs to (surfaces that redraw a prompt read its round). */
async function openRound(deps: ServiceDeps): Promise<void> {
  const at = new Date('2026-11-23T09:00:00Z');
  await deps.store.rounds.createOnce({
    _id: ROUND,
    surveyId: 'pulse',
    kind: 'pulse',
    date: '2026-11-23',
    index: 0,
    questionIds: [ENPS_QUESTION.id, PULSE_COMMENT_QUESTION.id],
    anonymity: { minGroupSize: 5, minCommentGroupSize: 5 },
    opensAt: at,
    closesAt: new Date(at.getTime() + 5 * 86_400_000),
    state: 'open',
    countsFinal: false,
    segmentParents: {},
    fannedOut: true,
  });
}

const prompt: SurveyPrompt = {
  roundId: ROUND,
  surveyKind: 'pulse',
  questions: [ENPS_QUESTION, PULSE_COMMENT_QUESTION],
  responseToken: 'contract-token-0123456789abcdef0123456789abcdef',
  binding: 'contract-binding',
  minGroupSize: 5,
  orgName: 'Acme',
};

const textOf = (key: Parameters<typeof t>[0]) => t(key).split('{')[0]?.trim() ?? '';

describe.each(surfaces)('ChatPlatform contract: %s', (_name, start) => {
  let s: Surface;
  beforeAll(async () => {
    s = await start();
    await openRound(s.deps);
  }, 120_000);
  afterAll(async () => {
    await s?.dispose();
  });

  it('finds no prompt for a round it never sent', async () => {
    expect(await s.platform.findPrompt(s.recipient, 'pulse:2020-01-06')).toBeNull();
  });

  it("sendPrompt puts one message in the person's chat with the questions in their language, and returns where it is", async () => {
    const before = (await s.seen()).length;
    const ref = await s.platform.sendPrompt(s.recipient, prompt);
    expect(ref.messageId).not.toBe('');
    const seen = await s.seen();
    expect(seen).toHaveLength(before + 1);
    const message = seen.at(-1) ?? '';
    expect(message).toContain(textOf('q.enps'));
    expect(message).toContain(prompt.responseToken);
  });

  it('markClosed turns that very prompt into a closed one, with nothing left to answer', async () => {
    const ref = await s.platform.sendPrompt(s.recipient, prompt);
    const count = (await s.seen()).length;
    await s.platform.markClosed(s.recipient, ref, 'pulse');
    const seen = await s.seen();
    expect(seen).toHaveLength(count);
    const closed = seen.at(-1) ?? '';
    expect(closed).toContain(t('ui.roundClosed'));
    expect(closed).not.toContain(textOf('q.enps'));
  });

  it('sendReminder adds one neutral nudge that says nothing of what was answered, naming the survey as HR named it', async () => {
    const before = (await s.seen()).length;
    await s.platform.sendReminder(s.recipient, { roundId: ROUND, surveyKind: 'pulse', surveyName: null, openUntil: new Date('2026-11-28T17:00:00Z') });
    const seen = await s.seen();
    expect(seen).toHaveLength(before + 1);
    expect(seen.at(-1)).toContain(textOf('reminder.text'));
    expect(seen.at(-1)).not.toMatch(/answered|svart|besvar/i);
    await s.platform.sendReminder(s.recipient, { roundId: ROUND, surveyKind: 'pulse', surveyName: 'Team health', openUntil: new Date('2026-11-28T17:00:00Z') });
    expect((await s.seen()).at(-1)).toContain('Team health');
  });

  it("sendSummary delivers the summary's title and returns where it is", async () => {
    const summary = fixedSummary();
    const text = summaryText(summary, 'en');
    const before = (await s.seen()).length;
    const ref = await s.platform.sendSummary?.(s.recipient, { summary, text, chart: null });
    expect(ref?.messageId).toBeTruthy();
    const seen = await s.seen();
    expect(seen.length).toBeGreaterThan(before);
    expect(seen.slice(before).join('\n')).toContain(text.title);
  });
});
