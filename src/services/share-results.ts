import type { Locale } from '../domain/i18n/locale.js';
import type { SharedAction, SharedFigure, SharedGroup } from '../domain/shared-results.js';
import type { PersonDoc, PersonKey } from '../store/documents/identity.js';
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

/** What a closed round shows to everyone invited to it: the organisation's slice and each visible group's (the results door's). */
interface RoundShare {
  readonly round: RoundDoc;
  readonly root: string | undefined;
  readonly org: SegmentSlice | undefined;
  readonly bySegment: ReadonlyMap<string, SegmentSlice>;
}

async function roundShare(deps: ServiceDeps, round: RoundDoc): Promise<RoundShare> {
  const range = await resultsInRange(deps, { survey: round.surveyId, from: round.date, to: round.date });
  const slices = range.kind === 'pulse' ? range.rounds.find((r) => r.roundId === round._id) : undefined;
  const bySegment = new Map((slices?.segments ?? []).filter((s) => s.visible).map((s) => [s.segment, s]));
  const root = slices?.segments[0]?.segment;
  return { round, root, org: root === undefined ? undefined : bySegment.get(root), bySegment };
}

/** The open actions of the groups a person is in (their segment and every group above it, as the directory has it now). */
async function openActionsFor(deps: ServiceDeps, segment: string | null): Promise<SharedAction[]> {
  const tree = await deps.store.segments.tree();
  const chain: string[] = [];
  for (let group: string | null = segment !== null && tree.has(segment) ? segment : tree.root; group !== null; group = tree.parent(group)) chain.push(group);
  const found = await deps.store.database.collections.actions
    .find({ segment: { $in: chain }, status: { $ne: 'done' } })
    .sort({ dueDate: 1 })
    .toArray();
  return found.map((a) => ({ words: a.words, status: a.status, dueDate: a.dueDate }));
}

/** The message for one person invited to the round (filed under `reportingSegment`), in `locale`; null when nothing may be shown. */
async function messageFor(deps: ServiceDeps, share: RoundShare, person: PersonDoc, reportingSegment: string, locale: Locale): Promise<string | null> {
  const { round, root, org } = share;
  const own = reportingSegment === root ? undefined : share.bySegment.get(reportingSegment);
  const groups = [...(org ? [groupOf(round, org, false)] : []), ...(own ? [groupOf(round, own, true)] : [])];
  if (groups.length === 0) return null;
  const actions = await openActionsFor(deps, person.segment);
  return sharedResultsText({ surveyKind: round.kind, surveyName: round.surveyName, date: round.date, groups, actions }, locale, deps.settings.orgName);
}

/** Sends the results owed for closed rounds: one message to each person invited, in their language. */
export async function sendSharedResults(deps: ServiceDeps, platforms: PlatformRegistry): Promise<number> {
  const { resultShares, deliveries } = deps.store.database.collections;
  let sent = 0;
  for (const pending of await resultShares.find({ state: 'pending' }).toArray()) {
    if ((await resultShares.updateOne({ _id: pending._id, state: 'pending' }, { $set: { state: 'sending' } })).modifiedCount !== 1) continue;
    const round = await deps.store.rounds.get(pending._id);
    if (round !== null) {
      const share = await roundShare(deps, round);
      for await (const delivery of deliveries.find({ roundId: round._id, state: { $in: ['sent', 'closed'] } })) {
        const person = await deps.store.people.get(delivery.personKey);
        const platform = platforms.get(delivery.platform);
        if (person === null || !person.active || platform === undefined) continue;
        const recipient = recipientOf(deps, person, delivery);
        const text = await messageFor(deps, share, person, delivery.reportingSegment, recipient.locale);
        if (text === null) continue;
        try {
          await platform.sendNotice(recipient, text);
          sent++;
        } catch (error) {
          deps.logger.warn({ roundId: round._id, code: error instanceof Error ? error.message.slice(0, 100) : 'unknown' }, 'shared results not sent');
        }
      }
    }
    await resultShares.updateOne({ _id: pending._id }, { $set: { state: 'sent' } });
  }
  return sent;
}

/**
 * `results` for someone who is not a leader (issue #19): the latest round shared back that they
 * were invited to, as the message they were sent; null when there is none.
 */
export async function latestSharedResults(deps: ServiceDeps, caller: PersonKey, locale: Locale): Promise<string | null> {
  const person = await deps.store.people.get(caller);
  if (person === null) return null;
  const shared = (await deps.store.database.collections.resultShares.find({ state: 'sent' }, { projection: { _id: 1 } }).toArray()).map((s) => s._id);
  if (shared.length === 0) return null;
  const invited = await deps.store.database.collections.deliveries
    .find({ personKey: caller, roundId: { $in: shared }, state: { $in: ['sent', 'closed'] } }, { projection: { roundId: 1, reportingSegment: 1 } })
    .toArray();
  const rounds = (await Promise.all(invited.map(async (d) => ({ delivery: d, round: await deps.store.rounds.get(d.roundId) })))).filter(
    (r): r is { delivery: (typeof invited)[number]; round: RoundDoc } => r.round !== null,
  );
  const latest = rounds.sort((a, b) => b.round.date.localeCompare(a.round.date))[0];
  if (latest === undefined) return null;
  return messageFor(deps, await roundShare(deps, latest.round), person, latest.delivery.reportingSegment, locale);
}
