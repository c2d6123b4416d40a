import type { Pulse } from '../../src/pulse/index.js';
import { answerFromCard } from '../cards/card-answer.js';
import { parseAnswerData } from '../cards/card-data.js';
import { NO_FOLLOW_UPS } from '../../src/domain/follow-up-state.js';
import { goneCard, stateCard, type AdaptiveCardJson } from '../cards/prompt-card.js';
import type { ChatEntry, PromptEntry } from './inbox.js';

/**
 * The web chat shows the very Adaptive Cards Teams receives (drawn by the shared card renderer
 * from the door's prompt state), refreshed on every read, as a Teams card refreshes when opened.
 */
export async function cardFor(pulse: Pulse, person: string, prompt: PromptEntry, note?: string): Promise<AdaptiveCardJson> {
  // The web chat shows each person their own inbox: the tag is theirs.
  const state = prompt.closed ? null : await pulse.prompts.state(prompt.roundId, person, prompt.token, pulse.prompts.tag(prompt.token, person), true);
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
      card: e.prompt ? await cardFor(pulse, person, e.prompt) : null,
      image: e.image ?? null,
    })),
  );
}

export type ActionOutcome = { readonly status: 'ok'; readonly card: AdaptiveCardJson } | { readonly status: 'invalid' };

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
  return { status: 'ok', card: outcome.kind === 'card' ? outcome.card : await cardFor(pulse, person, prompt, outcome.text) };
}
