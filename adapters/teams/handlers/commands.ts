import type { Application } from '@microsoft/teams-ai';
import { TurnContext, type Activity } from 'botbuilder';
import { isDomainError } from '../../../src/domain/errors.js';
import { translator, type Translator } from '../../../src/domain/i18n/translate.js';
import { isHr } from '../../../src/domain/roles.js';
import { summaryText } from '../../../src/domain/summary/summary-text.js';
import { loadActor } from '../../../src/services/actors.js';
import { exitResults } from '../../../src/services/exit-results.js';
import { cancelExitSurvey, requestExitSurvey } from '../../../src/services/exit-surveys.js';
import { changeRole } from '../../../src/services/manage-roles.js';
import { replyWithin } from '../../../src/services/reply-budget.js';
import { summaryForReader } from '../../../src/services/summary-reader.js';
import { DEFAULT_SURVEY_ID, sendNow, status } from '../../../src/services/surveys.js';
import { commandWords, parseTeamsCommand, type PersonToken, type TeamsCommand } from '../command-parse.js';
import { exitResultsContent } from '../exit-results-card.js';
import { cardActivity, type AdaptiveCardJson } from '../prompt-card.js';
import { UNREACHABLE } from '../reach.js';
import { resultsCard } from '../summary-card.js';
import { actorOf, isPersonal, tenantOf, type TurnActor } from '../turn.js';
import { localeOf, teamsPersonKey, type TeamsContext } from '../teams-context.js';

async function personKeyOf(ctx: TeamsContext, tenant: string, token: PersonToken): Promise<string | null> {
  switch (token.kind) {
    case 'aad':
      return teamsPersonKey(tenant, token.aadObjectId);
    case 'email': {
      const person = await ctx.deps.store.people.byEmail(token.email);
      return person?.platform === 'teams' && person.tenant === tenant ? person._id : null;
    }
    case 'mention': {
      if (token.aadObjectId) return teamsPersonKey(tenant, token.aadObjectId);
      const member = await ctx.conversations.memberById(tenant, token.memberId);
      return member === null ? null : teamsPersonKey(tenant, member.aadObjectId);
    }
  }
}

const shown = (token: PersonToken) => (token.kind === 'mention' ? token.name : token.kind === 'email' ? token.email : token.aadObjectId);

async function statusText(ctx: TeamsContext, actor: string, t: Translator): Promise<string> {
  let s: Awaited<ReturnType<typeof status>>;
  try {
    s = await status(ctx.deps, actor);
  } catch (error) {
    if (isDomainError(error, 'NOT_AUTHORIZED')) return t('cmd.adminOnly');
    throw error;
  }
  const lines = s.open.length === 0 ? [t('cmd.status.none')] : s.open.map((r) => t('cmd.status.open', { round: r.roundId, respondents: r.respondents, invited: r.invited, closes: r.closesAt.toISOString().slice(0, 10) }));
  lines.push(...s.next.map((n) => t('cmd.status.next', { survey: n.name, date: n.date })));
  // People pulsebot could not reach are reported, never silently skipped.
  const unreachable = await ctx.deps.store.database.collections.deliveries.countDocuments({ platform: 'teams', lastError: { $regex: `^${UNREACHABLE}` }, state: { $in: ['failed', 'pending'] } });
  if (unreachable > 0) lines.push(t('teams.status.unreachable', { count: unreachable }));
  return lines.join('\n\n');
}

/** A reply: plain Teams text, or a results card with its notification line. */
type Reply = string | { readonly card: AdaptiveCardJson; readonly notification: string };

/** `results [segment]`: the caller's summary now (the weekly summary's content, no chart), as a card. */
async function resultsReply(ctx: TeamsContext, actor: string, segment: string | undefined, t: Translator): Promise<Reply> {
  const outcome = await summaryForReader(ctx.deps, actor, { ...(segment !== undefined ? { segment } : {}), ...(ctx.exitResults ? { exitResults: ctx.exitResults } : {}) });
  switch (outcome.kind) {
    case 'not-allowed':
      return t('results.notAllowed');
    case 'unknown-segment':
      return t('cmd.role.unknownSegment', { segment: outcome.segment });
    case 'none':
      return t('results.none');
    case 'summary': {
      const locale = await localeOf(ctx, actor);
      const text = summaryText(outcome.summary, locale);
      return { card: resultsCard({ ...text, cutNote: translator(locale)('teams.results.cut') }, text.title, null).card, notification: text.title };
    }
  }
}

const replyActivity = (reply: Reply) => (typeof reply === 'string' ? reply : cardActivity(reply.card, reply.notification));

/**
 * Sends to this turn's chat after the turn has ended: a proactive message, paced with the
 * prompts (a send-now's confirmation arrives while its prompts are going out, and counts
 * against the same per-tenant limit).
 */
function laterInChat(ctx: TeamsContext, context: TurnContext): (activity: Partial<Activity> | string) => Promise<void> {
  const reference = TurnContext.getConversationReference(context.activity);
  const tenant = tenantOf(ctx, context);
  const conversation = context.activity.conversation.id;
  return (activity) => ctx.pacer.send(tenant, conversation, () => ctx.adapter.continueConversationAsync(ctx.appId, reference, async (later) => void (await later.sendActivity(activity))));
}

/** Sends a reply that took longer than the turn (see replyWithin), once the turn's own reply is posted. */
function followUp(ctx: TeamsContext, context: TurnContext, later: Promise<Reply>): void {
  const send = laterInChat(ctx, context);
  later
    .then((reply) => send(replyActivity(reply)))
    .catch((error: unknown) => ctx.deps.logger.warn({ err: error, adapter: 'teams' }, 'could not send results after the turn'));
}

/** `results exit`: pooled exit-survey results, for HR and admins only. */
async function exitResultsReply(ctx: TeamsContext, actor: string, t: Translator): Promise<Reply> {
  if (!isHr(await loadActor(ctx.deps, actor))) return t('hr.results.notAllowed');
  const content = exitResultsContent(await exitResults(ctx.deps), await localeOf(ctx, actor));
  return { card: resultsCard(content, content.title, null).card, notification: content.title };
}

async function exitText(ctx: TeamsContext, actor: TurnActor, command: Extract<TeamsCommand, { kind: 'exit' | 'exit-cancel' }>, t: Translator): Promise<string> {
  const name = shown(command.person);
  const target = await personKeyOf(ctx, actor.tenant, command.person);
  if (target === null) return t('cmd.unknownPerson', { person: name });
  try {
    if (command.kind === 'exit-cancel') {
      const outcome = await cancelExitSurvey(ctx.deps, actor.key, target);
      if (outcome === 'withdrawn') ctx.deliverSoon();
      return t(outcome === 'cancelled' ? 'exit.cmd.cancelled' : outcome === 'withdrawn' ? 'hr.exit.withdrawn' : 'hr.exit.nothingToCancel', { person: name });
    }
    const outcome = await requestExitSurvey(ctx.deps, actor.key, { target, ...(command.date ? { date: command.date } : {}), ...(command.locale ? { locale: command.locale } : {}) });
    if (outcome.status === 'exists') return t('teams.exit.exists', { person: name, date: outcome.request.sendDate });
    const zone = (await ctx.deps.store.people.get(target))?.timezone ?? ctx.deps.settings.defaultTimezone;
    ctx.deliverSoon();
    return t('exit.cmd.scheduled', { person: name, date: outcome.request.sendDate, zone });
  } catch (error) {
    if (isDomainError(error, 'NOT_AUTHORIZED')) return t('cmd.notAuthorized');
    if (isDomainError(error, 'UNKNOWN_PERSON')) return t('cmd.unknownPerson', { person: name });
    if (isDomainError(error, 'INVALID_INPUT') && command.kind === 'exit') return t('exit.cmd.badDate', { date: command.date ?? '' });
    throw error;
  }
}

async function roleText(ctx: TeamsContext, actor: TurnActor, command: Extract<TeamsCommand, { kind: 'role' }>, t: Translator): Promise<string> {
  const name = shown(command.person);
  const target = await personKeyOf(ctx, actor.tenant, command.person);
  if (target === null) return t('cmd.unknownPerson', { person: name });
  try {
    await changeRole(ctx.deps, actor.key, { action: command.action, target, role: command.role, ...(command.segment ? { segment: command.segment } : {}) });
  } catch (error) {
    if (isDomainError(error, 'NOT_AUTHORIZED')) return t('cmd.adminOnly');
    if (isDomainError(error, 'UNKNOWN_PERSON')) return t('cmd.unknownPerson', { person: name });
    if (isDomainError(error, 'UNKNOWN_SEGMENT')) return t('cmd.role.unknownSegment', { segment: command.segment ?? '' });
    throw error;
  }
  const segment = command.segment ? ` (${command.segment})` : '';
  return t(command.action === 'add' ? 'cmd.role.added' : 'cmd.role.removed', { person: name, role: command.role, segment });
}

/** Starts a round; the directory may be large, so the turn ends first and the result follows. */
function startRound(ctx: TeamsContext, context: TurnContext, actor: string, survey: string | undefined, t: Translator): void {
  const reply = laterInChat(ctx, context);
  void (async () => {
    let text: string;
    try {
      const round = await sendNow(ctx.deps, actor, survey ?? DEFAULT_SURVEY_ID, ctx.deliverSoon);
      ctx.deliverSoon();
      const invited = (await ctx.deps.store.counters.roundTotals(round._id)).invited;
      const name = (await ctx.deps.store.rounds.survey(round.surveyId))?.definition.name ?? round.surveyId;
      text = t('cmd.sendNow.started', { survey: name, invited });
    } catch (error) {
      if (isDomainError(error, 'NOT_AUTHORIZED')) text = t('cmd.adminOnly');
      else if (isDomainError(error, 'UNKNOWN_SURVEY')) text = t('cmd.sendNow.unknownSurvey', { survey: survey ?? DEFAULT_SURVEY_ID });
      else {
        ctx.deps.logger.error({ err: error, adapter: 'teams' }, 'send-now failed');
        text = t('ui.error');
      }
    }
    await reply(text);
  })().catch((error: unknown) => ctx.deps.logger.warn({ err: error, adapter: 'teams' }, 'could not report a send-now result'));
}

export function registerCommandHandlers(app: Application, ctx: TeamsContext): void {
  app.activity('message', async (context) => {
    if (!context.activity.text) return;
    const actor = actorOf(ctx, context);
    const t = translator(await localeOf(ctx, actor.key, context.activity.locale));
    const { words, mentions } = commandWords(context);
    const command = parseTeamsCommand(words, mentions);
    // In a team channel everyone would see the answer: only help is given there.
    if (!isPersonal(context)) {
      await context.sendActivity(command.kind === 'help' ? t('teams.cmd.help') : t('teams.cmd.personalOnly'));
      return;
    }
    let text: Reply;
    let later: Promise<Reply> | undefined;
    switch (command.kind) {
      case 'help':
        text = t('teams.cmd.help');
        break;
      case 'unknown':
        text = t('teams.cmd.unknown');
        break;
      case 'role-usage':
        text = t('teams.cmd.roleUsage');
        break;
      case 'exit-usage':
        text = t('teams.exit.usage');
        break;
      case 'bad-date':
        text = t('exit.cmd.badDate', { date: command.date });
        break;
      case 'status':
        text = await statusText(ctx, actor.key, t);
        break;
      case 'results':
      case 'results-exit': {
        const work = command.kind === 'results' ? resultsReply(ctx, actor.key, command.segment, t) : exitResultsReply(ctx, actor.key, t);
        ({ now: text, later } = await replyWithin(work, ctx.resultsBudgetMs, t('summary.preparing')));
        break;
      }
      case 'role':
        text = await roleText(ctx, actor, command, t);
        break;
      case 'exit':
      case 'exit-cancel':
        text = await exitText(ctx, actor, command, t);
        break;
      case 'send-now':
        startRound(ctx, context, actor.key, command.survey, t);
        return;
    }
    await context.sendActivity(replyActivity(text));
    if (later) followUp(ctx, context, later);
  });
}
