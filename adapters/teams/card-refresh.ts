import type { Locale } from '../../src/domain/i18n/locale.js';
import type { Question } from '../../src/domain/question.js';
import { questionById } from '../../src/domain/templates/catalog.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import type { RoundDoc } from '../../src/store/documents/rounds.js';
import { promptCard, type AdaptiveCardJson } from './prompt-card.js';

export function roundQuestions(round: RoundDoc): Question[] {
  return round.questionIds.map((id) => questionById(id)).filter((q): q is Question => q !== undefined);
}

/**
 * The prompt card as the person should see it now, rebuilt from the round and the token (and its
 * tag, which the caller has checked belongs to this person) in the card they used: questions the ledger says they answered show "Answered" (never the value), and
 * a closed round shows no inputs. Nothing about the card is stored.
 */
export async function currentCard(deps: ServiceDeps, round: RoundDoc, person: string, token: string, binding: string, locale: Locale, note?: string): Promise<AdaptiveCardJson> {
  const questions = roundQuestions(round);
  const prompt = { roundId: round._id, surveyKind: round.kind, questions, responseToken: token, binding, minGroupSize: round.anonymity.minGroupSize, orgName: deps.settings.orgName };
  const noted = note === undefined ? {} : { note };
  const open = round.state === 'open' && deps.clock.now().toJSDate() < round.closesAt;
  if (!open) return promptCard(prompt, locale, { closed: true, ...noted });
  const answered = await deps.store.ledger.answeredQuestions(round._id, person, questions.map((q) => q.id));
  return promptCard(prompt, locale, { answered, ...noted });
}
