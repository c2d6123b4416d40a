import type { Locale } from '../../src/domain/i18n/locale.js';
import type { Question } from '../../src/domain/question.js';
import { questionById } from '../../src/domain/templates/catalog.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import type { RoundDoc } from '../../src/store/documents/rounds.js';
import { promptMessage, type SlackMessage } from './prompt-blocks.js';
import { markAnswered, markClosed } from './prompt-state.js';

/**
 * The prompt as the person should see it now: rebuilt from the round and the token in the
 * button they clicked, with every question the ledger says they answered marked "Answered".
 * Nothing about the message is stored; the ledger only knows "answered", never the value.
 */
export async function currentPrompt(
  deps: ServiceDeps,
  round: RoundDoc,
  person: string,
  token: string,
  /** The tag from the clicked button, which the answer service has checked belongs to `person`. */
  binding: string,
  locale: Locale,
): Promise<SlackMessage> {
  const questions = round.questionIds.map((id) => questionById(id)).filter((q): q is Question => q !== undefined);
  const message = promptMessage(
    { roundId: round._id, surveyKind: round.kind, questions, responseToken: token, binding, minGroupSize: round.anonymity.minGroupSize, orgName: deps.settings.orgName },
    locale,
  );
  const open = round.state === 'open' && deps.clock.now().toJSDate() < round.closesAt;
  if (!open) return { ...message, blocks: markClosed(message.blocks, locale) };
  const answered = await deps.store.ledger.answeredQuestions(round._id, person, questions.map((q) => q.id));
  let blocks = message.blocks;
  for (const question of questions) {
    if (answered.has(question.id)) blocks = markAnswered(blocks, question.id, locale);
  }
  return { ...message, blocks };
}
