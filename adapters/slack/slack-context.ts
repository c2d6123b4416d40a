import { resolveLocale, type Locale } from '../../src/domain/i18n/locale.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { personKey } from '../../src/store/people-repo.js';

/** What the Slack handlers share. */
export interface SlackContext {
  readonly deps: ServiceDeps;
  /** A signed, expiring link to the results dashboard for a person; absent when the dashboard is not served. */
  readonly dashboardUrl?: (person: string) => string;
  /** How long `/pulse results` may take before the ack says "on its way" (ms; default 2 s, within Slack's 3). */
  readonly resultsBudgetMs?: number;
}

export function slackPersonKey(teamId: string, userId: string): string {
  return personKey('slack', teamId, userId);
}

/** The language to speak to a person in: theirs from the directory, else the configured default. */
export async function localeOf(ctx: SlackContext, key: string, slackLocale?: string | null): Promise<Locale> {
  const person = await ctx.deps.store.people.get(key);
  return resolveLocale(person?.locale ?? slackLocale ?? null, ctx.deps.settings.defaultLocale);
}
