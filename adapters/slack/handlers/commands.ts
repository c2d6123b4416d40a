import type { App, RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { isDomainError } from '../../../src/domain/errors.js';
import { translator, type Translator } from '../../../src/domain/i18n/translate.js';
import { summaryText } from '../../../src/domain/summary/summary-text.js';
import { isHr, resultScope } from '../../../src/domain/roles.js';
import { loadActor } from '../../../src/services/actors.js';
import { exitResults } from '../../../src/services/exit-results.js';
import { cancelExitSurvey, requestExitSurvey } from '../../../src/services/exit-surveys.js';
import { changeRole } from '../../../src/services/manage-roles.js';
import { replyWithin, type BudgetedReply } from '../../../src/services/reply-budget.js';
import { summaryForReader } from '../../../src/services/summary-reader.js';
import { DEFAULT_SURVEY_ID, sendNow, status } from '../../../src/services/surveys.js';
import { parseExitCommand, parsePulseCommand, type PulseCommand } from '../command-parse.js';
import { exitResultsSections } from '../exit-results-text.js';
import { resultsMrkdwn } from '../results-text.js';
import { summaryBlocks } from '../summary-blocks.js';
import { localeOf, slackPersonKey, type SlackContext } from '../slack-context.js';

const mention = (userId: string) => `<@${userId}>`;

function refusal(error: unknown, t: Translator): string {
  if (isDomainError(error, 'NOT_AUTHORIZED')) return t('cmd.notAuthorized');
  throw error;
}

/** `/pulse results [segment]`: the caller's summary now, privately, as blocks with a text fallback. */
async function resultsReply(ctx: SlackContext, actor: string, segment: string | undefined, t: Translator): Promise<Reply> {
  const outcome = await summaryForReader(ctx.deps, actor, { ...(segment !== undefined ? { segment } : {}), ...(ctx.exitResults ? { exitResults: ctx.exitResults } : {}) });
  switch (outcome.kind) {
    case 'not-allowed':
      return t('results.notAllowed');
    case 'unknown-segment':
      return t('cmd.role.unknownSegment', { segment: outcome.segment });
    case 'none':
      return t('results.none');
    case 'summary': {
      const text = summaryText(outcome.summary, await localeOf(ctx, actor));
      return { text: resultsMrkdwn(text), blocks: summaryBlocks(text) };
    }
  }
}

type Reply = string | { readonly text: string; readonly blocks: KnownBlock[] };

/** Slack wants the command answered within 3 s; past this the reply follows through response_url. */
const ACK_BUDGET_MS = 2_000;

const ephemeral = (reply: Reply) => (typeof reply === 'string' ? { response_type: 'ephemeral' as const, text: reply } : { response_type: 'ephemeral' as const, ...reply });

async function pulse(ctx: SlackContext, actor: string, command: PulseCommand, t: Translator, respond: RespondFn): Promise<Reply | BudgetedReply<Reply> | null> {
  const { deps } = ctx;
  switch (command.kind) {
    case 'help':
      return `${t('cmd.help')}\n${t('hr.help')}\n${t('web.help.slack')}`;
    case 'dashboard': {
      const scope = resultScope(await loadActor(deps, actor));
      if (scope !== 'all' && scope.length === 0) return t('results.notAllowed');
      return ctx.dashboardUrl ? t('web.dashboard.link', { url: ctx.dashboardUrl(actor) }) : t('web.dashboard.off');
    }
    case 'results-exit': {
      if (!isHr(await loadActor(deps, actor))) return t('hr.results.notAllowed');
      return exitResultsSections(await exitResults(deps), await localeOf(ctx, actor)).join('\n\n');
    }
    case 'unknown':
      return t('cmd.unknown');
    case 'role-usage':
      return t('cmd.role.usage');
    case 'status': {
      let s: Awaited<ReturnType<typeof status>>;
      try {
        s = await status(deps, actor);
      } catch (error) {
        if (isDomainError(error, 'NOT_AUTHORIZED')) return t('cmd.adminOnly');
        throw error;
      }
      const lines = s.open.length === 0 ? [t('cmd.status.none')] : s.open.map((r) => t('cmd.status.open', { round: r.roundId, respondents: r.respondents, invited: r.invited, closes: r.closesAt.toISOString().slice(0, 10) }));
      return [...lines, ...s.next.map((n) => t('cmd.status.next', { survey: n.name, date: n.date }))].join('\n');
    }
    case 'send-now': {
      // Starting a round streams the whole directory: answer Slack first, report when done.
      void (async () => {
        try {
          const round = await sendNow(deps, actor, command.survey ?? DEFAULT_SURVEY_ID, ctx.deliverSoon);
          ctx.deliverSoon();
          const invited = (await deps.store.counters.roundTotals(round._id)).invited;
          const survey = (await deps.store.rounds.survey(round.surveyId))?.definition.name ?? round.surveyId;
          await respond({ response_type: 'ephemeral', text: t('cmd.sendNow.started', { survey, invited }) });
        } catch (error) {
          const text = isDomainError(error, 'NOT_AUTHORIZED')
            ? t('cmd.adminOnly')
            : isDomainError(error, 'UNKNOWN_SURVEY')
              ? t('cmd.sendNow.unknownSurvey', { survey: command.survey ?? DEFAULT_SURVEY_ID })
              : t('ui.error');
          if (text === t('ui.error')) deps.logger.error({ err: error }, 'send-now failed');
          await respond({ response_type: 'ephemeral', text });
        }
      })().catch((error: unknown) => deps.logger.warn({ err: error }, 'could not report a send-now result (response_url expired?)'));
      return null;
    }
    case 'results':
      return replyWithin(resultsReply(ctx, actor, command.segment, t), ctx.resultsBudgetMs ?? ACK_BUDGET_MS, t('summary.preparing'));
    case 'role': {
      const teamId = actor.split(':')[1] ?? '';
      const target = slackPersonKey(teamId, command.userId);
      try {
        await changeRole(deps, actor, { action: command.action, target, role: command.role, ...(command.segment ? { segment: command.segment } : {}) });
      } catch (error) {
        if (isDomainError(error, 'NOT_AUTHORIZED')) return t('cmd.adminOnly');
        if (isDomainError(error, 'UNKNOWN_PERSON')) return t('cmd.unknownPerson', { person: mention(command.userId) });
        if (isDomainError(error, 'UNKNOWN_SEGMENT')) return t('cmd.role.unknownSegment', { segment: command.segment ?? '' });
        throw error;
      }
      const segment = command.segment ? ` (${command.segment})` : '';
      return t(command.action === 'add' ? 'cmd.role.added' : 'cmd.role.removed', { person: mention(command.userId), role: command.role, segment });
    }
  }
}

export function registerCommandHandlers(app: App, ctx: SlackContext): void {
  app.command('/pulse', async ({ ack, command, respond }) => {
    const actor = slackPersonKey(command.team_id, command.user_id);
    const t = translator(await localeOf(ctx, actor));
    const reply = await pulse(ctx, actor, parsePulseCommand(command.text), t, respond);
    if (reply === null || typeof reply === 'string' || !('now' in reply)) {
      await ack(reply === null ? undefined : ephemeral(reply));
      return;
    }
    await ack(ephemeral(reply.now));
    // After the ack: a reply that missed the budget must not arrive above "on its way".
    reply.later
      ?.then((late) => respond(ephemeral(late)))
      .catch((error: unknown) => ctx.deps.logger.warn({ err: error }, 'could not send results through response_url'));
  });

  app.command('/exit-survey', async ({ ack, command }) => {
    const actor = slackPersonKey(command.team_id, command.user_id);
    const t = translator(await localeOf(ctx, actor));
    const parsed = parseExitCommand(command.text);
    let text: string;
    try {
      if (parsed.kind === 'usage') text = t('exit.cmd.usage');
      else if (parsed.kind === 'bad-date') text = t('exit.cmd.badDate', { date: parsed.date });
      else if (parsed.kind === 'cancel') {
        const outcome = await cancelExitSurvey(ctx.deps, actor, slackPersonKey(command.team_id, parsed.userId));
        text = t(outcome === 'cancelled' ? 'exit.cmd.cancelled' : outcome === 'withdrawn' ? 'hr.exit.withdrawn' : 'hr.exit.nothingToCancel', { person: mention(parsed.userId) });
        if (outcome === 'withdrawn') ctx.deliverSoon();
      } else {
        const target = slackPersonKey(command.team_id, parsed.userId);
        const outcome = await requestExitSurvey(ctx.deps, actor, { target, ...(parsed.date ? { date: parsed.date } : {}), ...(parsed.locale ? { locale: parsed.locale } : {}) });
        const person = mention(parsed.userId);
        if (outcome.status === 'exists') text = t('exit.cmd.exists', { person, date: outcome.request.sendDate });
        else {
          const zone = (await ctx.deps.store.people.get(target))?.timezone ?? ctx.deps.settings.defaultTimezone;
          text = t('exit.cmd.scheduled', { person, date: outcome.request.sendDate, zone });
          ctx.deliverSoon();
        }
      }
    } catch (error) {
      if (isDomainError(error, 'UNKNOWN_PERSON') && parsed.kind === 'schedule') text = t('cmd.unknownPerson', { person: mention(parsed.userId) });
      else if (isDomainError(error, 'INVALID_INPUT') && parsed.kind === 'schedule') text = t('exit.cmd.badDate', { date: parsed.date ?? '' });
      else text = refusal(error, t);
    }
    await ack({ response_type: 'ephemeral', text });
  });
}
