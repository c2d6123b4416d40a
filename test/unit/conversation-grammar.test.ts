import { describe, expect, it } from 'vitest';
import { slackStyle, slackTokens } from '../../adapters/slack/conversation.js';
import { teamsStyle, teamsTokens, type TypedMessage } from '../../adapters/teams/conversation.js';
import { webStyle, webTokens } from '../../adapters/web/web-commands.js';
import { helpText } from '../../src/core/conversation/converse.js';
import { parseIntent } from '../../src/core/conversation/grammar.js';
import { translator } from '../../src/domain/i18n/translate.js';

// One grammar for Slack, Teams and the web chat (issue #16): each surface only tokenizes.
const slack = (text: string, command: '/pulse' | '/exit-survey' = '/pulse') => parseIntent(slackTokens('T1', text, command));
const teams = async (message: Omit<TypedMessage, 'botId'>, aadOf: (memberId: string) => Promise<string | null> = () => Promise.resolve(null)) =>
  parseIntent(await teamsTokens({ ...message, botId: '28:bot' }, 'tenant-a', aadOf));
const web = (text: string) => parseIntent(webTokens(text));
const mention = (name: string, id: string, aadObjectId?: string) => ({
  type: 'mention',
  text: `<at>${name}</at>`,
  mentioned: { id, name, ...(aadObjectId ? { aadObjectId } : {}) },
});

describe('the conversation grammar, on every surface', () => {
  it('reads the commands that take no person the same way on Slack, Teams and the web', async () => {
    for (const text of [
      '',
      'help',
      'status',
      'dashboard',
      'send-now',
      'send-now onboarding',
      'results',
      'results exit',
      'RESULTS Exit',
      'results sales',
      '/pulse results sales',
      'frobnicate',
      'role',
      'exit-survey',
      'surveys',
      'pause team-health',
      'RESUME team-health',
      'pause',
    ]) {
      const fromWeb = web(text);
      expect(slack(text), text).toEqual(fromWeb);
      expect(await teams({ text }), text).toEqual(fromWeb);
    }
    expect(web('results exit')).toEqual({ kind: 'results-exit' });
    expect(web('/pulse results engineering')).toEqual({ kind: 'results', segment: 'engineering' });
    expect(web('send-now onboarding')).toEqual({ kind: 'send-now', survey: 'onboarding' });
    expect(web('')).toEqual({ kind: 'help' });
    expect(web('dance')).toEqual({ kind: 'unknown' });
    expect(web('surveys')).toEqual({ kind: 'surveys' });
    expect(web('/pause team-health')).toEqual({ kind: 'pause', survey: 'team-health' });
    expect(web('resume team-health')).toEqual({ kind: 'resume', survey: 'team-health' });
    expect(web('resume')).toEqual({ kind: 'survey-usage', command: 'resume' });
    expect(web('pause a b')).toEqual({ kind: 'survey-usage', command: 'pause' });
  });

  it('Slack: a <@U…> mention is a person of the workspace; /exit-survey is its own command', () => {
    expect(slack('role add <@U0004|ana> leader sales')).toEqual({
      kind: 'role',
      action: 'add',
      person: { kind: 'account', key: 'slack:T1:U0004', shown: '<@U0004>' },
      role: 'leader',
      segment: 'sales',
    });
    expect(slack('role add <@U0004> leader')).toEqual({ kind: 'role-usage' });
    expect(slack('<@U0003> 2026-12-01 nb', '/exit-survey')).toEqual({
      kind: 'exit',
      person: { kind: 'account', key: 'slack:T1:U0003', shown: '<@U0003>' },
      date: '2026-12-01',
      locale: 'nb',
    });
    expect(slack('cancel <@U0003>', '/exit-survey')).toEqual({ kind: 'exit-cancel', person: { kind: 'account', key: 'slack:T1:U0003', shown: '<@U0003>' } });
    expect(slack('<@U0003> 1.12', '/exit-survey')).toEqual({ kind: 'bad-date', date: '1.12' });
    expect(slack('', '/exit-survey')).toEqual({ kind: 'exit-usage' });
  });

  it("Teams: a mention (which may hold spaces) is one person; the bot's own mention is dropped; Entra ids and e-mails name people", async () => {
    const ana = mention('Ana Lima', '29:ana', 'aad-ana');
    expect(await teams({ text: '<at>pulsebot</at> role add <at>Ana Lima</at> leader sales', entities: [mention('pulsebot', '28:bot'), ana] })).toEqual({
      kind: 'role',
      action: 'add',
      person: { kind: 'account', key: 'teams:tenant-a:aad-ana', shown: 'Ana Lima' },
      role: 'leader',
      segment: 'sales',
    });
    // A mention without its Entra id is looked up; one nobody knows is an unknown person.
    const lookedUp = await teams({ text: 'exit-survey <at>Bo</at> 2026-12-01', entities: [mention('Bo', '29:bo')] }, (id) =>
      Promise.resolve(id === '29:bo' ? 'aad-bo' : null),
    );
    expect(lookedUp).toEqual({ kind: 'exit', person: { kind: 'account', key: 'teams:tenant-a:aad-bo', shown: 'Bo' }, date: '2026-12-01' });
    expect(await teams({ text: 'exit-survey cancel <at>Cy</at>', entities: [mention('Cy', '29:cy')] })).toEqual({
      kind: 'exit-cancel',
      person: { kind: 'unknown', shown: 'Cy' },
    });
    const guid = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(await teams({ text: `exit-survey ${guid.toUpperCase()}` })).toMatchObject({
      kind: 'exit',
      person: { kind: 'account', key: `teams:tenant-a:${guid}` },
    });
    expect(await teams({ text: 'exit-survey Kari@Example.no sv' })).toEqual({
      kind: 'exit',
      person: { kind: 'email', email: 'kari@example.no', shown: 'kari@example.no' },
      locale: 'sv',
    });
  });

  it('the web chat: an e-mail address names a person', () => {
    expect(web('exit-survey Ada@Example.com 2026-12-01 nb')).toEqual({
      kind: 'exit',
      person: { kind: 'email', email: 'ada@example.com', shown: 'ada@example.com' },
      date: '2026-12-01',
      locale: 'nb',
    });
    expect(web('exit-survey cancel ada@example.com')).toEqual({
      kind: 'exit-cancel',
      person: { kind: 'email', email: 'ada@example.com', shown: 'ada@example.com' },
    });
    expect(web('exit-survey ada')).toEqual({ kind: 'exit-usage' });
    expect(web('exit-survey ada@example.com 1.12')).toEqual({ kind: 'bad-date', date: '1.12' });
    expect(web('role add ada@example.com hr')).toMatchObject({ kind: 'role', role: 'hr', person: { kind: 'email', email: 'ada@example.com' } });
  });

  it('reads e-mail addresses in one pass: a long hostile word is refused at once', async () => {
    // A quadratic pattern took minutes on this word.
    const hostile = `a@${'a.'.repeat(60_000)}@`;
    expect(web(`exit-survey ${hostile.slice(0, 1_900)}`)).toEqual({ kind: 'exit-usage' });
    expect(await teams({ text: `exit-survey ${hostile}` })).toEqual({ kind: 'unknown' });
  });

  it('one help text per language, with each surface writing commands its own way', () => {
    for (const locale of ['en', 'nb', 'sv'] as const) {
      const t = translator(locale);
      const [slackHelp, teamsHelp, webHelp] = [slackStyle, teamsStyle, webStyle].map((style) => helpText(t, style));
      expect(slackHelp?.startsWith(t('talk.help.intro'))).toBe(true);
      expect(slackHelp).toContain(`\`/pulse results [segment]\`: ${t('talk.help.results')}`);
      expect(slackHelp).toContain('`/exit-survey cancel @person`');
      expect(teamsHelp).toContain(`**dashboard**: ${t('talk.help.dashboard')}`);
      expect(webHelp).toContain(`exit-survey name@company.com [YYYY-MM-DD] [en|nb|sv]: ${t('talk.help.exit')}`);
      // The same entries everywhere: strip each surface's markup and they are one text.
      const plain = (text: string | undefined) =>
        text
          ?.replace(/`\/(pulse )?|`|\*\*/g, '')
          .replace(/\n+/g, '\n')
          .replace(/@person|name@company\.com/g, '<person>');
      expect(plain(slackHelp)).toBe(plain(webHelp));
      expect(plain(teamsHelp)).toBe(plain(webHelp));
    }
  });
});
