import type { Locale } from '../../src/domain/i18n/locale.js';
import { personKey, type Pulse } from '../../src/pulse/index.js';

/** What the Slack handlers share. */
export interface SlackContext {
  readonly pulse: Pulse;
  /** A signed, expiring link to the results dashboard for a person; absent when the dashboard is not served. */
  readonly dashboardUrl?: (person: string) => string;
  /** How long `/pulse results` may take before the ack says "on its way" (ms; default 2 s, within Slack's 3). */
  readonly resultsBudgetMs?: number;
  /** Whether a click's response_url may be posted to (response-url.ts). */
  readonly responseUrlAllowed: (url: string) => boolean;
}

export function slackPersonKey(teamId: string, userId: string): string {
  return personKey('slack', teamId, userId);
}

/** The language to speak to a person in: theirs from the directory, else Slack's, else the configured default. */
export function localeOf(ctx: SlackContext, key: string, slackLocale?: string | null): Promise<Locale> {
  return ctx.pulse.directory.localeOf(key, slackLocale);
}
