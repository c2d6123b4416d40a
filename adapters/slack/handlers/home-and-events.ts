import type { App } from '@slack/bolt';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { surveyTitle } from '../../../src/domain/prompt-view.js';
import { translator } from '../../../src/domain/i18n/translate.js';
import { summaryText } from '../../../src/domain/summary/summary-text.js';
import { homeView } from '../home-view.js';
import { summarySections } from '../results-text.js';
import { localeOf, slackPersonKey, type SlackContext } from '../slack-context.js';
import { isSurveyable, slackUserSchema, toEntry } from '../slack-directory.js';

const SEEN_LIMIT = 10_000;

/** Drops an event Slack retried after pulsebot had already taken it (X-Slack-Retry-Num). */
function retryFilter(): (eventId: string | undefined, retryNum: number | undefined) => boolean {
  const seen = new Set<string>();
  return (eventId, retryNum) => {
    if (eventId === undefined) return true;
    if (seen.has(eventId)) return retryNum === undefined ? true : false;
    seen.add(eventId);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value as string);
    return true;
  };
}

export async function publishHome(ctx: SlackContext, app: App, teamId: string, userId: string, token?: string): Promise<void> {
  const { pulse } = ctx;
  const key = slackPersonKey(teamId, userId);
  const locale = await localeOf(ctx, key);
  const t = translator(locale);
  const openSurveys = (await pulse.prompts.openFor(key)).map((survey) => ({
    title: surveyTitle(survey.surveyKind, locale, survey.surveyName),
    closes: DateTime.fromJSDate(survey.closesAt).setLocale(locale).toLocaleString(DateTime.DATE_MED),
  }));
  // Leaders and HR see the latest summary they may see; everyone else none.
  const outcome = await pulse.results.summaryFor(key);
  const results = outcome.kind === 'summary' ? summarySections(summaryText(outcome.summary, locale)) : outcome.kind === 'none' ? [t('results.none')] : [];
  const view = homeView({ openSurveys, results, minGroupSize: pulse.settings.anonymity.minGroupSize }, locale);
  await app.client.views.publish({ ...(token ? { token } : {}), user_id: userId, view });
}

const envelopeSchema = z.object({ event_id: z.string().optional(), team_id: z.string().optional() });

export function registerHomeAndEvents(app: App, ctx: SlackContext): void {
  const firstTime = retryFilter();
  app.use(async ({ body, context, next }) => {
    const envelope = envelopeSchema.safeParse(body);
    if (envelope.success && !firstTime(envelope.data.event_id, context.retryNum)) return;
    await next();
  });

  app.event('app_home_opened', async ({ event, context, body }) => {
    const teamId = envelopeSchema.parse(body).team_id ?? context.teamId;
    if (event.tab !== 'home' || !teamId) return;
    await publishHome(ctx, app, teamId, event.user, context.botToken);
  });

  const upsertUser = async (raw: unknown, teamId: string | undefined) => {
    const user = slackUserSchema.safeParse(raw);
    if (!user.success || !teamId) return;
    const entry = toEntry(user.data, null);
    const standing = !isSurveyable(user.data, true) ? 'gone' : isSurveyable(user.data, false) ? 'member' : 'guest';
    await ctx.pulse.directory.seen({
      platform: 'slack',
      tenant: teamId,
      userId: entry.userId,
      email: entry.email,
      timezone: entry.timezone,
      locale: entry.locale,
      standing,
    });
  };
  app.event('team_join', async ({ event, body, context }) => upsertUser(event.user, envelopeSchema.parse(body).team_id ?? context.teamId));
  app.event('user_change', async ({ event, body, context }) => upsertUser(event.user, envelopeSchema.parse(body).team_id ?? context.teamId));
}
