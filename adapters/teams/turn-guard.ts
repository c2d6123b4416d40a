import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { ANSWER_VERB, REFRESH_VERB } from './card-data.js';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** The identity fields pulsebot stores from an activity: Teams sends Entra object and tenant ids as GUIDs, member and conversation ids as strings. */
const identitySchema = z.object({
  from: z.object({ id: z.string().min(1).max(256), aadObjectId: guid.optional() }),
  conversation: z.object({ id: z.string().min(1).max(512), tenantId: guid.optional() }),
  channelData: z.object({ tenant: z.object({ id: guid }).optional() }).optional().nullable(),
});

const VERBS = new Set([ANSWER_VERB, REFRESH_VERB]);
const actionSchema = z.object({ action: z.object({ verb: z.string() }) });

/**
 * Screens a turn before anything is read or stored: an activity whose ids are not shaped the way
 * Teams sends them, or a card action with a verb pulsebot never put on a card, is answered 400 (an
 * invoke) or dropped (anything else), so it writes nothing and never reaches a handler that would
 * answer it 5xx. True when the turn may go on.
 */
export async function screenTurn(context: TurnContext): Promise<boolean> {
  const activity = context.activity;
  const identityOk = identitySchema.safeParse(activity).success;
  const isCardAction = activity.type === 'invoke' && activity.name === 'adaptiveCard/action';
  const action = isCardAction ? actionSchema.safeParse(activity.value) : null;
  const verbOk = action === null || (action.success && VERBS.has(action.data.action.verb));
  if (identityOk && verbOk) return true;
  if (activity.type === 'invoke') {
    await context.sendActivity({
      type: 'invokeResponse',
      value: { status: 400, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: identityOk ? 'unknown action' : 'malformed activity' } } },
    });
  }
  return false;
}
