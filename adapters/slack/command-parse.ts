import { localeSchema, type Locale } from '../../src/domain/i18n/locale.js';

/** A user named in a command: Slack sends `<@U123|name>` when the command escapes mentions. */
export function parseMention(token: string | undefined): string | null {
  if (token === undefined) return null;
  const match = /^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$/.exec(token) ?? /^([UW][A-Z0-9]{2,})$/.exec(token);
  return match?.[1] ?? null;
}

export function words(text: string): string[] {
  return text.trim().split(/\s+/).filter((w) => w !== '');
}

export type ExitCommand =
  | { readonly kind: 'schedule'; readonly userId: string; readonly date?: string; readonly locale?: Locale }
  | { readonly kind: 'cancel'; readonly userId: string }
  | { readonly kind: 'usage' }
  | { readonly kind: 'bad-date'; readonly date: string };

/** `/exit-survey @user [YYYY-MM-DD] [en|nb|sv]` or `/exit-survey cancel @user`, in any order after the user. */
export function parseExitCommand(text: string): ExitCommand {
  const [first, ...rest] = words(text);
  if (first === 'cancel') {
    const userId = parseMention(rest[0]);
    return userId && rest.length === 1 ? { kind: 'cancel', userId } : { kind: 'usage' };
  }
  const userId = parseMention(first);
  if (userId === null) return { kind: 'usage' };
  let date: string | undefined;
  let locale: Locale | undefined;
  for (const word of rest) {
    const asLocale = localeSchema.safeParse(word.toLowerCase());
    if (asLocale.success && locale === undefined) locale = asLocale.data;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(word) && date === undefined) date = word;
    else if (/\d/.test(word)) return { kind: 'bad-date', date: word };
    else return { kind: 'usage' };
  }
  return { kind: 'schedule', userId, ...(date ? { date } : {}), ...(locale ? { locale } : {}) };
}

export type PulseCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'status' }
  | { readonly kind: 'send-now'; readonly survey?: string }
  | { readonly kind: 'results'; readonly segment?: string }
  | { readonly kind: 'results-exit' }
  | { readonly kind: 'role'; readonly action: 'add' | 'remove'; readonly userId: string; readonly role: 'hr' | 'leader'; readonly segment?: string }
  | { readonly kind: 'role-usage' }
  | { readonly kind: 'dashboard' }
  | { readonly kind: 'unknown' };

export function parsePulseCommand(text: string): PulseCommand {
  const [sub, ...args] = words(text);
  switch (sub?.toLowerCase()) {
    case undefined:
    case 'help':
      return { kind: 'help' };
    case 'status':
      return { kind: 'status' };
    case 'dashboard':
      return { kind: 'dashboard' };
    case 'send-now':
      return args[0] ? { kind: 'send-now', survey: args[0] } : { kind: 'send-now' };
    case 'results':
      if (args[0]?.toLowerCase() === 'exit' && args.length === 1) return { kind: 'results-exit' };
      return args[0] ? { kind: 'results', segment: args[0] } : { kind: 'results' };
    case 'role': {
      const [action, mention, role, segment] = args;
      const userId = parseMention(mention);
      if ((action !== 'add' && action !== 'remove') || userId === null || (role !== 'hr' && role !== 'leader') || args.length > 4) {
        return { kind: 'role-usage' };
      }
      if (action === 'add' && role === 'leader' && segment === undefined) return { kind: 'role-usage' };
      return { kind: 'role', action, userId, role, ...(segment ? { segment } : {}) };
    }
    default:
      return { kind: 'unknown' };
  }
}
