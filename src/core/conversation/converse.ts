import { isDomainError } from '../../domain/errors.js';
import type { Locale } from '../../domain/i18n/locale.js';
import { translator, type Translator } from '../../domain/i18n/translate.js';
import { isAdmin, isHr, resultScope } from '../../domain/roles.js';
import { summaryText } from '../../domain/summary/summary-text.js';
import type { PersonKey } from '../../store/documents/identity.js';
import { loadActor } from '../../services/actors.js';
import type { ServiceDeps } from '../../services/deps.js';
import { exitResults } from '../../services/exit-results.js';
import { latestSharedResults } from '../../services/share-results.js';
import { replyGroupsOf } from '../../domain/summary-replies.js';
import { cancelExitSurvey, requestExitSurvey } from '../../services/exit-surveys.js';
import { changeRole } from '../../services/manage-roles.js';
import { replyWithin } from '../../services/reply-budget.js';
import { summaryForReader } from '../../services/summary-reader.js';
import { DEFAULT_SURVEY_ID, sendNow, status } from '../../services/surveys.js';
import type { Intent, PersonRef } from './intent.js';
import { exitReport, summaryReport, type ReportView } from './report.js';
import { pauseResumeText, surveysText } from './survey-replies.js';

/** How a surface writes what people type: `/pulse results` in Slack, **results** in Teams, results on the web. */
export interface CommandStyle {
  /** A command as people type it here (`words` never include `/pulse`). */
  command(words: string): string;
  /** What stands for a person in a usage line (`@person`, `name@company.com`). */
  readonly person: string;
  /** Between the lines of a multi-line reply. */
  readonly newline: string;
}

/** What the bot says: pulsebot's own text (commands written in the surface's style), or a report. */
export type ChatReply = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'report'; readonly report: ReportView };

export interface ConversationOptions {
  readonly actor: PersonKey;
  readonly locale: Locale;
  readonly style: CommandStyle;
  /** How long a reply may take before "on its way" is said and the reply follows (0: never wait). */
  readonly budgetMs: number;
  /** The dashboard address for a person, or null when the dashboard is not served. */
  readonly dashboardUrl: (person: PersonKey) => string | null;
}

/** A turn of the conversation: what to say at once, and what follows once that has gone out. */
export interface ConversationTurn {
  /** null: nothing now (a send-now's result follows). */
  readonly now: ChatReply | null;
  readonly later?: Promise<ChatReply>;
}

const say = (text: string): ChatReply => ({ kind: 'text', text });

/** The help, the same entries in every language and on every surface, written in the surface's style. */
export function helpText(t: Translator, style: CommandStyle): string {
  const p = style.person;
  const entries: [string, Parameters<Translator>[0]][] = [
    ['help', 'talk.help.help'],
    ['results [segment]', 'talk.help.results'],
    ['results exit', 'talk.help.resultsExit'],
    ['dashboard', 'talk.help.dashboard'],
    ['status', 'talk.help.status'],
    ['send-now [survey]', 'talk.help.sendNow'],
    ['surveys', 'talk.help.surveys'],
    ['pause <survey>', 'talk.help.pause'],
    ['resume <survey>', 'talk.help.resume'],
    [`role add|remove ${p} hr|leader [segment]`, 'talk.help.role'],
    [`exit-survey ${p} [YYYY-MM-DD] [en|nb|sv]`, 'talk.help.exit'],
    [`exit-survey cancel ${p}`, 'talk.help.exitCancel'],
  ];
  return [t('talk.help.intro'), ...entries.map(([usage, key]) => `• ${style.command(usage)}: ${t(key)}`)].join(style.newline);
}

function usage(intent: 'role' | 'exit' | 'pause' | 'resume', t: Translator, style: CommandStyle): string {
  const p = style.person;
  if (intent === 'pause' || intent === 'resume') return t('talk.usage', { usage: style.command(`${intent} <survey>`) });
  if (intent === 'role') return t('talk.usage', { usage: style.command(`role add|remove ${p} hr|leader [segment]`) });
  return t('talk.usage.either', { first: style.command(`exit-survey ${p} [YYYY-MM-DD] [en|nb|sv]`), second: style.command(`exit-survey cancel ${p}`) });
}

/** The account a person reference means, looked up in the asker's own workspace or tenant. */
async function resolve(deps: ServiceDeps, actor: PersonKey, ref: PersonRef): Promise<PersonKey | null> {
  if (ref.kind === 'account') return ref.key;
  if (ref.kind === 'unknown') return null;
  const asker = await deps.store.people.get(actor);
  if (asker === null) return null;
  return (await deps.store.people.byEmailIn(ref.email, asker.platform, asker.tenant))?._id ?? null;
}

async function statusText(deps: ServiceDeps, actor: PersonKey, t: Translator, style: CommandStyle): Promise<string> {
  let s: Awaited<ReturnType<typeof status>>;
  try {
    s = await status(deps, actor);
  } catch (error) {
    if (isDomainError(error, 'NOT_AUTHORIZED')) return t('cmd.adminOnly');
    throw error;
  }
  const lines =
    s.open.length === 0
      ? [t('cmd.status.none')]
      : s.open.map((r) =>
          t('cmd.status.open', { round: r.roundId, respondents: r.respondents, invited: r.invited, closes: r.closesAt.toISOString().slice(0, 10) }),
        );
  lines.push(...s.next.map((n) => t('cmd.status.next', { survey: n.name, date: n.date })));
  // People pulsebot could not reach are reported, never silently skipped.
  const unreachable = await deps.store.deliveries.unreachableCount();
  if (unreachable > 0) lines.push(t('teams.status.unreachable', { count: unreachable }));
  return lines.join(style.newline);
}

async function resultsReply(deps: ServiceDeps, o: ConversationOptions, segment: string | undefined, t: Translator): Promise<ChatReply> {
  const outcome = await summaryForReader(deps, o.actor, segment !== undefined ? { segment } : {});
  switch (outcome.kind) {
    case 'not-allowed':
      // Someone who leads nothing: the latest results shared back with them, if any (issue #19).
      return say((await latestSharedResults(deps, o.actor, o.locale)) ?? t('results.notAllowed'));
    case 'unknown-segment':
      return say(t('cmd.role.unknownSegment', { segment: outcome.segment }));
    case 'none':
      return say(t('results.none'));
    case 'summary':
      return { kind: 'report', report: summaryReport(summaryText(outcome.summary, o.locale), o.locale, replyGroupsOf(outcome.summary)) };
  }
}

async function exitResultsReply(deps: ServiceDeps, o: ConversationOptions, t: Translator): Promise<ChatReply> {
  if (!isHr(await loadActor(deps, o.actor))) return say(t('hr.results.notAllowed'));
  return { kind: 'report', report: exitReport(await exitResults(deps), o.locale) };
}

async function roleReply(deps: ServiceDeps, o: ConversationOptions, intent: Extract<Intent, { kind: 'role' }>, t: Translator): Promise<ChatReply> {
  const name = intent.person.shown;
  // Permission first: whether someone is in the directory is not for everyone to ask.
  if (!isAdmin(await loadActor(deps, o.actor))) return say(t('cmd.adminOnly'));
  const target = await resolve(deps, o.actor, intent.person);
  if (target === null) return say(t('cmd.unknownPerson', { person: name }));
  try {
    await changeRole(deps, o.actor, { action: intent.action, target, role: intent.role, ...(intent.segment ? { segment: intent.segment } : {}) });
  } catch (error) {
    if (isDomainError(error, 'NOT_AUTHORIZED')) return say(t('cmd.adminOnly'));
    if (isDomainError(error, 'UNKNOWN_PERSON')) return say(t('cmd.unknownPerson', { person: name }));
    if (isDomainError(error, 'UNKNOWN_SEGMENT')) return say(t('cmd.role.unknownSegment', { segment: intent.segment ?? '' }));
    throw error;
  }
  const segment = intent.segment ? ` (${intent.segment})` : '';
  return say(t(intent.action === 'add' ? 'cmd.role.added' : 'cmd.role.removed', { person: name, role: intent.role, segment }));
}

async function exitReply(
  deps: ServiceDeps,
  o: ConversationOptions,
  intent: Extract<Intent, { kind: 'exit' | 'exit-cancel' }>,
  t: Translator,
): Promise<ChatReply> {
  const person = intent.person.shown;
  // Permission first: whether someone is in the directory is not for everyone to ask.
  if (!isHr(await loadActor(deps, o.actor))) return say(t('cmd.notAuthorized'));
  const target = await resolve(deps, o.actor, intent.person);
  if (target === null) return say(t('cmd.unknownPerson', { person }));
  try {
    if (intent.kind === 'exit-cancel') {
      const outcome = await cancelExitSurvey(deps, o.actor, target);
      return say(t(outcome === 'cancelled' ? 'exit.cmd.cancelled' : outcome === 'withdrawn' ? 'hr.exit.withdrawn' : 'hr.exit.nothingToCancel', { person }));
    }
    const outcome = await requestExitSurvey(deps, o.actor, {
      target,
      ...(intent.date ? { date: intent.date } : {}),
      ...(intent.locale ? { locale: intent.locale } : {}),
    });
    if (outcome.status === 'exists')
      return say(t('talk.exit.exists', { person, date: outcome.request.sendDate, cancel: o.style.command('exit-survey cancel') }));
    const zone = (await deps.store.people.get(target))?.timezone ?? deps.settings.defaultTimezone;
    return say(t('exit.cmd.scheduled', { person, date: outcome.request.sendDate, zone }));
  } catch (error) {
    if (isDomainError(error, 'NOT_AUTHORIZED')) return say(t('cmd.notAuthorized'));
    if (isDomainError(error, 'UNKNOWN_PERSON')) return say(t('cmd.unknownPerson', { person }));
    if (isDomainError(error, 'INVALID_INPUT') && intent.kind === 'exit') return say(t('exit.cmd.badDate', { date: intent.date ?? '' }));
    throw error;
  }
}

/** Starts a round; the directory may be large, so this is said after the turn. */
async function sendNowReply(deps: ServiceDeps, o: ConversationOptions, survey: string | undefined, t: Translator): Promise<ChatReply> {
  try {
    const round = await sendNow(deps, o.actor, survey ?? DEFAULT_SURVEY_ID);
    const invited = (await deps.store.counters.roundTotals(round._id)).invited;
    const name = (await deps.store.rounds.survey(round.surveyId))?.definition.name ?? round.surveyId;
    return say(t('cmd.sendNow.started', { survey: name, invited }));
  } catch (error) {
    if (isDomainError(error, 'NOT_AUTHORIZED')) return say(t('cmd.adminOnly'));
    if (isDomainError(error, 'UNKNOWN_SURVEY')) return say(t('cmd.sendNow.unknownSurvey', { survey: survey ?? DEFAULT_SURVEY_ID }));
    if (isDomainError(error, 'SURVEY_ARCHIVED')) return say(t('talk.survey.isArchived', { survey: survey ?? DEFAULT_SURVEY_ID }));
    deps.logger.error({ err: error }, 'send-now failed');
    return say(t('ui.error'));
  }
}

async function budgeted(work: Promise<ChatReply>, o: ConversationOptions, t: Translator): Promise<ConversationTurn> {
  const { now, later } = await replyWithin(work, o.budgetMs, say(t('summary.preparing')));
  return later === undefined ? { now } : { now, later };
}

/**
 * The one executor of the conversation grammar: the same permissions, texts and results on every
 * surface. Adapters tokenize what was typed and render the replies; they decide nothing.
 */
export async function converse(deps: ServiceDeps, intent: Intent, o: ConversationOptions): Promise<ConversationTurn> {
  const t = translator(o.locale);
  switch (intent.kind) {
    case 'help':
      return { now: say(helpText(t, o.style)) };
    case 'unknown':
      return { now: say(t('talk.unknown', { help: o.style.command('help') })) };
    case 'role-usage':
      return { now: say(usage('role', t, o.style)) };
    case 'exit-usage':
      return { now: say(usage('exit', t, o.style)) };
    case 'bad-date':
      return { now: say(t('exit.cmd.badDate', { date: intent.date })) };
    case 'status':
      return { now: say(await statusText(deps, o.actor, t, o.style)) };
    case 'surveys':
      return { now: say(await surveysText(deps, o.actor, t, o.style.newline)) };
    case 'pause':
    case 'resume':
      return { now: say(await pauseResumeText(deps, o.actor, intent.kind, intent.survey, t)) };
    case 'survey-usage':
      return { now: say(usage(intent.command, t, o.style)) };
    case 'dashboard': {
      const scope = resultScope(await loadActor(deps, o.actor));
      if (scope !== 'all' && scope.length === 0) return { now: say(t('results.notAllowed')) };
      const url = o.dashboardUrl(o.actor);
      return { now: say(url === null ? t('web.dashboard.off') : t('web.dashboard.link', { url })) };
    }
    case 'results':
      return budgeted(resultsReply(deps, o, intent.segment, t), o, t);
    case 'results-exit':
      return budgeted(exitResultsReply(deps, o, t), o, t);
    case 'role':
      return { now: await roleReply(deps, o, intent, t) };
    case 'exit':
    case 'exit-cancel':
      return { now: await exitReply(deps, o, intent, t) };
    case 'send-now': {
      const later = sendNowReply(deps, o, intent.survey, t);
      later.catch(() => undefined);
      return { now: null, later };
    }
  }
}
