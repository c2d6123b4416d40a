import type { Locale } from '../../domain/i18n/locale.js';
import type { PersonKey } from '../../store/documents/identity.js';

/**
 * What someone typed to the bot, on any surface, once the adapter has tokenized it: words, and
 * people already turned into references (a Slack `<@U…>`, a Teams `<at>…</at>` mention, an Entra
 * object id, or an e-mail address typed as a word).
 */
export type PersonRef =
  /** An account the adapter recognised (a mention). `shown` is how the reply names them. */
  | { readonly kind: 'account'; readonly key: PersonKey; readonly shown: string }
  /** An e-mail address: found among the asker's own workspace or tenant. */
  | { readonly kind: 'email'; readonly email: string; readonly shown: string }
  /** A mention the adapter could not turn into an account. */
  | { readonly kind: 'unknown'; readonly shown: string };

export type Token = { readonly kind: 'word'; readonly text: string } | { readonly kind: 'person'; readonly person: PersonRef };

export type RoleName = 'hr' | 'leader';

/** One command of the conversation grammar, the same on every chat surface. */
export type Intent =
  | { readonly kind: 'help' }
  | { readonly kind: 'status' }
  | { readonly kind: 'dashboard' }
  | { readonly kind: 'send-now'; readonly survey?: string }
  | { readonly kind: 'surveys' }
  | { readonly kind: 'pause' | 'resume'; readonly survey: string }
  | { readonly kind: 'survey-usage'; readonly command: 'pause' | 'resume' }
  | { readonly kind: 'results'; readonly segment?: string }
  | { readonly kind: 'results-exit' }
  | { readonly kind: 'role'; readonly action: 'add' | 'remove'; readonly person: PersonRef; readonly role: RoleName; readonly segment?: string }
  | { readonly kind: 'role-usage' }
  | { readonly kind: 'exit'; readonly person: PersonRef; readonly date?: string; readonly locale?: Locale }
  | { readonly kind: 'exit-cancel'; readonly person: PersonRef }
  | { readonly kind: 'exit-usage' }
  | { readonly kind: 'bad-date'; readonly date: string }
  | { readonly kind: 'unknown' };

/** A plain word token (what most adapters' words are). */
export const word = (text: string): Token => ({ kind: 'word', text });
