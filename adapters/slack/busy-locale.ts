import type { Locale } from '../../src/domain/i18n/locale.js';
import { decodeActionValue } from './action-value.js';
import type { ShedClick } from './overload-gate.js';
import { localeOf, slackPersonKey, type SlackContext } from './slack-context.js';

/**
 * The language of a click shed at the door: the prompt's (an exit survey HR sent in a language),
 * else the person's, else the organisation's. Read after the click was answered, from the answer
 * path's caches where it can; any failure falls back to the default rather than drop the notice.
 */
export async function busyLocale(ctx: SlackContext, click: ShedClick): Promise<Locale> {
  // A slow database is one reason clicks are shed: the notice never waits long for its language.
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Locale>((resolve) => {
    timer = setTimeout(() => resolve(ctx.pulse.settings.defaultLocale), LOOKUP_LIMIT_MS);
  });
  try {
    return await Promise.race([lookUp(ctx, click), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** How long the notice's language may take to look up (ms). */
const LOOKUP_LIMIT_MS = 300;

async function lookUp(ctx: SlackContext, click: ShedClick): Promise<Locale> {
  try {
    if (click.teamId === null || click.userId === null) return ctx.pulse.settings.defaultLocale;
    const person = slackPersonKey(click.teamId, click.userId);
    const value = decodeActionValue(click.actionValue);
    return value === null ? await localeOf(ctx, person) : await ctx.pulse.prompts.locale(value.r, person);
  } catch {
    return ctx.pulse.settings.defaultLocale;
  }
}
