import type { TurnContext } from 'botbuilder';
import type { ChatReply, CommandStyle } from '../../src/pulse/index.js';
import type { Token } from '../../src/pulse/index.js';
import type { ReportView } from '../../src/pulse/index.js';
import { MAX_COMMAND_CHARS, wordToken } from '../../src/pulse/index.js';
import { translator } from '../../src/domain/i18n/translate.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { cardActivity, type AdaptiveCardJson } from '../cards/prompt-card.js';
import { summaryReplyForms } from '../cards/summary-replies-card.js';
import { resultsCard } from './summary-card.js';
import { teamsPersonKey, type TeamsContext } from './teams-context.js';

/**
 * Teams' side of the shared conversation: what people type becomes tokens (each `<at>…</at>`
 * mention, which may contain spaces, is one person; an Entra object id is a person of this
 * tenant), and replies become text or a results card.
 */

/** Stands for the n-th mention while the text is split into words (a character nobody types). */
const MENTION_MARK = '\u0000@';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface MentionEntity {
  readonly text: string;
  readonly mentioned: { readonly id: string; readonly name: string; readonly aadObjectId?: string };
}

/** What the tokenizer reads of a message activity. */
export interface TypedMessage {
  readonly text?: string | undefined;
  readonly entities?: readonly unknown[] | undefined;
  /** The bot's own id: its mention is dropped. */
  readonly botId: string;
}

function mentionsOf(message: TypedMessage): MentionEntity[] {
  const out: MentionEntity[] = [];
  for (const entity of message.entities ?? []) {
    const m = entity as Partial<MentionEntity> & { type?: string };
    if (m.type !== 'mention' || typeof m.text !== 'string' || !m.mentioned?.id) continue;
    out.push({
      text: m.text,
      mentioned: { id: m.mentioned.id, name: m.mentioned.name ?? '', ...(m.mentioned.aadObjectId ? { aadObjectId: m.mentioned.aadObjectId } : {}) },
    });
  }
  return out;
}

/**
 * The tokens of a typed message. `aadOf` finds the Entra object id of a mentioned member when
 * Teams did not send it (null: not a member pulsebot knows).
 */
export async function teamsTokens(message: TypedMessage, tenant: string, aadOf: (memberId: string) => Promise<string | null>): Promise<Token[]> {
  let text = message.text ?? '';
  if (text.length > MAX_COMMAND_CHARS) return [{ kind: 'word', text: '(too-long)' }];
  const people: Token[] = [];
  for (const m of mentionsOf(message)) {
    if (m.mentioned.id === message.botId) {
      text = text.replace(m.text, ' ');
      continue;
    }
    const aad = m.mentioned.aadObjectId ?? (await aadOf(m.mentioned.id));
    people.push({
      kind: 'person',
      person: aad === null ? { kind: 'unknown', shown: m.mentioned.name } : { kind: 'account', key: teamsPersonKey(tenant, aad), shown: m.mentioned.name },
    });
    text = text.replace(m.text, ` ${MENTION_MARK}${people.length - 1} `);
  }
  const words = text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  return words.map((word): Token => {
    const index = word.startsWith(MENTION_MARK) && /^\d+$/.test(word.slice(MENTION_MARK.length)) ? word.slice(MENTION_MARK.length) : undefined;
    if (index !== undefined) return people[Number(index)] ?? { kind: 'word', text: word };
    if (GUID.test(word)) return { kind: 'person', person: { kind: 'account', key: teamsPersonKey(tenant, word.toLowerCase()), shown: word } };
    return wordToken(word);
  });
}

/** The tokens of this turn's message, mentions looked up in the tenant's rosters. */
export function turnTokens(ctx: TeamsContext, context: TurnContext, tenant: string): Promise<Token[]> {
  const { text, entities, recipient } = context.activity;
  return teamsTokens(
    { text, entities, botId: recipient.id },
    tenant,
    async (memberId) => (await ctx.conversations.memberById(tenant, memberId))?.aadObjectId ?? null,
  );
}

export const teamsStyle: CommandStyle = { command: (words) => `**${words}**`, person: '@person', newline: '\n\n' };

/** A report (a summary, exit results) as a results card; comments people typed are quoted as the language does. */
export function reportCard(report: ReportView, locale: Locale): AdaptiveCardJson {
  const t = translator(locale);
  const sections = report.sections.map((s) => ({ heading: s.heading, lines: s.quotes === true ? s.lines.map((text) => t('teams.quote', { text })) : s.lines }));
  const controls = { body: [], actions: summaryReplyForms(report.replies ?? [], locale) };
  return resultsCard({ title: report.title, sections, footer: report.footer, cutNote: report.cutNote, controls }, report.title, null).card;
}

/** A reply as an activity: plain text, or a results card with its notification line. */
export function teamsReply(reply: ChatReply, locale: Locale): string | ReturnType<typeof cardActivity> {
  if (reply.kind === 'text') return reply.text;
  return cardActivity(reportCard(reply.report, locale), reply.report.title);
}
