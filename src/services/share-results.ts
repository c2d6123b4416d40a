import type { SharedFigure, SharedGroup } from '../domain/shared-results.js';
import { sharedResultsText } from '../domain/shared-results.js';
import type { RoundDoc } from '../store/documents/rounds.js';
import type { PlatformRegistry } from './deliver-due.js';
import type { ServiceDeps } from './deps.js';
import type { QuestionResult } from './question-results.js';
import { recipientOf } from './recipient.js';
import { resultsInRange, type SegmentSlice } from './results-range.js';
import { reportedQuestions } from './round-questions.js';

/**
 * Results shared back (issue #19): when a round of a survey with `shareResults` closes, everyone
 * invited gets the organisation's results and their own group's, each only where the results
 * door shows it (the same slices as the HR API, so no new figure exists). A record per round
 * (no person) says the message is owed; the schedule tick sends it, once.
 */
export async function queueSharedResults(deps: ServiceDeps, round: RoundDoc): Promise<void> {
  if (round.mergedInto !== null || round.kind !== 'pulse') return;
  const survey = await deps.store.rounds.survey(round.surveyId);
  if (survey?.document?.shareResults !== true) return;
  await deps.store.database.collections.resultShares.updateOne({ _id: round._id }, { $setOnInsert: { state: 'pending' } }, { upsert: true });
}

function figureOf(result: QuestionResult): SharedFigure | null {
  if (!result.visible) return null;
  switch (result.type) {
    case 'agreement':
      return { type: 'agreement', mean: result.mean, favourable: result.favourable };
    case 'scale':
      return { type: 'scale', mean: result.mean };
    case 'enps':
      return { type: 'enps', score: result.enps.score };
    case 'yesno':
      return { type: 'yesno', yesShare: result.yesShare };
    case 'choice':
    case 'multi': {
      const [top] = Object.entries(result.options).sort((a, b) => b[1] - a[1]);
      return top === undefined || top[1] === 0 ? null : { type: result.type, top: top[0] };
    }
    case 'text':
      return null;
  }
}

function groupOf(round: RoundDoc, slice: SegmentSlice, own: boolean): SharedGroup {
  const questions = new Map(reportedQuestions(round).map((q) => [q.id, q]));
  const figures = slice.questions.flatMap((result) => {
    const question = questions.get(result.questionId);
    const figure = figureOf(result);
    return question === undefined || figure === null ? [] : [{ question, figure }];
  });
  return { own, name: slice.name, respondents: slice.respondents ?? 0, figures };
}

/** Sends the results owed for closed rounds: one message to each person invited, in their language. */
export async function sendSharedResults(deps: ServiceDeps, platforms: PlatformRegistry): Promise<number> {
  const { resultShares, deliveries } = deps.store.database.collections;
  let sent = 0;
  for (const share of await resultShares.find({ state: 'pending' }).toArray()) {
    if ((await resultShares.updateOne({ _id: share._id, state: 'pending' }, { $set: { state: 'sending' } })).modifiedCount !== 1) continue;
    const round = await deps.store.rounds.get(share._id);
    if (round !== null) {
      const range = await resultsInRange(deps, { survey: round.surveyId, from: round.date, to: round.date });
      const slices = range.kind === 'pulse' ? range.rounds.find((r) => r.roundId === round._id) : undefined;
      const bySegment = new Map((slices?.segments ?? []).filter((s) => s.visible).map((s) => [s.segment, s]));
      const root = slices?.segments[0]?.segment;
      const org = root === undefined ? undefined : bySegment.get(root);
      for await (const delivery of deliveries.find({ roundId: round._id, state: { $in: ['sent', 'closed'] } })) {
        const person = await deps.store.people.get(delivery.personKey);
        const platform = platforms.get(delivery.platform);
        if (person === null || !person.active || platform === undefined) continue;
        const own = delivery.reportingSegment === root ? undefined : bySegment.get(delivery.reportingSegment);
        const groups = [...(org ? [groupOf(round, org, false)] : []), ...(own ? [groupOf(round, own, true)] : [])];
        if (groups.length === 0) continue;
        const recipient = recipientOf(deps, person, delivery);
        const text = sharedResultsText(
          { surveyKind: round.kind, surveyName: round.surveyName, date: round.date, groups },
          recipient.locale,
          deps.settings.orgName,
        );
        try {
          await platform.sendNotice(recipient, text);
          sent++;
        } catch (error) {
          deps.logger.warn({ roundId: round._id, code: error instanceof Error ? error.message.slice(0, 100) : 'unknown' }, 'shared results not sent');
        }
      }
    }
    await resultShares.updateOne({ _id: share._id }, { $set: { state: 'sent' } });
  }
  return sent;
}
