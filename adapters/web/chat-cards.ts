import { isDomainError } from '../../src/domain/errors.js';
import type { MessageKey } from '../../src/domain/i18n/en.js';
import { t } from '../../src/domain/i18n/translate.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { answerErrorKey, parseAnswerData, rawFor } from '../teams/card-data.js';
import { currentCard, roundQuestions } from '../teams/card-refresh.js';
import { promptCard, type AdaptiveCardJson } from '../teams/prompt-card.js';
import type { ChatEntry, PromptEntry } from './inbox.js';
import { decideTeamsComment, withCommentWarning } from '../teams/comment-warning-card.js';

/**
 * The web chat shows the very Adaptive Cards Teams receives (built by the Teams adapter's pure
 * card builders), refreshed from the round and the participation ledger on every read, as a
 * Teams card refreshes when it is opened.
 */
export async function cardFor(deps: ServiceDeps, person: string, prompt: PromptEntry, note?: string): Promise<AdaptiveCardJson> {
  const round = await deps.store.rounds.get(prompt.roundId);
  if (round === null || prompt.closed) {
    const base = { roundId: prompt.roundId, surveyKind: prompt.surveyKind, questions: [], responseToken: prompt.token, binding: '', minGroupSize: 0, orgName: null };
    return promptCard(base, prompt.locale, { closed: true, ...(note === undefined ? {} : { note }) });
  }
  // The web chat shows each person their own inbox: the tag is theirs.
  return currentCard(deps, round, person, prompt.token, deps.store.ledger.promptTag(prompt.token, person), prompt.locale, note);
}

export interface ChatView {
  readonly id: string;
  readonly from: ChatEntry['from'];
  readonly at: string;
  readonly text: string | null;
  readonly card: AdaptiveCardJson | null;
  readonly image: ChatEntry['image'] | null;
}

export async function chatView(deps: ServiceDeps, person: string, entries: readonly ChatEntry[]): Promise<ChatView[]> {
  return Promise.all(
    entries.map(async (e) => ({ id: e.id, from: e.from, at: e.at, text: e.text ?? null, card: e.prompt ? await cardFor(deps, person, e.prompt) : null, image: e.image ?? null })),
  );
}


export type ActionOutcome = { readonly status: 'ok'; readonly card: AdaptiveCardJson } | { readonly status: 'invalid' };

/**
 * An `Action.Execute` from a rendered prompt card: the data must belong to this very prompt (its
 * round and token), then the answer is recorded and the refreshed card returned. A comment that
 * could identify its author comes back first with a warning; `names` are the demo directory's
 * display names for that check (issue #15).
 */
export async function executeCardAction(deps: ServiceDeps, person: string, prompt: PromptEntry, data: unknown, names: readonly string[] = []): Promise<ActionOutcome> {
  const parsed = parseAnswerData(data);
  if (parsed === null || parsed.r !== prompt.roundId || parsed.t !== prompt.token) return { status: 'invalid' };
  const round = await deps.store.rounds.get(parsed.r);
  const question = round === null ? undefined : roundQuestions(round).find((q) => q.id === parsed.q);
  const comment = question?.kind === 'text' && parsed.raw !== undefined ? decideTeamsComment(data, parsed.raw, prompt.locale, names) : null;
  if (comment?.kind === 'warn') return { status: 'ok', card: withCommentWarning(await cardFor(deps, person, prompt), parsed.q, parsed.raw ?? '', comment.findings, prompt.locale) };
  const given = comment?.kind === 'send' ? comment.text : parsed.raw;
  let note: MessageKey | null = null;
  try {
    const outcome = await recordAnswer(deps, { roundId: parsed.r, person, responseToken: parsed.t, ...(parsed.g === undefined ? {} : { binding: parsed.g }), questionId: parsed.q, raw: rawFor(question, given) });
    if (outcome === 'already-answered') note = 'answer.already';
    else if (outcome === 'busy') note = 'answer.busy';
  } catch (error) {
    if (!isDomainError(error)) throw error;
    note = answerErrorKey(error.code);
  }
  return { status: 'ok', card: await cardFor(deps, person, prompt, note === null ? undefined : t(prompt.locale, note)) };
}
