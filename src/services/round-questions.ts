import { followUpParent, followUpQuestion, type Question } from '../domain/question.js';
import { questionById } from '../domain/templates/catalog.js';
import type { RoundDoc } from '../store/documents/rounds.js';

type RoundQuestionsSource = Pick<RoundDoc, 'questionIds' | 'questions'>;
type ScopedRound = RoundQuestionsSource & Pick<RoundDoc, 'questionScopes'>;

/**
 * One of a round's questions: its own snapshot (HR's questions), else the built-in bank's; a
 * follow-up id (`<id>.followup`) is the follow-up text question of a scored question that has one.
 */
export function roundQuestion(round: RoundQuestionsSource, id: string): Question | undefined {
  const parent = followUpParent(id);
  if (parent !== null) {
    const scored = roundQuestion(round, parent);
    return scored === undefined ? undefined : (followUpQuestion(scored) ?? undefined);
  }
  if (!round.questionIds.includes(id)) return undefined;
  return round.questions.find((q) => q.id === id) ?? questionById(id);
}

/** A round's questions in the order it asks them. */
export function roundQuestions(round: RoundQuestionsSource): Question[] {
  return round.questionIds.map((id) => roundQuestion(round, id)).filter((q): q is Question => q !== undefined);
}

/** A round's questions with each scored question's follow-up after it (what results report). */
export function reportedQuestions(round: RoundQuestionsSource): Question[] {
  return roundQuestions(round).flatMap((q) => {
    const followUp = followUpQuestion(q);
    return followUp === null ? [q] : [q, followUp];
  });
}

/** Whether people of reporting segment `segment` are asked question `id` (an action's follow-up is asked of its group only). */
export function askedOf(round: Pick<RoundDoc, 'questionScopes'>, id: string, segment: string): boolean {
  const scope = round.questionScopes?.[followUpParent(id) ?? id];
  return scope === undefined || scope.includes(segment);
}

/** The questions a person of reporting segment `segment` is asked, in order. */
export function questionsFor(round: ScopedRound, segment: string): Question[] {
  const questions = roundQuestions(round);
  return round.questionScopes === undefined ? questions : questions.filter((q) => askedOf(round, q.id, segment));
}
