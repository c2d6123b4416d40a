import { counterValues, parseAnswer, type RawAnswer } from '../domain/answer.js';
import { DomainError } from '../domain/errors.js';
import { followUpParent } from '../domain/question.js';
import { askedOf, roundQuestion } from './round-questions.js';
import { linksAnswers } from './impact/impact-at-close.js';
import { COUNTER_ANSWERED, COUNTER_RESPONDENTS, ROUND_QUESTION } from '../store/documents/answers.js';
import type { PersonKey } from '../store/documents/identity.js';
import type { RoundDoc } from '../store/documents/rounds.js';
import type { ServiceDeps } from './deps.js';

export interface AnswerInput {
  readonly roundId: string;
  readonly person: PersonKey;
  /** From the prompt's button value: links retries of one click, never stored. */
  readonly responseToken: string;
  /** The token's recipient tag from the same button (see store/answer-id.ts promptTag). */
  readonly binding?: string;
  readonly questionId: string;
  readonly raw: RawAnswer;
}

/** `busy`: the answer path was full and the click was turned away before anything was stored. */
export type AnswerOutcome = 'recorded' | 'already-answered' | 'busy';

/**
 * Records one anonymous answer.
 *
 * Order matters for crash safety without transactions: the answer is written first under an id
 * derived from the prompt's token (a retry finds it and writes nothing), then the ledger learns
 * that this person answered. Live counters are bumped only by the call that stored the answer,
 * and written with others within 200 ms without the caller waiting (counter-batcher.ts); a
 * crash before that can leave a live counter short, and closing the round recounts them exactly
 * from the answers (closing waits for the counts in flight too).
 *
 * Round trips: the round and the person's delivery come from per-process caches (a round for at
 * most a second, see rounds-repo.ts; a delivery for a minute, see answer-lookups.ts), so a click
 * costs the ledger check, the answer and the ledger entry, plus the "took part" entry on a
 * person's first answer of the round; every read is by `_id`, the counters of all clicks within
 * 200 ms share one write, and under load the writes of concurrent clicks go out together
 * (insert-batcher.ts, write-lane.ts).
 */
export async function recordAnswer(deps: ServiceDeps, input: AnswerInput): Promise<AnswerOutcome> {
  if (deps.admission === undefined) return recordAdmitted(deps, input);
  const admitted = await deps.admission.run(() => recordAdmitted(deps, input));
  if (admitted.admitted) return admitted.value;
  const platform = input.person.split(':')[0];
  if (platform === 'slack' || platform === 'teams' || platform === 'web') deps.metrics?.answerShed(platform);
  return 'busy';
}

async function recordAdmitted(deps: ServiceDeps, input: AnswerInput): Promise<AnswerOutcome> {
  const { store, clock } = deps;
  const round = await store.rounds.getCached(input.roundId);
  if (round === null) throw new DomainError('ROUND_NOT_FOUND', `no round ${input.roundId}`);
  if (round.state !== 'open' || clock.now().toJSDate() >= round.closesAt) {
    throw new DomainError('ROUND_CLOSED', `round ${round._id} is ${round.state}`);
  }
  // From the moment it is found open (no await in between), closing waits for this answer, and
  // for its live counts, which are written after the answer is (counter-batcher.ts).
  const leave = store.inFlight.enter(round._id);
  const counted: Promise<void>[] = [];
  try {
    return await recordIn(deps, round, input, counted);
  } finally {
    void Promise.allSettled(counted).then((results) => {
      leave();
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      // The answer is stored; closing the round recounts the live counts exactly from the answers.
      if (failed !== undefined) deps.logger.warn({ err: failed.reason as unknown, roundId: round._id }, 'a live count was not written; the close recounts it');
    });
  }
}

/** A promise whose failure is reported by whoever settles it later (recordAdmitted), never as unhandled meanwhile. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

async function recordIn(deps: ServiceDeps, round: RoundDoc, input: AnswerInput, counted: Promise<void>[]): Promise<AnswerOutcome> {
  const { store, clock } = deps;
  const question = roundQuestion(round, input.questionId);
  if (question === undefined) throw new DomainError('UNKNOWN_QUESTION', `round ${round._id} has no question ${input.questionId}`);
  const answer = parseAnswer(question, input.raw);

  const delivery = await store.lookups.invitation(round._id, input.person);
  if (delivery === null) throw new DomainError('NOT_INVITED', `round ${round._id} was not sent to this person`);
  // The token must have been sent to the person clicking: someone holding another person's
  // message can neither answer through it nor learn anything (this is the reply any stranger gets).
  if (delivery.bound && !store.ledger.promptTagMatches(input.responseToken, input.person, input.binding)) {
    throw new DomainError('NOT_INVITED', `round ${round._id}: this prompt was not sent to this person`);
  }
  if (delivery.expiresAt !== null && clock.now().toJSDate() >= delivery.expiresAt) {
    throw new DomainError('ROUND_CLOSED', `this person's prompt in ${round._id} has expired`);
  }
  const segment = delivery.reportingSegment;
  if (!askedOf(round, question.id, segment)) throw new DomainError('UNKNOWN_QUESTION', `round ${round._id} did not ask this person ${question.id}`);
  const id = store.ledger.answerId(input.responseToken, question.id);

  const value = answer.kind === 'text' ? answer.text : answer.kind === 'multi' ? [...answer.values] : answer.value;
  const kind = answer.kind === 'text' ? 'comment' : 'response';
  const comparable = typeof value === 'string' && kind === 'comment' ? value : JSON.stringify(value);
  // A follow-up is asked only after a low answer, so "this person answered it" would say how they
  // answered: the ledger never learns it. Its id, derived from the prompt's token, keeps it to one.
  const followUp = followUpParent(question.id) !== null;
  if (!followUp && (await store.ledger.hasAnswered(round._id, input.person, question.id))) {
    // A second click on an answered question changes nothing, and is answered the same way
    // whatever its value: the reply never tells which value was stored.
    return 'already-answered';
  }

  const base = { _id: id, roundId: round._id, roundDate: round.date, questionId: question.id, segment };
  // eNPS and each scored answer of one prompt are linked until the round closes (impact-at-close.ts);
  // so is every answer of a prompt that carries attribute values, which go with it (attribute-cuts).
  const cut = delivery.cut;
  const linked = (typeof value === 'number' && (question.kind === 'scale' || question.kind === 'likert') && linksAnswers(round)) || cut !== undefined;
  const stored =
    answer.kind === 'text'
      ? await store.answers.addComment({ ...base, text: answer.text })
      : await store.answers.addResponse({
          ...base,
          value,
          ...(linked ? { link: store.ledger.promptLink(input.responseToken) } : {}),
          ...(cut === undefined ? {} : { cut }),
        });
  if (!stored && (await store.answers.storedValue(kind, id)) !== comparable) {
    // Two different clicks on one prompt raced; the first one stored wins.
    if (!followUp) await store.ledger.markQuestion(round._id, input.person, question.id);
    return 'already-answered';
  }
  if (stored) counted.push(quiet(store.counters.increment(round._id, segment, question.id, [...counterValues(answer), COUNTER_ANSWERED])));

  if (!followUp) await store.ledger.markQuestion(round._id, input.person, question.id);
  if (await store.ledger.markRound(round._id, input.person, segment)) {
    counted.push(quiet(store.counters.increment(round._id, segment, ROUND_QUESTION, [COUNTER_RESPONDENTS])));
  }
  return 'recorded';
}
