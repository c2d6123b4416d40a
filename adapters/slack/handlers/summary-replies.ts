import type { App } from '@slack/bolt';
import { z } from 'zod';
import { isDomainError } from '../../../src/domain/errors.js';
import { translator } from '../../../src/domain/i18n/translate.js';
import { replyTargetsSchema, summaryReplies } from '../../../src/domain/summary-replies.js';
import { openModalSchema, parseJson, team, teamIdOf, user } from '../modal-payloads.js';
import { localeOf, slackPersonKey, type SlackContext } from '../slack-context.js';
import { SUMMARY_REPLIES_ACTION, SUMMARY_REPLIES_CALLBACK, summaryRepliesMetadataSchema, summaryRepliesModal } from '../summary-replies-modal.js';

const input = z.object({ v: z.object({ value: z.string().nullable().optional(), selected_option: z.object({ value: z.string() }).nullable().optional() }) });
const submitSchema = z.object({
  user,
  team,
  view: z.object({ private_metadata: z.string().max(3000), state: z.object({ values: z.record(z.string(), input) }) }),
});

/**
 * Replying to the comments of a weekly summary (issue #19): the button under a group's comments
 * opens a form with each comment, an acknowledgement menu and a reply box; whatever is filled in
 * goes through the same door as the dashboard's replies, which checks the reader may read each.
 */
export function registerSummaryReplyHandlers(app: App, ctx: SlackContext): void {
  app.action(SUMMARY_REPLIES_ACTION, async ({ ack, body, client, logger }) => {
    await ack();
    const click = openModalSchema.safeParse(body);
    const targets = parseJson(z.object({ c: replyTargetsSchema }), click.success ? click.data.actions[0]?.value : undefined);
    const teamId = click.success ? teamIdOf(click.data) : undefined;
    if (!click.success || targets === null || teamId === undefined) {
      logger.warn('ignored a malformed summary replies button');
      return;
    }
    const person = slackPersonKey(teamId, click.data.user.id);
    const locale = await localeOf(ctx, person);
    const texts: string[] = [];
    try {
      for (const id of targets.c) texts.push((await ctx.pulse.conversations.of(person, id)).comment);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await client.chat.postMessage({ channel: click.data.container.channel_id, text: translator(locale)('summaryReply.notAllowed') });
      return;
    }
    const metadata = { c: targets.c, ch: click.data.container.channel_id };
    await client.views.open({ trigger_id: click.data.trigger_id, view: summaryRepliesModal(metadata, texts, locale) });
  });

  app.view(SUMMARY_REPLIES_CALLBACK, async ({ ack, body, client, logger }) => {
    const submit = submitSchema.safeParse(body);
    const metadata = submit.success ? parseJson(summaryRepliesMetadataSchema, submit.data.view.private_metadata) : null;
    const teamId = submit.success ? teamIdOf(submit.data) : undefined;
    if (!submit.success || metadata === null || teamId === undefined) {
      logger.warn('ignored a malformed summary replies submission');
      await ack();
      return;
    }
    const person = slackPersonKey(teamId, submit.data.user.id);
    const t = translator(await localeOf(ctx, person));
    const values = submit.data.view.state.values;
    const replies = summaryReplies(metadata.c, (name) => values[name]?.v.value ?? values[name]?.v.selected_option?.value ?? null);
    if (replies.length === 0) {
      await ack({ response_action: 'errors', errors: { 'reply-0': t('summaryReply.none') } });
      return;
    }
    let sent = 0;
    for (const reply of replies) {
      try {
        await ctx.pulse.conversations.respond(person, reply.commentId, reply.body);
        sent++;
      } catch (error) {
        if (!isDomainError(error)) throw error;
        const i = metadata.c.indexOf(reply.commentId);
        const field = 'text' in reply.body ? `reply-${i}` : `ack-${i}`;
        await ack({ response_action: 'errors', errors: { [field]: t(isDomainError(error, 'INVALID_INPUT') ? 'answer.invalid' : 'summaryReply.notAllowed') } });
        return;
      }
    }
    await ack();
    await client.chat.postMessage({ channel: metadata.ch, text: t('summaryReply.sent', { n: sent }) });
  });
}
