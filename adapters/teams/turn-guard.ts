import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { ANSWER_VERB, REFRESH_VERB } from '../cards/card-data.js';
import { PLAN_COMMIT_VERB, PLAN_STATUS_VERB } from '../cards/plan-card.js';
import { REPLIES_ANSWER_VERB, REPLIES_VERB } from '../cards/replies-card.js';
import { SUMMARY_REPLIES_VERB } from '../cards/summary-replies-card.js';
import type { TeamsContext } from './teams-context.js';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** The identity fields pulsebot stores from an activity: Teams sends Entra object and tenant ids as GUIDs, member and conversation ids as strings. */
const identitySchema = z.object({
  from: z.object({ id: z.string().min(1).max(256), aadObjectId: guid.optional() }),
  conversation: z.object({ id: z.string().min(1).max(512), tenantId: guid.optional() }),
  channelData: z
    .object({ tenant: z.object({ id: guid }).optional() })
    .optional()
    .nullable(),
});

const VERBS = new Set([ANSWER_VERB, REFRESH_VERB, REPLIES_VERB, REPLIES_ANSWER_VERB, PLAN_COMMIT_VERB, PLAN_STATUS_VERB, SUMMARY_REPLIES_VERB]);
const actionSchema = z.object({ action: z.object({ verb: z.string() }) });

/**
 * Whether a turn comes from Teams for one of the organisation's tenants. Outside local mode, an
 * activity from another channel (Direct Line, Web Chat: anyone holding the bot's channel secret
 * can send those, with any `from`) or from a tenant not allowed is refused before anything is
 * read or stored. The tenant is Teams' own channel data, never `conversation.tenantId`.
 */
function fromAllowedTeams(ctx: TeamsContext, context: TurnContext): boolean {
  if (ctx.allowedTenants === null) return true;
  if (context.activity.channelId !== 'msteams') return false;
  const parsed = identitySchema.safeParse(context.activity);
  const tenant = parsed.success ? parsed.data.channelData?.tenant?.id : undefined;
  return tenant !== undefined && ctx.allowedTenants.has(tenant.toLowerCase());
}

/**
 * Screens a turn before anything is read or stored: an activity from another channel or tenant
 * (see fromAllowedTeams) is answered 403 (an invoke) or dropped; one whose ids are not shaped the
 * way Teams sends them, or a card action with a verb pulsebot never put on a card, is answered
 * 400 (an invoke) or dropped (anything else), so it writes nothing and never reaches a handler
 * that would answer it 5xx. True when the turn may go on.
 */
export async function screenTurn(ctx: TeamsContext, context: TurnContext): Promise<boolean> {
  const activity = context.activity;
  const identityOk = identitySchema.safeParse(activity).success;
  const isCardAction = activity.type === 'invoke' && activity.name === 'adaptiveCard/action';
  const action = isCardAction ? actionSchema.safeParse(activity.value) : null;
  const verbOk = action === null || (action.success && VERBS.has(action.data.action.verb));
  if (!identityOk || !verbOk) return refuse(context, 400, 'BadRequest', identityOk ? 'unknown action' : 'malformed activity');
  if (!fromAllowedTeams(ctx, context)) {
    ctx.pulse.logger.warn({ adapter: 'teams', channel: String(activity.channelId).slice(0, 40) }, 'refused an activity from another channel or tenant');
    return refuse(context, 403, 'Forbidden', 'this tenant or channel is not served');
  }
  return true;
}

/** Answers an invoke with `status` (other activities get no answer); false, so the turn ends. */
async function refuse(context: TurnContext, status: number, code: string, message: string): Promise<false> {
  if (context.activity.type === 'invoke') {
    await context.sendActivity({
      type: 'invokeResponse',
      value: { status, body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code, message } } },
    });
  }
  return false;
}
