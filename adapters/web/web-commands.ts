import type { ChatReply, CommandStyle } from '../../src/pulse/index.js';
import type { Token } from '../../src/pulse/index.js';
import { wordsOf, wordToken } from '../../src/pulse/index.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { Pulse } from '../../src/pulse/index.js';

/**
 * The web chat's side of the shared conversation: words (an e-mail address names a person of
 * the playground), plain text replies.
 */

export function webTokens(text: string): Token[] {
  return wordsOf(text).map(wordToken);
}

export const webStyle: CommandStyle = { command: (words) => words, person: 'name@company.com', newline: '\n' };

/** A reply as the web chat shows it: plain text, a report as its title, sections and footer. */
export function webReply(reply: ChatReply): string {
  if (reply.kind === 'text') return reply.text;
  const { report } = reply;
  const sections = report.sections.map((s) =>
    [...(s.heading === null ? [] : [s.heading]), ...s.lines.map((line) => (s.quotes === true ? `“${line}”` : line))].join('\n'),
  );
  return [report.title, ...sections, ...(report.footer === null ? [] : [report.footer])].join('\n\n');
}

export interface WebCommandContext {
  readonly pulse: Pulse;
  /** The dashboard address for `person`, or null when the dashboard is not served. */
  readonly dashboardUrl: (person: string) => string | null;
}

/** The web chat waits for its reply (no platform deadline), within reason. */
const WEB_BUDGET_MS = 60_000;

/** The bot's reply to one typed message from `actor` (a person key). */
export async function replyTo(ctx: WebCommandContext, actor: string, locale: Locale, text: string): Promise<string> {
  const turn = await ctx.pulse.conversation.converse(ctx.pulse.conversation.parse(webTokens(text)), {
    actor,
    locale,
    style: webStyle,
    budgetMs: WEB_BUDGET_MS,
    dashboardUrl: ctx.dashboardUrl,
  });
  const replies = [turn.now, turn.later ? await turn.later : null].filter((r): r is ChatReply => r !== null);
  return replies.map(webReply).join('\n\n');
}
