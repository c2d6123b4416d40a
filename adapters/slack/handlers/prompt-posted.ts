import type { App } from '@slack/bolt';
import { z } from 'zod';
import { PROMPT_EVENT_TYPE } from '../action-value.js';
import type { SlackContext } from '../slack-context.js';

/**
 * How long after posting Slack makes its last attempt to report a prompt: it retries an event
 * the app did not take nearly at once, after a minute, then after five more (each attempt
 * waiting up to 3 s for the answer). Seven minutes covers the last one with room.
 */
export const SLACK_CONFIRMATION_WINDOW_MS = 7 * 60_000;

/** The parts of a `message_metadata_posted` event (and its envelope) that pulsebot reads. */
const postedSchema = z.object({
  api_app_id: z.string().min(1),
  event: z.object({
    app_id: z.string().min(1),
    channel_id: z.string().min(1),
    message_ts: z.string().min(1),
    metadata: z.object({
      event_type: z.literal(PROMPT_EVENT_TYPE),
      event_payload: z.object({ delivery_id: z.string().min(1).max(500) }),
    }),
  }),
});

/**
 * Records a Slack report of a posted prompt (`message_metadata_posted`, the app subscribes to its
 * own `pulsebot_prompt` metadata; the scope `metadata.message:read` shows it metadata only, never
 * message text). If the process that posted the prompt died before recording it, this records it,
 * so the prompt is never sent a second time. Reports of other apps' messages, and bodies that are
 * not such a report, are ignored.
 */
export async function recordPromptReport(ctx: SlackContext, body: unknown): Promise<void> {
  const posted = postedSchema.safeParse(body);
  if (!posted.success || posted.data.event.app_id !== posted.data.api_app_id) return;
  const { event } = posted.data;
  await ctx.pulse.prompts.confirmPosted(event.metadata.event_payload.delivery_id, { channel: event.channel_id, messageId: event.message_ts });
}

/**
 * Socket Mode's path for the reports. Over HTTP they never reach Bolt: Bolt acknowledges an event
 * before its listener runs, and a process killed in between would lose a report Slack will not
 * send again, so reports-first.ts records them and only then answers (see there).
 */
export function registerPromptPosted(app: App, ctx: SlackContext): void {
  app.event('message_metadata_posted', async ({ body }) => {
    await recordPromptReport(ctx, body);
  });
}
