import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { isDomainError } from '../../../src/domain/errors.js';
import type { MessageKey } from '../../../src/domain/i18n/en.js';
import { t } from '../../../src/domain/i18n/translate.js';
import type { RawAnswer } from '../../../src/domain/answer.js';
import { asksFollowUp, followUpParent } from '../../../src/domain/question.js';
import type { AnswerOutcome } from '../../../src/pulse/index.js';
import { ACTIONS, decodeActionValue, type ActionValue } from '../action-value.js';
import { LatestOnly } from '../latest-only.js';
import { afterAnswer, type FollowUpState } from '../../../src/domain/follow-up-state.js';
import { followUpsIn, messageBlocksSchema } from '../follow-ups.js';
import { promptNow } from '../prompt-refresh.js';
import { shownAnswered } from '../prompt-state.js';
import { redraw } from '../redraw.js';
import { slackPersonKey, type SlackContext } from '../slack-context.js';

/** The fields of a block_actions payload the answer path reads, checked. */
const clickSchema = z.object({
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  team: z
    .object({ id: z.string().min(1) })
    .nullable()
    .optional(),
  container: z.object({ channel_id: z.string().min(1), message_ts: z.string().min(1) }),
  response_url: z.string().url().optional().catch(undefined),
  message: z.object({ blocks: messageBlocksSchema.optional() }).loose().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional(), selected_option: z.object({ value: z.string() }).optional() })).min(1),
  state: z
    .object({ values: z.record(z.string(), z.record(z.string(), z.object({ selected_options: z.array(z.object({ value: z.string() })).optional() }))) })
    .optional(),
});
type Click = z.infer<typeof clickSchema>;

const MESSAGE_FOR: Partial<Record<string, MessageKey>> = {
  ROUND_CLOSED: 'ui.roundClosed',
  ROUND_NOT_FOUND: 'ui.roundClosed',
  INVALID_ANSWER: 'answer.invalid',
  UNKNOWN_QUESTION: 'answer.invalid',
  NOT_INVITED: 'answer.notInvited',
};

/** Per adapter: prompt refreshes in flight, by message. */
const refreshes = new WeakMap<SlackContext, LatestOnly>();

function refreshesOf(ctx: SlackContext): LatestOnly {
  let latest = refreshes.get(ctx);
  if (latest === undefined) {
    latest = new LatestOnly();
    refreshes.set(ctx, latest);
  }
  return latest;
}

export interface Answered {
  readonly person: string;
  readonly userId: string;
  readonly channel: string;
  readonly ts: string;
  readonly value: ActionValue;
  /** The follow-ups the clicked message shows (read from it; never stored). */
  readonly followUps: FollowUpState;
  /** The questions the clicked message shows answered, when the click carried it (the ledger is read otherwise). */
  readonly shownAnswered?: ReadonlySet<string> | null;
  /** Where the click's message is redrawn (see redraw.ts); chat.update without one. */
  readonly responseUrl?: string | undefined;
}

/**
 * Records an answer, then refreshes the prompt and says anything the person should know. The
 * answer is written before Slack gets its 200, so a click Slack shows as done is stored; the
 * message update comes after, off the 3-second path, one at a time per message (latest-only.ts).
 *
 * The redrawn prompt shows answered what the clicked message showed answered plus what this
 * process knows was answered (the click itself included), so a click costs no ledger reads. A
 * click handled by another instance within the same moment may then be drawn unanswered until
 * the next redraw; clicking it again says it was already answered and draws it so. Nothing of
 * that is stored or lost: it is the picture only.
 */
export async function answerAndRefresh(
  ctx: SlackContext,
  client: WebClient,
  answered: Answered,
  raw: RawAnswer,
  ack: () => Promise<void>,
): Promise<AnswerOutcome | null> {
  const { person, channel, ts, value } = answered;
  const started = performance.now();
  let note: MessageKey | null = null;
  /** The click changed nothing and the message is left as it is (shed, or not this person's prompt). */
  let unchanged: boolean;
  let outcome: AnswerOutcome | null = null;
  try {
    outcome = await ctx.pulse.prompts.answer({
      roundId: value.r,
      person,
      responseToken: value.t,
      ...(value.g === undefined ? {} : { binding: value.g }),
      questionId: value.q,
      raw,
    });
    if (outcome === 'already-answered') note = 'answer.already';
    unchanged = outcome === 'busy';
    if (unchanged) note = 'answer.busy';
  } catch (error) {
    if (!isDomainError(error)) throw error;
    note = MESSAGE_FOR[error.code] ?? 'answer.invalid';
    // Not this person's prompt: nothing of it is theirs to redraw.
    unchanged = error.code === 'NOT_INVITED';
  }
  await ack();
  ctx.pulse.metrics?.answerAcknowledged('slack', (performance.now() - started) / 1000);
  // After the ack, off Slack's 3 seconds: only the click that stored a low answer opens its
  // follow-up (a later click's value may not be the one stored).
  const opens = outcome === 'recorded' && asksFollowUp(await ctx.pulse.prompts.question(value.r, value.q), raw);
  const followUps = afterAnswer(answered.followUps, value.q, opens, outcome !== null && outcome !== 'busy' && followUpParent(value.q) !== null);
  const locale = await ctx.pulse.prompts.locale(value.r, person);
  // A shed or refused click changed nothing: the prompt stays as it is, and the note says why.
  if (!unchanged)
    await refreshesOf(ctx).run(`${channel}:${ts}`, async () => {
      const state = await ctx.pulse.prompts.state(value.r, person, value.t, value.g ?? '', { shownAnswered: answered.shownAnswered ?? null });
      if (state === null) return;
      await redraw(client, { channel, ts, responseUrl: answered.responseUrl }, promptNow(state, locale, followUps), ctx.pulse.logger);
    });
  if (note !== null) {
    await client.chat.postEphemeral({ channel, user: answered.userId, text: t(locale, note) });
  }
  return outcome;
}

function who(click: Click): { teamId: string; userId: string } | null {
  const teamId = click.team?.id ?? click.user.team_id;
  return teamId ? { teamId, userId: click.user.id } : null;
}

function answeredBy(ctx: SlackContext, click: Click, id: { teamId: string; userId: string }, value: ActionValue): Answered {
  const shown = shownAnswered(click.message?.blocks);
  return {
    person: slackPersonKey(id.teamId, id.userId),
    userId: id.userId,
    channel: click.container.channel_id,
    ts: click.container.message_ts,
    value,
    followUps: followUpsIn(click.message?.blocks, shown),
    shownAnswered: shown,
    responseUrl: click.response_url !== undefined && ctx.responseUrlAllowed(click.response_url) ? click.response_url : undefined,
  };
}

export function registerAnswerHandlers(app: App, ctx: SlackContext): void {
  app.action(ACTIONS.answer, async ({ ack, body, client, logger }) => {
    const click = clickSchema.safeParse(body);
    const action = click.success ? click.data.actions[0] : undefined;
    const value = decodeActionValue(action?.value ?? action?.selected_option?.value);
    const id = click.success ? who(click.data) : null;
    if (!click.success || value === null || value.v === undefined || id === null) {
      logger.warn('ignored a malformed answer click');
      await ack();
      return;
    }
    const answered = answeredBy(ctx, click.data, id, value);
    await answerAndRefresh(ctx, client, answered, value.v, ack);
  });

  app.action(ACTIONS.submitMulti, async ({ ack, body, client, logger }) => {
    const click = clickSchema.safeParse(body);
    const value = decodeActionValue(click.success ? click.data.actions[0]?.value : undefined);
    const id = click.success ? who(click.data) : null;
    if (!click.success || value === null || id === null) {
      logger.warn('ignored a malformed multi-select submit');
      await ack();
      return;
    }
    const selected = Object.values(click.data.state?.values ?? {})
      .flatMap((block) => Object.entries(block))
      .filter(([actionId]) => actionId === `pulse:multi:${value.q}`)
      .flatMap(([, state]) => state.selected_options ?? [])
      .map((o) => o.value);
    const answered = answeredBy(ctx, click.data, id, value);
    await answerAndRefresh(ctx, client, answered, selected, ack);
  });

  // Ticking a checkbox is not an answer yet; Slack still wants its 200.
  app.action(ACTIONS.multiBox, async ({ ack }) => {
    await ack();
  });
}
