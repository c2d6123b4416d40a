import type { Pulse } from '../../src/pulse/index.js';
import { answerFromCard } from '../cards/card-answer.js';
import { parseAnswerData } from '../cards/card-data.js';
import { NO_FOLLOW_UPS } from '../../src/domain/follow-up-state.js';
import { goneCard, stateCard, type AdaptiveCardJson } from '../cards/prompt-card.js';
import { parseRepliesAnswer, repliesCard, repliesEntryCard, REPLIES_ANSWER_VERB, type RepliesLink } from '../cards/replies-card.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { translator } from '../../src/domain/i18n/translate.js';
import type { ChatEntry, PromptEntry } from './inbox.js';

/**
 * The web chat shows the very Adaptive Cards Teams receives (drawn by the shared card renderer
 * from the door's prompt state), refreshed on every read, as a Teams card refreshes when opened.
 */
export async function cardFor(pulse: Pulse, person: string, prompt: PromptEntry, note?: string): Promise<AdaptiveCardJson> {
  // The web chat shows each person their own inbox: the tag is theirs.
  const state = prompt.closed
    ? null
    : await pulse.prompts.state(prompt.roundId, person, prompt.token, pulse.prompts.tag(prompt.token, person), { fresh: true });
  return state === null
    ? goneCard(prompt.roundId, prompt.surveyKind, prompt.token, prompt.locale, note)
    : stateCard(state, prompt.locale, note, prompt.followUps ?? NO_FOLLOW_UPS);
}

export interface ChatView {
  readonly id: string;
  readonly from: ChatEntry['from'];
  readonly at: string;
  readonly text: string | null;
  readonly card: AdaptiveCardJson | null;
  readonly image: ChatEntry['image'] | null;
}

export async function chatView(pulse: Pulse, person: string, entries: readonly ChatEntry[]): Promise<ChatView[]> {
  return Promise.all(
    entries.map(async (e) => ({
      id: e.id,
      from: e.from,
      at: e.at,
      text: e.text ?? null,
      card: e.prompt ? await cardFor(pulse, person, e.prompt) : e.replies ? repliesEntryCard(e.replies.link, e.replies.locale) : null,
      image: e.image ?? null,
    })),
  );
}

export type ActionOutcome = { readonly status: 'ok'; readonly card: AdaptiveCardJson; readonly commented?: RepliesLink } | { readonly status: 'invalid' };

/**
 * An `Action.Execute` from a rendered prompt card: the data must belong to this very prompt (its
 * round and token), then the answer is recorded and the refreshed card returned. A comment that
 * could identify its author comes back first with a warning; `names` are the demo directory's
 * display names for that check (issue #15).
 */
export async function executeCardAction(
  pulse: Pulse,
  person: string,
  prompt: PromptEntry,
  data: unknown,
  names: readonly string[] = [],
): Promise<ActionOutcome> {
  const parsed = parseAnswerData(data);
  if (parsed === null || parsed.r !== prompt.roundId || parsed.t !== prompt.token) return { status: 'invalid' };
  const outcome = await answerFromCard(pulse, {
    person,
    data: parsed,
    rawData: data,
    locale: prompt.locale,
    names,
    redraw: (note, followUps) => {
      if (followUps !== undefined) prompt.followUps = followUps;
      return cardFor(pulse, person, prompt, note);
    },
  });
  if (outcome.kind !== 'card') return { status: 'ok', card: await cardFor(pulse, person, prompt, outcome.text) };
  const link = { r: parsed.r, t: parsed.t, q: parsed.q, ...(parsed.g === undefined ? {} : { g: parsed.g }) };
  return { status: 'ok', card: outcome.card, ...(outcome.commented === true ? { commented: link } : {}) };
}

/** An action on a comment's replies card: open the thread, or answer back in it (the same as Teams). */
export async function executeRepliesAction(
  pulse: Pulse,
  person: string,
  entry: { readonly link: RepliesLink; readonly locale: Locale },
  verb: string | undefined,
  data: unknown,
): Promise<ActionOutcome> {
  const { link, locale } = entry;
  // The web chat shows each person their own inbox: the tag is theirs.
  const holder = { roundId: link.r, person, responseToken: link.t, binding: pulse.prompts.tag(link.t, person) };
  if (verb === REPLIES_ANSWER_VERB) {
    const answer = parseRepliesAnswer(data);
    if (answer === null || answer.r !== link.r || answer.t !== link.t) return { status: 'invalid' };
    let note = translator(locale)('replies.sent');
    try {
      await pulse.conversations.answerBack(holder, answer.c, answer.text);
    } catch {
      note = translator(locale)('answer.invalid');
    }
    return { status: 'ok', card: repliesCard(link, await pulse.conversations.threads(holder), locale, note) };
  }
  return { status: 'ok', card: repliesCard(link, await pulse.conversations.threads(holder), locale) };
}
