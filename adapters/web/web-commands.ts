import { isDomainError } from '../../src/domain/errors.js';
import { localeSchema, type Locale } from '../../src/domain/i18n/locale.js';
import { translator, type Translator } from '../../src/domain/i18n/translate.js';
import { isHr, resultScope } from '../../src/domain/roles.js';
import { loadActor } from '../../src/services/actors.js';
import { exitResults } from '../../src/services/exit-results.js';
import { cancelExitSurvey, requestExitSurvey } from '../../src/services/exit-surveys.js';
import { roundResults } from '../../src/services/results.js';
import { DEFAULT_SURVEY_ID, sendNow, status } from '../../src/services/surveys.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { exitResultsSections } from '../slack/exit-results-text.js';
import { resultsSections } from '../slack/results-text.js';

export type WebCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'status' }
  | { readonly kind: 'send-now' }
  | { readonly kind: 'results'; readonly segment?: string }
  | { readonly kind: 'results-exit' }
  | { readonly kind: 'exit'; readonly email: string; readonly date?: string; readonly locale?: Locale }
  | { readonly kind: 'exit-cancel'; readonly email: string }
  | { readonly kind: 'exit-usage' }
  | { readonly kind: 'bad-date'; readonly date: string }
  | { readonly kind: 'dashboard' }
  | { readonly kind: 'unknown' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function exitCommand(args: readonly string[]): WebCommand {
  const [first, ...rest] = args;
  if (first?.toLowerCase() === 'cancel') return rest.length === 1 && EMAIL.test(rest[0] ?? '') ? { kind: 'exit-cancel', email: (rest[0] ?? '').toLowerCase() } : { kind: 'exit-usage' };
  if (first === undefined || !EMAIL.test(first)) return { kind: 'exit-usage' };
  let date: string | undefined;
  let locale: Locale | undefined;
  for (const word of rest) {
    const asLocale = localeSchema.safeParse(word.toLowerCase());
    if (asLocale.success && locale === undefined) locale = asLocale.data;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(word) && date === undefined) date = word;
    else if (/\d/.test(word)) return { kind: 'bad-date', date: word };
    else return { kind: 'exit-usage' };
  }
  return { kind: 'exit', email: first.toLowerCase(), ...(date ? { date } : {}), ...(locale ? { locale } : {}) };
}

/** What someone typed in the web chat (`/pulse` and `/` prefixes accepted, as in Slack and Teams). */
export function parseWebCommand(text: string): WebCommand {
  let [sub, ...args] = text.trim().split(/\s+/).filter((w) => w !== '');
  if (sub?.toLowerCase() === '/pulse' || sub?.toLowerCase() === 'pulse') [sub, ...args] = args;
  switch (sub?.toLowerCase().replace(/^\//, '')) {
    case undefined:
    case 'help':
      return { kind: 'help' };
    case 'status':
      return { kind: 'status' };
    case 'send-now':
      return { kind: 'send-now' };
    case 'dashboard':
      return { kind: 'dashboard' };
    case 'results':
      if (args[0]?.toLowerCase() === 'exit' && args.length === 1) return { kind: 'results-exit' };
      return args[0] ? { kind: 'results', segment: args[0] } : { kind: 'results' };
    case 'exit-survey':
      return exitCommand(args);
    default:
      return { kind: 'unknown' };
  }
}

/** Slack-flavoured `*bold*` as plain text for the web chat. */
const plain = (text: string) => text.replace(/\*([^*\n]+)\*/g, '$1');

export interface WebCommandContext {
  readonly deps: ServiceDeps;
  readonly deliverSoon: () => void;
  /** The dashboard address for `person`, or null when the dashboard is not served. */
  readonly dashboardUrl: (person: string) => string | null;
}

async function resultsText(ctx: WebCommandContext, actor: string, segment: string | undefined, locale: Locale, t: Translator): Promise<string> {
  const { deps } = ctx;
  const scope = resultScope(await loadActor(deps, actor));
  if (scope !== 'all' && scope.length === 0) return t('results.notAllowed');
  const tree = await deps.store.segments.tree();
  let asked: 'all' | readonly string[] = scope;
  if (segment !== undefined) {
    const allowed = scope === 'all' || scope.some((root) => tree.subtree(root).includes(segment));
    if (!tree.has(segment) || !allowed) return t('cmd.role.unknownSegment', { segment });
    asked = [segment];
  }
  const survey = (await deps.store.rounds.survey(DEFAULT_SURVEY_ID))?.definition;
  const results = await roundResults(deps, DEFAULT_SURVEY_ID, asked);
  return plain(resultsSections(results, survey?.name ?? DEFAULT_SURVEY_ID, locale, survey?.anonymity.minGroupSize ?? deps.settings.anonymity.minGroupSize).join('\n\n'));
}

async function exitText(ctx: WebCommandContext, actor: string, command: Extract<WebCommand, { kind: 'exit' | 'exit-cancel' }>, t: Translator): Promise<string> {
  const { deps } = ctx;
  const person = command.email;
  const target = await deps.store.people.byEmail(command.email);
  if (target === null) return t('cmd.unknownPerson', { person });
  try {
    if (command.kind === 'exit-cancel') {
      const outcome = await cancelExitSurvey(deps, actor, target._id);
      if (outcome === 'withdrawn') ctx.deliverSoon();
      return t(outcome === 'cancelled' ? 'exit.cmd.cancelled' : outcome === 'withdrawn' ? 'hr.exit.withdrawn' : 'hr.exit.nothingToCancel', { person });
    }
    const outcome = await requestExitSurvey(deps, actor, { target: target._id, ...(command.date ? { date: command.date } : {}), ...(command.locale ? { locale: command.locale } : {}) });
    if (outcome.status === 'exists') return t('web.exit.exists', { person, date: outcome.request.sendDate });
    ctx.deliverSoon();
    return t('exit.cmd.scheduled', { person, date: outcome.request.sendDate, zone: target.timezone ?? deps.settings.defaultTimezone });
  } catch (error) {
    if (isDomainError(error, 'NOT_AUTHORIZED')) return t('cmd.notAuthorized');
    if (isDomainError(error, 'UNKNOWN_PERSON')) return t('cmd.unknownPerson', { person });
    if (isDomainError(error, 'INVALID_INPUT') && command.kind === 'exit') return t('exit.cmd.badDate', { date: command.date ?? '' });
    throw error;
  }
}

async function statusText(ctx: WebCommandContext, actor: string, t: Translator): Promise<string> {
  try {
    const s = await status(ctx.deps, actor);
    const lines = s.open.length === 0 ? [t('cmd.status.none')] : s.open.map((r) => t('cmd.status.open', { round: r.roundId, respondents: r.respondents, invited: r.invited, closes: r.closesAt.toISOString().slice(0, 10) }));
    return [...lines, ...s.next.map((n) => t('cmd.status.next', { survey: n.name, date: n.date }))].join('\n');
  } catch (error) {
    if (isDomainError(error, 'NOT_AUTHORIZED')) return t('cmd.adminOnly');
    throw error;
  }
}

async function sendNowText(ctx: WebCommandContext, actor: string, t: Translator): Promise<string> {
  try {
    const round = await sendNow(ctx.deps, actor, DEFAULT_SURVEY_ID);
    ctx.deliverSoon();
    const invited = (await ctx.deps.store.counters.roundTotals(round._id)).invited;
    const survey = (await ctx.deps.store.rounds.survey(round.surveyId))?.definition.name ?? round.surveyId;
    return t('cmd.sendNow.started', { survey, invited });
  } catch (error) {
    if (isDomainError(error, 'NOT_AUTHORIZED')) return t('cmd.adminOnly');
    throw error;
  }
}

/** The bot's reply to one typed command from `actor` (a person key). */
export async function replyTo(ctx: WebCommandContext, actor: string, locale: Locale, text: string): Promise<string> {
  const t = translator(locale);
  const command = parseWebCommand(text);
  switch (command.kind) {
    case 'help':
      return t('web.cmd.help');
    case 'unknown':
      return t('web.cmd.unknown');
    case 'exit-usage':
      return t('web.exit.usage');
    case 'bad-date':
      return t('exit.cmd.badDate', { date: command.date });
    case 'status':
      return statusText(ctx, actor, t);
    case 'send-now':
      return sendNowText(ctx, actor, t);
    case 'results':
      return resultsText(ctx, actor, command.segment, locale, t);
    case 'results-exit':
      if (!isHr(await loadActor(ctx.deps, actor))) return t('hr.results.notAllowed');
      return plain(exitResultsSections(await exitResults(ctx.deps), locale).join('\n\n'));
    case 'exit':
    case 'exit-cancel':
      return exitText(ctx, actor, command, t);
    case 'dashboard': {
      if (resultScope(await loadActor(ctx.deps, actor)) !== 'all' && resultScope(await loadActor(ctx.deps, actor)).length === 0) return t('results.notAllowed');
      const url = ctx.dashboardUrl(actor);
      return url === null ? t('web.dashboard.off') : t('web.dashboard.link', { url });
    }
  }
}
