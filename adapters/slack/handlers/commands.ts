import type { App, RespondFn } from '@slack/bolt';
import type { ChatReply } from '../../../src/pulse/index.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { slackReply, slackStyle, slackTokens } from '../conversation.js';
import { localeOf, slackPersonKey, type SlackContext } from '../slack-context.js';

/** Slack wants a command answered within 3 s; past this the reply follows through response_url. */
const ACK_BUDGET_MS = 2_000;

const ephemeral = (reply: ChatReply, locale: Locale) => ({ response_type: 'ephemeral' as const, ...slackReply(reply, locale) });

/**
 * `/pulse …` and `/exit-survey …`: tokenized here, understood and answered by the shared
 * conversation (the same grammar, permissions and texts as Teams and the web chat), replied to
 * privately.
 */
export function registerCommandHandlers(app: App, ctx: SlackContext): void {
  const handle =
    (command: '/pulse' | '/exit-survey') =>
    async ({
      ack,
      command: slash,
      respond,
    }: {
      ack: (reply?: ReturnType<typeof ephemeral>) => Promise<void>;
      command: { team_id: string; user_id: string; text: string };
      respond: RespondFn;
    }) => {
      const actor = slackPersonKey(slash.team_id, slash.user_id);
      const locale = await localeOf(ctx, actor);
      const turn = await ctx.pulse.conversation.converse(ctx.pulse.conversation.parse(slackTokens(slash.team_id, slash.text, command)), {
        actor,
        locale,
        style: slackStyle,
        budgetMs: ctx.resultsBudgetMs ?? ACK_BUDGET_MS,
        dashboardUrl: (person) => ctx.dashboardUrl?.(person) ?? null,
      });
      await ack(turn.now === null ? undefined : ephemeral(turn.now, locale));
      // After the ack: a reply that missed the budget must not arrive above "on its way".
      turn.later
        ?.then((late) => respond(ephemeral(late, locale)))
        .catch((error: unknown) => ctx.pulse.logger.warn({ err: error }, 'could not send a reply through response_url'));
    };
  app.command('/pulse', handle('/pulse'));
  app.command('/exit-survey', handle('/exit-survey'));
}
