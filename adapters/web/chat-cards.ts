import { isDomainError } from '../../src/domain/errors.js';
import type { MessageKey } from '../../src/domain/i18n/en.js';
import { t } from '../../src/domain/i18n/translate.js';
import type { Pulse } from '../../src/pulse/index.js';
import { answerErrorKey, parseAnswerData, rawFor } from '../cards/card-data.js';
import { goneCard, stateCard, type AdaptiveCardJson } from '../cards/prompt-card.js';
import type { ChatEntry, PromptEntry } from './inbox.js';
import { decideTeamsComment, withCommentWarning } from '../cards/comment-warning-card.js';

/**
 * The web chat shows the very Adaptive Cards Teams receives (drawn by the shared card renderer
 * from the door's prompt state), refreshed on every read, as a Teams card refreshes when opened.
 */
export async function cardFor(pulse: Pulse, person: string, prompt: PromptEntry, note?: string): Promise<AdaptiveCardJson> {
  // The web chat shows each person their own inbox: the tag is theirs.
  const state = prompt.closed ? null : await pulse.prompts.state(prompt.roundId, person, prompt.token, pulse.prompts.tag(prompt.token, person), true);
  return state === null ? goneCard(prompt.roundId, prompt.surveyKind, prompt.token, prompt.locale, note) : stateCard(state, prompt.locale, note);
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
  const question = await pulse.prompts.question(parsed.r, parsed.q);
  const comment = question?.kind === 'text' && parsed.raw !== undefined ? decideTeamsComment(data, parsed.raw, prompt.locale, names) : null;
  if (comment?.kind === 'warn')
    return { status: 'ok', card: withCommentWarning(await cardFor(pulse, person, prompt), parsed.q, parsed.raw ?? '', comment.findings, prompt.locale) };
  const given = comment?.kind === 'send' ? comment.text : parsed.raw;
  let note: MessageKey | null = null;
  try {
    const outcome = await pulse.prompts.answer({
      roundId: parsed.r,
      person,
      responseToken: parsed.t,
      ...(parsed.g === undefined ? {} : { binding: parsed.g }),
      questionId: parsed.q,
      raw: rawFor(question, given),
    });
    if (outcome === 'already-answered') note = 'answer.already';
    else if (outcome === 'busy') note = 'answer.busy';
  } catch (error) {
    if (!isDomainError(error)) throw error;
    note = answerErrorKey(error.code);
  }
  return { status: 'ok', card: await cardFor(pulse, person, prompt, note === null ? undefined : t(prompt.locale, note)) };
}
