import { DateTime } from 'luxon';
import { buildSegmentTree } from '../domain/anonymity/segment-tree.js';
import { reportingSegment, rollUp } from '../domain/anonymity/suppression.js';
import { CellsTally } from './attribute-cuts/cells-at-fan-out.js';
import { cellsCollection } from './attribute-cuts/cuts-docs.js';
import { reportableAttributes } from './people-import.js';
import { insertOnce } from '../store/database.js';
import { questionsForRound } from '../domain/rotation.js';
import { localSendTime, roundIndexOnOrAfter, type IsoDate } from '../domain/schedule.js';
import { rotationSeed, type SurveyDefinition } from '../domain/survey-definition.js';
import type { SurveyDocument } from '../domain/survey-document.js';
import { roundPlan, type RoundPlan } from '../domain/survey-plan.js';
import { PULSE_COMMENT_QUESTION } from '../domain/templates/engagement-bank.js';
import { COUNTER_INVITED, ROUND_QUESTION } from '../store/documents/answers.js';
import type { PersonDoc } from '../store/documents/identity.js';
import { roundId as makeRoundId, type RoundDoc } from '../store/documents/rounds.js';
import { deliveryId } from '../store/deliveries-repo.js';
import type { ServiceDeps } from './deps.js';
import { actionFollowUps, noteFollowUpRound } from './actions/action-follow-ups.js';

export interface StartRoundOptions {
  /** Send every prompt at once instead of at each person's local time (`/pulse send-now`). */
  readonly sendNow?: boolean;
  /** Zone for people whose own is unknown. */
  readonly defaultTimezone: string;
  /**
   * Called each time a page of deliveries is written, so sending can begin before the whole
   * directory is (the delivery loop's `kick`: calls during a pass coalesce into one more pass).
   */
  readonly onDeliveriesWritten?: () => void;
  /** The survey as HR wrote it: its rounds ask its own questions (snapshotted), under its name. Absent: the built-in pulse. */
  readonly document?: SurveyDocument | null;
}

/** Fan-outs under way in this process, per store: a second caller joins the first instead of repeating it. */
const running = new WeakMap<object, Map<string, Promise<RoundDoc>>>();

function runningIn(store: object): Map<string, Promise<RoundDoc>> {
  let map = running.get(store);
  if (map === undefined) {
    map = new Map();
    running.set(store, map);
  }
  return map;
}

/**
 * Whether this process is fanning out `roundId` right now. The scheduler, which resumes fan-outs
 * a dead process left half done, leaves such a round alone and goes on sending what is written.
 */
export function fanOutRunning(deps: Pick<ServiceDeps, 'store'>, roundId: string): boolean {
  return runningIn(deps.store).has(roundId);
}

const PAGE = 100;
const FIRST_PAGE = 50;

/**
 * When a round stops taking answers: the end of its last open day everywhere on earth (UTC−12),
 * so nobody's last day is cut short by their time zone.
 */
export function roundClosesAt(date: IsoDate, openDays: number): DateTime {
  return DateTime.fromISO(date, { zone: 'Etc/GMT+12' }).plus({ days: openDays }).startOf('day');
}

/** With an audience that leaves out new joiners: the last first-seen day still invited to the round of `date`. */
export function joinedByFor(definition: SurveyDefinition, date: IsoDate): IsoDate | null {
  const days = definition.audience.excludeJoinedWithinDays;
  return days === undefined ? null : (DateTime.fromISO(date, { zone: 'utc' }).minus({ days }).toISODate() ?? null);
}

/** The built-in pulse's round: its rotation, then the comment question. */
function builtinPlan(definition: SurveyDefinition, index: number): RoundPlan {
  const questionIds = questionsForRound({ ...definition, seed: rotationSeed(definition) }, index);
  if (definition.askComment) questionIds.push(PULSE_COMMENT_QUESTION.id);
  return { questionIds, questions: [] };
}

/**
 * Opens the round of `definition` dated `date` and writes one pending delivery per person in
 * its audience. Safe to repeat: a second call finds the same round and adds only missing
 * deliveries. The directory is counted by the server, then streamed in pages, never held whole.
 */
export async function startRound(deps: ServiceDeps, definition: SurveyDefinition, date: IsoDate, options: StartRoundOptions): Promise<RoundDoc> {
  const id = makeRoundId(definition.id, date);
  const fanOuts = runningIn(deps.store);
  const under = fanOuts.get(id);
  if (under !== undefined) return under;
  const work = fanOut(deps, definition, date, options);
  fanOuts.set(id, work);
  try {
    return await work;
  } finally {
    fanOuts.delete(id);
  }
}

async function fanOut(deps: ServiceDeps, definition: SurveyDefinition, date: IsoDate, options: StartRoundOptions): Promise<RoundDoc> {
  const { store, clock } = deps;
  const index = roundIndexOnOrAfter(definition.cadence, date);
  const plan = options.document ? roundPlan(options.document, index) : builtinPlan(definition, index);
  const id = makeRoundId(definition.id, date);
  const logger = deps.logger.child({ roundId: id });

  const segmentParents = await store.segments.parents();
  const followUps = await actionFollowUps(deps, definition.id, date, segmentParents);
  const { round, created } = await store.rounds.createOnce({
    _id: id,
    surveyId: definition.id,
    kind: 'pulse',
    date,
    index,
    questionIds: [...plan.questionIds, ...followUps.questions.map((q) => q.id)],
    questions: [...plan.questions, ...followUps.questions],
    ...(followUps.questions.length > 0 ? { questionScopes: { ...followUps.scopes } } : {}),
    surveyName: options.document ? options.document.name : null,
    anonymity: definition.anonymity,
    opensAt: clock.now().toJSDate(),
    // With skipWeekends a weekend round goes out on Monday: count the open days from there.
    closesAt: roundClosesAt(localSendTime(date, definition.cadence.time, 'UTC', definition.skipWeekends).toISODate() ?? date, definition.openDays).toJSDate(),
    state: 'open',
    countsFinal: false,
    fannedOut: false,
    sendNow: options.sendNow === true,
    segmentParents,
    attributes: [...new Set(await reportableAttributes(deps))],
  });
  if (!created) logger.info({}, 'round exists; resuming its fan-out');
  await noteFollowUpRound(deps, round);
  if (round.fannedOut) return round;

  const tree = buildSegmentTree(Object.entries(round.segmentParents).map(([id, parentId]) => ({ id, parentId })));
  const scope = definition.audience.type === 'segments' ? definition.audience.segments.flatMap((s) => tree.subtree(s)) : null;

  // One invitation per person: accounts sharing a verified e-mail are linked before anyone is counted.
  await store.people.linkAccounts();
  // The directory's first page is read while the server counts it: the first prompts wait for both.
  const joinedBy = joinedByFor(definition, date);
  const people = store.people.stream(definition.audience, scope, joinedBy)[Symbol.asyncIterator]();
  const firstPerson = people.next();
  firstPerson.catch(() => undefined);
  const own = new Map<string, number>();
  try {
    for (const [segment, n] of await store.people.countBySegment(definition.audience, scope, joinedBy)) {
      const key = segment ?? tree.root;
      own.set(key, (own.get(key) ?? 0) + n);
    }
  } catch (error) {
    await people.return(undefined);
    throw error;
  }
  const invitedBySubtree = rollUp(tree, own);
  const k = round.anonymity.minGroupSize;
  const now = clock.now();
  // Results may be cut by the attributes HR marked reportable (issue #20): each prompt carries its person's values.
  const cells = round.attributes.length > 0 ? new CellsTally(round.attributes, date) : null;

  // Deliveries due at once go straight to this process's sender as they are written (see fresh-deliveries.ts).
  const feed = deps.fresh?.open();
  let page: PersonDoc[] = [];
  const flush = async (): Promise<void> => {
    const inserted = await store.deliveries.addPending(
      page.map((person) => {
        const zone = person.timezone ?? options.defaultTimezone;
        const local = localSendTime(date, definition.cadence.time, zone, definition.skipWeekends);
        const sendAt = options.sendNow === true || local < now ? now.setZone(zone) : local;
        const segment = reportingSegment(tree, person.segment, invitedBySubtree, k);
        const cut = cells?.valuesOf(person.attributes);
        return {
          ...(cut === undefined ? {} : { cut }),
          reminders: definition.reminderDays.map((days) => sendAt.plus({ days }).toJSDate()),
          _id: deliveryId(id, person._id),
          roundId: id,
          personKey: person._id,
          platform: person.platform,
          reportingSegment: segment,
          sendAt: sendAt.toJSDate(),
        };
      }),
    );
    const byKey = new Map(page.map((person) => [person._id, person]));
    feed?.offer(
      inserted.flatMap((delivery) => {
        const person = byKey.get(delivery.personKey);
        return person !== undefined && delivery.sendAt <= now.toJSDate() ? [{ delivery, person }] : [];
      }),
    );
    if (page.length > 0) options.onDeliveriesWritten?.();
    page = [];
  };
  try {
    let pages = 0;
    for (let next = await firstPerson; next.done !== true; next = await people.next()) {
      page.push(next.value);
      // A short first page: sending can begin (onDeliveriesWritten) while the rest is written.
      if (page.length >= (pages === 0 ? FIRST_PAGE : PAGE)) {
        await flush();
        pages++;
      }
    }
    await flush();
  } finally {
    feed?.close();
    await people.return(undefined);
  }

  const invited = await store.deliveries.invitedBySegment(id);
  await store.counters.set(
    id,
    [...invited].map(([segment, n]) => ({ segment, questionId: ROUND_QUESTION, value: COUNTER_INVITED, n })),
  );
  if (cells !== null) {
    // From the stored deliveries, not this pass's reading of the directory: after a crash, the
    // ones written before it keep the values and group they were made with, and so must the cells.
    for await (const delivery of store.database.collections.deliveries.find({ roundId: id }, { projection: { _id: 0, reportingSegment: 1, cut: 1 } }))
      if (Array.isArray(delivery.cut)) cells.add(delivery.reportingSegment, delivery.cut);
    await insertOnce(cellsCollection(store.database), cells.doc(id, k));
  }
  await store.rounds.update(id, { fannedOut: true });
  logger.info({ invited: [...invited.values()].reduce((a, b) => a + b, 0) }, 'round opened');
  return { ...round, fannedOut: true };
}
