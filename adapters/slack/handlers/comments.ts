import type { App } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { MAX_COMMENT_LENGTH } from '../../../src/domain/question.js';
import { translator } from '../../../src/domain/i18n/translate.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { ACTIONS, COMMENT_VIEW_CALLBACK, commentMetadataSchema, decodeActionValue, type CommentMetadata } from '../action-value.js';
import { localeOf, slackPersonKey, type SlackContext } from '../slack-context.js';
import { answerAndRefresh } from './answers.js';
import { repliesInThread } from '../replies-modal.js';
import { decideComment } from '../comment-warning.js';
import { followUpsIn } from '../follow-ups.js';
import { openModalSchema, submitTextSchema, teamIdOf } from '../modal-payloads.js';

export function commentModal(metadata: CommentMetadata, locale: Locale): ModalView {
  const t = translator(locale);
  return {
    type: 'modal',
    callback_id: COMMENT_VIEW_CALLBACK,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: t('ui.commentModalTitle').slice(0, 24) },
    submit: { type: 'plain_text', text: t('ui.send') },
    close: { type: 'plain_text', text: t('ui.cancel') },
    blocks: [
      {
        type: 'input',
        block_id: 'comment',
        label: { type: 'plain_text', text: t('ui.commentModalLabel') },
        hint: { type: 'plain_text', text: t('ui.commentModalHint') },
        element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: MAX_COMMENT_LENGTH },
      },
    ],
  };
}

export function registerCommentHandlers(app: App, ctx: SlackContext): void {
  app.action(ACTIONS.openComment, async ({ ack, body, client, logger }) => {
    await ack();
    const click = openModalSchema.safeParse(body);
    const value = decodeActionValue(click.success ? click.data.actions[0]?.value : undefined);
    const teamId = click.success ? teamIdOf(click.data) : undefined;
    if (!click.success || value === null || teamId === undefined) {
      logger.warn('ignored a malformed comment button');
      return;
    }
    const locale = await localeOf(ctx, slackPersonKey(teamId, click.data.user.id));
    const shown = followUpsIn(click.data.message?.blocks);
    const metadata = {
      ...value,
      channel: click.data.container.channel_id,
      ts: click.data.container.message_ts,
      ...(shown.shown.size > 0 ? { f: [...shown.shown], fa: [...shown.answered] } : {}),
    };
    await client.views.open({ trigger_id: click.data.trigger_id, view: commentModal(metadata, locale) });
  });

  app.view(COMMENT_VIEW_CALLBACK, async ({ ack, body, client, logger }) => {
    const submit = submitTextSchema.safeParse(body);
    let metadata: CommentMetadata | null = null;
    if (submit.success) {
      try {
        const parsed = commentMetadataSchema.safeParse(JSON.parse(submit.data.view.private_metadata));
        metadata = parsed.success ? parsed.data : null;
      } catch {
        metadata = null;
      }
    }
    const teamId = submit.success ? teamIdOf(submit.data) : undefined;
    if (!submit.success || metadata === null || teamId === undefined) {
      logger.warn('ignored a malformed comment submission');
      await ack();
      return;
    }
    const person = slackPersonKey(teamId, submit.data.user.id);
    const text = submit.data.view.state.values.comment.text.value ?? '';
    if (text.trim() === '') {
      const t = translator(await localeOf(ctx, person));
      await ack({ response_action: 'errors', errors: { comment: t('answer.invalid') } });
      return;
    }
    const locale = await localeOf(ctx, person);
    const decision = decideComment(body, text, locale, ctx.pulse.directory.names?.namesFor(person) ?? [], commentModal(metadata, locale));
    if (decision.kind === 'warn') {
      await ack({ response_action: 'update', view: decision.view });
      return;
    }
    const followUps = { shown: new Set(metadata.f ?? []), answered: new Set(metadata.fa ?? []) };
    const answered = { person, userId: submit.data.user.id, channel: metadata.channel, ts: metadata.ts, value: metadata, followUps };
    const outcome = await answerAndRefresh(ctx, client, answered, decision.text, () => ack());
    // The prompt loses its inputs when the round closes; replies come later. So the "Replies"
    // control also goes in the prompt's thread, where it outlives the close (issue #19).
    if (outcome === 'recorded') {
      const { channel, ts, f: _f, fa: _fa, ...link } = metadata;
      await client.chat.postMessage({ channel, thread_ts: ts, ...repliesInThread(link, locale) });
    }
  });
}
