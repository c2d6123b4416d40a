import type { App } from '@slack/bolt';
import { translator } from '../../../src/domain/i18n/translate.js';
import { ACTIONS, REPLIES_VIEW_CALLBACK, decodeActionValue, repliesMetadataSchema, type RepliesMetadata } from '../action-value.js';
import { repliesModal } from '../replies-modal.js';
import { localeOf, slackPersonKey, type SlackContext } from '../slack-context.js';
import { openModalSchema, submitTextSchema, teamIdOf } from '../modal-payloads.js';

function metadataOf(raw: string): RepliesMetadata | null {
  try {
    const parsed = repliesMetadataSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * "Replies" on a prompt whose comment was written (issue #19): the click carries the prompt's
 * token, so the thread is found from this message alone and only for its recipient (the token's
 * binding must match the clicker). Anyone else's click shows the neutral "no replies" line.
 */
export function registerRepliesHandlers(app: App, ctx: SlackContext): void {
  app.action(ACTIONS.openReplies, async ({ ack, body, client, logger }) => {
    await ack();
    const click = openModalSchema.safeParse(body);
    const link = decodeActionValue(click.success ? click.data.actions[0]?.value : undefined);
    const teamId = click.success ? teamIdOf(click.data) : undefined;
    if (!click.success || link === null || teamId === undefined) {
      logger.warn('ignored a malformed replies button');
      return;
    }
    const person = slackPersonKey(teamId, click.data.user.id);
    const threads = await ctx.pulse.conversations.threads({ roundId: link.r, person, responseToken: link.t, binding: link.g });
    await client.views.open({ trigger_id: click.data.trigger_id, view: repliesModal(link, threads, await localeOf(ctx, person)) });
  });

  app.view(REPLIES_VIEW_CALLBACK, async ({ ack, body, logger }) => {
    const submit = submitTextSchema.safeParse(body);
    const metadata = submit.success ? metadataOf(submit.data.view.private_metadata) : null;
    const teamId = submit.success ? teamIdOf(submit.data) : undefined;
    if (!submit.success || metadata === null || teamId === undefined) {
      logger.warn('ignored a malformed replies submission');
      await ack();
      return;
    }
    const person = slackPersonKey(teamId, submit.data.user.id);
    const locale = await localeOf(ctx, person);
    const t = translator(locale);
    const text = submit.data.view.state.values.comment.text.value ?? '';
    const holder = { roundId: metadata.r, person, responseToken: metadata.t, binding: metadata.g };
    try {
      await ctx.pulse.conversations.answerBack(holder, metadata.c, text);
    } catch {
      await ack({ response_action: 'errors', errors: { comment: t('answer.invalid') } });
      return;
    }
    const threads = await ctx.pulse.conversations.threads(holder);
    await ack({ response_action: 'update', view: repliesModal(metadata, threads, locale, t('replies.sent')) });
  });
}
