import { localeSchema, type Locale } from '../../domain/i18n/locale.js';
import type { Intent, PersonRef, Token } from './intent.js';

/**
 * The one grammar of pulsebot's conversation, for Slack, Teams and the web chat alike:
 *
 *   help | status | dashboard | send-now [survey] | results [segment] | results exit
 *   surveys | pause <survey> | resume <survey>
 *   role add|remove <person> hr|leader [segment]
 *   exit-survey <person> [YYYY-MM-DD] [en|nb|sv] | exit-survey cancel <person>
 *
 * A leading `pulse` or `/pulse`, and a `/` before the command, are accepted (people type what
 * they know from Slack everywhere). Command words are matched ignoring case.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = (token: Token | undefined): string | undefined => (token?.kind === 'word' ? token.text : undefined);
const lower = (token: Token | undefined): string | undefined => text(token)?.toLowerCase();
const person = (token: Token | undefined): PersonRef | null => (token?.kind === 'person' ? token.person : null);

function exitIntent(args: readonly Token[]): Intent {
  const [first, ...rest] = args;
  if (lower(first) === 'cancel') {
    const target = person(rest[0]);
    return target !== null && rest.length === 1 ? { kind: 'exit-cancel', person: target } : { kind: 'exit-usage' };
  }
  const target = person(first);
  if (target === null) return { kind: 'exit-usage' };
  let date: string | undefined;
  let locale: Locale | undefined;
  for (const token of rest) {
    const value = text(token);
    if (value === undefined) return { kind: 'exit-usage' };
    const asLocale = localeSchema.safeParse(value.toLowerCase());
    if (asLocale.success && locale === undefined) locale = asLocale.data;
    else if (ISO_DATE.test(value) && date === undefined) date = value;
    else if (/\d/.test(value)) return { kind: 'bad-date', date: value };
    else return { kind: 'exit-usage' };
  }
  return { kind: 'exit', person: target, ...(date ? { date } : {}), ...(locale ? { locale } : {}) };
}

function roleIntent(args: readonly Token[]): Intent {
  const [action, who, role, segment, ...extra] = args;
  const act = lower(action);
  const name = lower(role);
  const target = person(who);
  if ((act !== 'add' && act !== 'remove') || target === null || (name !== 'hr' && name !== 'leader') || extra.length > 0) return { kind: 'role-usage' };
  const segmentText = segment === undefined ? undefined : text(segment);
  if (segment !== undefined && segmentText === undefined) return { kind: 'role-usage' };
  if (act === 'add' && name === 'leader' && segmentText === undefined) return { kind: 'role-usage' };
  return { kind: 'role', action: act, person: target, role: name, ...(segmentText ? { segment: segmentText } : {}) };
}

export function parseIntent(tokens: readonly Token[]): Intent {
  let [head, ...args] = tokens;
  if (lower(head) === '/pulse' || lower(head) === 'pulse') [head, ...args] = args;
  if (head !== undefined && head.kind !== 'word') return { kind: 'unknown' };
  const first = args[0];
  const name = lower(head)?.replace(/^\//, '');
  switch (name) {
    case undefined:
    case 'help':
      return { kind: 'help' };
    case 'status':
      return { kind: 'status' };
    case 'dashboard':
      return { kind: 'dashboard' };
    case 'send-now':
      return text(first) !== undefined ? { kind: 'send-now', survey: text(first) as string } : { kind: 'send-now' };
    case 'surveys':
      return args.length === 0 ? { kind: 'surveys' } : { kind: 'unknown' };
    case 'pause':
    case 'resume': {
      const command = name === 'pause' ? 'pause' : 'resume';
      const survey = text(first);
      return survey !== undefined && args.length === 1 ? { kind: command, survey } : { kind: 'survey-usage', command };
    }
    case 'results':
      if (lower(first) === 'exit' && args.length === 1) return { kind: 'results-exit' };
      return text(first) !== undefined ? { kind: 'results', segment: text(first) as string } : { kind: 'results' };
    case 'role':
      return roleIntent(args);
    case 'exit-survey':
      return exitIntent(args);
    default:
      return { kind: 'unknown' };
  }
}
