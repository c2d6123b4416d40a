import { actionFollowUpQuestion, FOLLOW_UP_ROUNDS } from '../../domain/action-plan.js';
import { buildSegmentTree } from '../../domain/anonymity/segment-tree.js';
import type { QuestionSnapshot } from '../../domain/question-snapshot.js';
import type { RoundDoc } from '../../store/documents/rounds.js';
import type { ServiceDeps } from '../deps.js';

export interface ActionFollowUps {
  readonly questions: readonly QuestionSnapshot[];
  /** Question id → the segments whose people are asked it (the action's group, as the round's tree has it). */
  readonly scopes: Readonly<Record<string, string[]>>;
}

/**
 * The follow-up questions a new round of `surveyId` dated `date` asks (issue #19): "Has <action>
 * made a difference?" for each action of the survey committed by then that fewer than two rounds
 * have asked about, each asked only of the people of the action's group. Its answers are counted
 * like any question's, per reporting segment, and shown under the same thresholds.
 */
export async function actionFollowUps(
  deps: ServiceDeps,
  surveyId: string,
  date: string,
  segmentParents: Readonly<Record<string, string | null>>,
): Promise<ActionFollowUps> {
  const tree = buildSegmentTree(Object.entries(segmentParents).map(([id, parentId]) => ({ id, parentId })));
  const actions = await deps.store.database.collections.actions.find({ surveyId, committedOn: { $lte: date }, followUpsDone: { $ne: true } }).toArray();
  const questions: QuestionSnapshot[] = [];
  const scopes: Record<string, string[]> = {};
  for (const action of actions) {
    if (action.followUpRounds.length >= FOLLOW_UP_ROUNDS || !tree.has(action.segment)) continue;
    const question = actionFollowUpQuestion(action._id, action.words);
    questions.push(question);
    scopes[question.id] = tree.subtree(action.segment);
  }
  return { questions, scopes };
}

/** Records that `round` asked its actions' follow-ups (safe to repeat: a resumed fan-out adds nothing twice). */
export async function noteFollowUpRound(deps: ServiceDeps, round: Pick<RoundDoc, '_id' | 'questionScopes'>): Promise<void> {
  const ids = Object.keys(round.questionScopes ?? {}).flatMap((id) => (id.startsWith('action-') ? [id.slice('action-'.length)] : []));
  if (ids.length === 0) return;
  const { actions } = deps.store.database.collections;
  await actions.updateMany({ _id: { $in: ids } }, { $addToSet: { followUpRounds: round._id } });
  for (const action of await actions.find({ _id: { $in: ids } }).toArray()) {
    if (action.followUpRounds.length >= FOLLOW_UP_ROUNDS) await actions.updateOne({ _id: action._id }, { $set: { followUpsDone: true } });
  }
}
