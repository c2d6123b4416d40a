import { DateTime } from 'luxon';
import { PULSE_DRIVERS } from './drivers.js';
import { snapshotQuestion, type QuestionSnapshot } from './question-snapshot.js';
import { questionsForRound } from './rotation.js';
import { surveyDefinitionSchema, type SurveyDefinition } from './survey-definition.js';
import type { SurveyDocument } from './survey-document.js';

/**
 * What the scheduler runs of a survey HR wrote: its schedule, audience and thresholds as a
 * definition (the same one the built-in pulse has), and each round's questions. `segmentIds`: the
 * audience's segments as resolved ids (HR may name them by handle).
 */
export function definitionOf(doc: SurveyDocument, segmentIds: readonly string[] | null = null): SurveyDefinition {
  const rotation = doc.questions.find((q) => 'rotate' in q);
  const trigger = doc.trigger;
  const cadence =
    trigger.type === 'once'
      ? { every: 'once' as const, weekday: DateTime.fromISO(trigger.date, { zone: 'utc' }).weekday, time: trigger.time, startDate: trigger.date }
      : trigger.type === 'event'
        ? // No dated rounds: the start date is never read.
          { every: 'event' as const, weekday: 1, time: trigger.time, startDate: '2000-01-03' }
        : { every: trigger.every, weekday: trigger.weekday, time: trigger.time, startDate: trigger.startDate };
  return surveyDefinitionSchema.parse({
    id: doc.id,
    name: doc.name,
    audience: {
      ...(doc.audience.type === 'segments' ? { type: 'segments', segments: [...(segmentIds ?? doc.audience.segments)] } : { type: 'everyone' }),
      ...(doc.audience.excludeJoinedWithinDays === undefined ? {} : { excludeJoinedWithinDays: doc.audience.excludeJoinedWithinDays }),
    },
    cadence,
    openDays: trigger.type === 'event' ? trigger.expiresAfterDays : doc.openDays,
    reminderDays: doc.reminderDays,
    ...(rotation !== undefined && 'rotate' in rotation
      ? { questionsPerRound: rotation.rotate.perRound, enpsEvery: rotation.rotate.enpsEvery, drivers: rotation.rotate.drivers }
      : { drivers: [...PULSE_DRIVERS] }),
    askComment: false,
    anonymity: { minGroupSize: doc.minGroupSize, minCommentGroupSize: doc.minCommentGroupSize },
    defaultLocale: doc.defaultLocale,
  });
}

export interface RoundPlan {
  /** Every question of the round, in the order asked. */
  readonly questionIds: readonly string[];
  /** HR's own questions among them, written out in every language. */
  readonly questions: readonly QuestionSnapshot[];
}

/** The questions of round `index` of a survey HR wrote: its own, built-ins by id, and a rotation's share. */
export function roundPlan(doc: SurveyDocument, index: number): RoundPlan {
  const ids: string[] = [];
  const questions: QuestionSnapshot[] = [];
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  for (const entry of doc.questions) {
    if ('builtin' in entry) add(entry.builtin);
    else if ('rotate' in entry) {
      const { perRound, enpsEvery, drivers } = entry.rotate;
      for (const id of questionsForRound({ questionsPerRound: perRound, enpsEvery, drivers, seed: doc.id }, index)) add(id);
    } else {
      add(entry.id);
      questions.push(snapshotQuestion(entry, doc.defaultLocale));
    }
  }
  return { questionIds: ids, questions };
}
