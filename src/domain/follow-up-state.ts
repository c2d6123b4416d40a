/**
 * Which follow-ups a prompt shows and which of them were answered: state that lives only in the
 * message (Slack's blocks, a Teams card's action data, the web chat's inbox entry), never in the
 * database, because a follow-up shown says the answer above it was low.
 */
export interface FollowUpState {
  /** Scored questions whose follow-up the prompt shows. */
  readonly shown: ReadonlySet<string>;
  /** Follow-up ids answered. */
  readonly answered: ReadonlySet<string>;
}

export const NO_FOLLOW_UPS: FollowUpState = { shown: new Set(), answered: new Set() };

/** The state after a click: a low answer adds its follow-up, an answered follow-up is marked answered. */
export function afterAnswer(state: FollowUpState, questionId: string, opensFollowUp: boolean, followUpAnswered: boolean): FollowUpState {
  if (!opensFollowUp && !followUpAnswered) return state;
  const shown = new Set(state.shown);
  const answered = new Set(state.answered);
  if (opensFollowUp) shown.add(questionId);
  if (followUpAnswered) answered.add(questionId);
  return { shown, answered };
}
