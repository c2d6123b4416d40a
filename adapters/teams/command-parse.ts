import type { TurnContext } from 'botbuilder';
import { localeSchema, type Locale } from '../../src/domain/i18n/locale.js';

/** A person named in a command: a Teams @mention, an e-mail address, or an Entra object id. */
export type PersonToken =
  | { readonly kind: 'mention'; readonly memberId: string; readonly aadObjectId: string | null; readonly name: string }
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'aad'; readonly aadObjectId: string };

export type TeamsCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'status' }
  | { readonly kind: 'send-now'; readonly survey?: string }
  | { readonly kind: 'results'; readonly segment?: string }
  | { readonly kind: 'results-exit' }
  | { readonly kind: 'role'; readonly action: 'add' | 'remove'; readonly person: PersonToken; readonly role: 'hr' | 'leader'; readonly segment?: string }
  | { readonly kind: 'role-usage' }
  | { readonly kind: 'exit'; readonly person: PersonToken; readonly date?: string; readonly locale?: Locale }
  | { readonly kind: 'exit-cancel'; readonly person: PersonToken }
  | { readonly kind: 'exit-usage' }
  | { readonly kind: 'bad-date'; readonly date: string }
  | { readonly kind: 'unknown' };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MENTION_TOKEN = /^@@(\d+)$/;
/** Longer than any command: a message past this is not read as one (and nothing scans it). */
export const MAX_COMMAND_CHARS = 2_000;

/**
 * `local@domain.tld` without whitespace, in one pass over the word. (The regex it replaces
 * backtracked quadratically on a long word of dots without a final match.)
 */
export function isEmailAddress(word: string): boolean {
  if (word.length > 320) return false;
  const at = word.indexOf('@');
  if (at <= 0 || at !== word.lastIndexOf('@') || /\s/.test(word)) return false;
  const domain = word.slice(at + 1);
  const dot = domain.indexOf('.');
  return dot > 0 && domain.lastIndexOf('.') < domain.length - 1;
}

interface MentionEntity {
  readonly text: string;
  readonly mentioned: { readonly id: string; readonly name: string; readonly aadObjectId?: string };
}

/**
 * The words of a typed command, with each `<at>Name</at>` mention (which may contain spaces)
 * replaced by one `@@n` token pointing at its entity. The bot's own mention is dropped.
 */
export function commandWords(context: TurnContext): { words: string[]; mentions: MentionEntity[] } {
  const mentions: MentionEntity[] = [];
  let text = context.activity.text ?? '';
  if (text.length > MAX_COMMAND_CHARS) return { words: ['(too-long)'], mentions };
  for (const entity of context.activity.entities ?? []) {
    const m = entity as unknown as Partial<MentionEntity> & { type?: string };
    if (m.type !== 'mention' || typeof m.text !== 'string' || !m.mentioned?.id) continue;
    if (m.mentioned.id === context.activity.recipient.id) {
      text = text.replace(m.text, ' ');
      continue;
    }
    mentions.push({ text: m.text, mentioned: { id: m.mentioned.id, name: m.mentioned.name ?? '', ...(m.mentioned.aadObjectId ? { aadObjectId: m.mentioned.aadObjectId } : {}) } });
    text = text.replace(m.text, ` @@${mentions.length - 1} `);
  }
  text = text.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ');
  return { words: text.trim().split(/\s+/).filter((w) => w !== ''), mentions };
}

function person(word: string | undefined, mentions: readonly MentionEntity[]): PersonToken | null {
  if (word === undefined) return null;
  const index = MENTION_TOKEN.exec(word);
  if (index) {
    const m = mentions[Number(index[1])];
    return m ? { kind: 'mention', memberId: m.mentioned.id, aadObjectId: m.mentioned.aadObjectId ?? null, name: m.mentioned.name } : null;
  }
  if (GUID.test(word)) return { kind: 'aad', aadObjectId: word.toLowerCase() };
  if (isEmailAddress(word)) return { kind: 'email', email: word.toLowerCase() };
  return null;
}

function exitCommand(args: string[], mentions: readonly MentionEntity[]): TeamsCommand {
  const [first, ...rest] = args;
  if (first?.toLowerCase() === 'cancel') {
    const target = person(rest[0], mentions);
    return target && rest.length === 1 ? { kind: 'exit-cancel', person: target } : { kind: 'exit-usage' };
  }
  const target = person(first, mentions);
  if (target === null) return { kind: 'exit-usage' };
  let date: string | undefined;
  let locale: Locale | undefined;
  for (const word of rest) {
    const asLocale = localeSchema.safeParse(word.toLowerCase());
    if (asLocale.success && locale === undefined) locale = asLocale.data;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(word) && date === undefined) date = word;
    else if (/\d/.test(word)) return { kind: 'bad-date', date: word };
    else return { kind: 'exit-usage' };
  }
  return { kind: 'exit', person: target, ...(date ? { date } : {}), ...(locale ? { locale } : {}) };
}

/** Parses what someone typed to the bot (`/pulse` and `/exit-survey` prefixes are accepted too). */
export function parseTeamsCommand(words: readonly string[], mentions: readonly MentionEntity[]): TeamsCommand {
  let [sub, ...args] = words;
  if (sub?.toLowerCase() === '/pulse' || sub?.toLowerCase() === 'pulse') [sub, ...args] = args;
  switch (sub?.toLowerCase().replace(/^\//, '')) {
    case undefined:
    case 'help':
      return { kind: 'help' };
    case 'status':
      return { kind: 'status' };
    case 'send-now':
      return args[0] ? { kind: 'send-now', survey: args[0] } : { kind: 'send-now' };
    case 'results':
      if (args[0]?.toLowerCase() === 'exit' && args.length === 1) return { kind: 'results-exit' };
      return args[0] ? { kind: 'results', segment: args[0] } : { kind: 'results' };
    case 'exit-survey':
      return exitCommand(args, mentions);
    case 'role': {
      const [action, who, role, segment] = args;
      const target = person(who, mentions);
      if ((action !== 'add' && action !== 'remove') || target === null || (role !== 'hr' && role !== 'leader') || args.length > 4) return { kind: 'role-usage' };
      if (action === 'add' && role === 'leader' && segment === undefined) return { kind: 'role-usage' };
      return { kind: 'role', action, person: target, role, ...(segment ? { segment } : {}) };
    }
    default:
      return { kind: 'unknown' };
  }
}
