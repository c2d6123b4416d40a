import { resolveLocale, type Locale } from '../../src/domain/i18n/locale.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import type { ExitResultsHook } from '../../src/services/summary.js';
import { personKey } from '../../src/store/people-repo.js';

/** What the Slack handlers share. */
export interface SlackContext {
  readonly deps: ServiceDeps;
  /** Asks the delivery loop to send whatever is due now (after `/pulse send-now`, an exit survey due today…). */
  readonly deliverSoon: () => void;
  /** Exit-survey results for HR's summaries (`/pulse results`, App Home); optional. */
  readonly exitResults?: ExitResultsHook;
}

export function slackPersonKey(teamId: string, userId: string): string {
  return personKey('slack', teamId, userId);
}

/** The language to speak to a person in: theirs from the directory, else the configured default. */
export async function localeOf(ctx: SlackContext, key: string, slackLocale?: string | null): Promise<Locale> {
  const person = await ctx.deps.store.people.get(key);
  return resolveLocale(person?.locale ?? slackLocale ?? null, ctx.deps.settings.defaultLocale);
}
