import { z } from 'zod';
import { messageBlocksSchema } from './follow-ups.js';

/** Who clicked or submitted, and their workspace (Slack puts it in `team`, or only on the user). */
export const user = z.object({ id: z.string().min(1), team_id: z.string().optional() });
export const team = z
  .object({ id: z.string().min(1) })
  .nullable()
  .optional();

/** A button value or modal metadata (JSON we wrote) read back, or null when it is not what `schema` says. */
export function parseJson<T>(schema: z.ZodType<T>, raw: string | undefined): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A button click that opens a modal (the comment box, the replies to a comment): who, where, and the button's value. */
export const openModalSchema = z.object({
  trigger_id: z.string().min(1),
  user,
  team,
  container: z.object({ channel_id: z.string().min(1), message_ts: z.string().min(1) }),
  message: z.object({ blocks: messageBlocksSchema.optional() }).loose().optional(),
  actions: z.array(z.object({ value: z.string() })).min(1),
});

/** A submitted modal whose one text input is block `comment`, action `text`. */
export const submitTextSchema = z.object({
  user,
  team,
  view: z.object({
    private_metadata: z.string().max(3000),
    state: z.object({ values: z.object({ comment: z.object({ text: z.object({ value: z.string().nullable().optional() }) }) }) }),
  }),
});

/** The workspace of a click or submission (Slack puts it in `team`, or only on the user). */
export function teamIdOf(payload: { team?: { id: string } | null | undefined; user: { team_id?: string | undefined } }): string | undefined {
  return payload.team?.id ?? payload.user.team_id;
}
