import { isDomainError } from '../../src/domain/errors.js';
import type { MessageKey } from '../../src/domain/i18n/en.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { t } from '../../src/domain/i18n/translate.js';
import type { PersonKey, Pulse } from '../../src/pulse/index.js';
import { afterAnswer, type FollowUpState } from '../../src/domain/follow-up-state.js';
import { asksFollowUp, followUpParent } from '../../src/domain/question.js';
import { answerErrorKey, followUpsOf, rawFor, type AnswerData } from './card-data.js';
import { decideTeamsComment, withCommentWarning } from './comment-warning-card.js';
import type { AdaptiveCardJson } from './prompt-card.js';

/** What an answer from a card comes back as: the card redrawn in its place, or only a note. */
export type CardAnswer =
  /** `commented`: this answer stored a comment (its replies entry card goes out next). */
  { readonly kind: 'card'; readonly card: AdaptiveCardJson; readonly commented?: boolean } | { readonly kind: 'note'; readonly text: string };

export interface CardAnswerInput {
  readonly person: PersonKey;
  readonly data: AnswerData;
  /** The action's data as sent (it carries the privacy choice of a warned comment). */
  readonly rawData: unknown;
  readonly locale: Locale;
  /** Display names to look for in a comment (the identifying-comment warning). */
  readonly names: readonly string[];
  /** The card as it is now, with a note on top and the follow-ups it shows. */
  readonly redraw: (note?: string, followUps?: FollowUpState) => Promise<AdaptiveCardJson>;
}

/**
 * One answer from a prompt card (Teams' Action.Execute, the web chat's cards): recorded through
 * the door, then the card redrawn. A comment that could identify its author comes back first
 * with a warning, and only to the person the card was sent to (its tag is theirs); a card that is
 * not this person's is never redrawn for them, they get a note.
 */
export async function answerFromCard(pulse: Pulse, input: CardAnswerInput): Promise<CardAnswer> {
  const { person, data, locale } = input;
  const question = await pulse.prompts.question(data.r, data.q);
  // A card sent before tags goes straight to the answer service, which applies the old rules.
  const own = question?.kind === 'text' && data.raw !== undefined && data.g !== undefined && pulse.prompts.tagMatches(data.t, person, data.g);
  const comment = own && data.raw !== undefined ? decideTeamsComment(input.rawData, data.raw, locale, input.names) : null;
  let followUps = followUpsOf(data);
  if (comment?.kind === 'warn')
    return { kind: 'card', card: withCommentWarning(await input.redraw(undefined, followUps), data.q, data.raw ?? '', comment.findings, locale) };
  const given = comment?.kind === 'send' ? comment.text : data.raw;
  let note: MessageKey | null = null;
  let commented = false;
  try {
    const outcome = await pulse.prompts.answer({
      roundId: data.r,
      person,
      responseToken: data.t,
      ...(data.g === undefined ? {} : { binding: data.g }),
      questionId: data.q,
      raw: rawFor(question, given),
    });
    commented = outcome === 'recorded' && question?.kind === 'text';
    if (outcome === 'already-answered') note = 'answer.already';
    else if (outcome === 'busy') note = 'answer.busy';
    // Only the click that stored a low answer opens its follow-up: a later click's value may not be the one stored.
    followUps = afterAnswer(followUps, data.q, outcome === 'recorded' && asksFollowUp(question, given), outcome !== 'busy' && followUpParent(data.q) !== null);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === 'NOT_INVITED') return { kind: 'note', text: t(locale, answerErrorKey(error.code)) };
    note = answerErrorKey(error.code);
  }
  return { kind: 'card', card: await input.redraw(note === null ? undefined : t(locale, note), followUps), ...(commented ? { commented } : {}) };
}
