import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nextOccurrences, roundDates, roundIndexOf } from '../../src/domain/schedule.js';
import { checkSurveyDocument, type SurveyDocument } from '../../src/domain/survey-document.js';
import { definitionOf, roundPlan } from '../../src/domain/survey-plan.js';

const FLOOR = { minGroupSize: 5, minCommentGroupSize: 5 };

function document(input: Record<string, unknown>): SurveyDocument {
  const check = checkSurveyDocument({ id: 's', name: 'S', trigger: { type: 'once', date: '2027-03-10', time: '10:00' }, ...input }, FLOOR);
  if (!check.ok) throw new Error(JSON.stringify(check.issues));
  return check.document;
}

describe('what the scheduler runs of a survey HR wrote', () => {
  it('a quarterly survey runs on the first chosen weekday of every third month', () => {
    const doc = document({
      trigger: { type: 'recurring', every: 'quarterly', weekday: 2, time: '09:00', startDate: '2027-01-01' },
      questions: [{ builtin: 'enps' }],
    });
    const { cadence } = definitionOf(doc);
    expect(roundDates(cadence, '2027-01-01', 4)).toEqual(['2027-01-05', '2027-04-06', '2027-07-06', '2027-10-05']);
    expect(roundDates(cadence, '2027-04-07', 1)).toEqual(['2027-07-06']);
    expect(roundIndexOf(cadence, '2027-07-06')).toBe(2);
  });

  it('a survey sent once has that one round and no other', () => {
    const { cadence } = definitionOf(document({ questions: [{ builtin: 'enps' }] }));
    expect(roundDates(cadence, '2027-01-01', 3)).toEqual(['2027-03-10']);
    expect(roundDates(cadence, '2027-03-11', 3)).toEqual([]);
    expect(roundIndexOf(cadence, '2027-03-10')).toBe(0);
    expect(roundIndexOf(cadence, '2027-03-17')).toBeNull();
    const after = DateTime.fromISO('2027-01-01T00:00:00Z');
    expect(nextOccurrences(cadence, 'Europe/Oslo', after, 3, true).map((d) => d.toISO())).toEqual(['2027-03-10T10:00:00.000+01:00']);
  });

  it('takes the document’s audience, timings and thresholds, and the segments as resolved', () => {
    const doc = document({
      audience: { type: 'segments', segments: ['Engineering'] },
      openDays: 7,
      reminderDays: [2, 5],
      minGroupSize: 6,
      questions: [{ builtin: 'enps' }],
    });
    expect(definitionOf(doc, ['engineering'])).toMatchObject({
      audience: { type: 'segments', segments: ['engineering'] },
      openDays: 7,
      reminderDays: [2, 5],
      anonymity: { minGroupSize: 6, minCommentGroupSize: 6 },
      askComment: false,
    });
  });

  it('a round asks HR’s questions written out in every language, falling back to the default one', () => {
    const doc = document({
      defaultLocale: 'nb',
      questions: [
        { builtin: 'enps' },
        { id: 'desk', type: 'yesno', text: { nb: 'Har du en god pult?', en: 'Do you have a good desk?' } },
        {
          id: 'lunch',
          type: 'choice',
          text: { nb: 'Lunsj?' },
          options: [
            { id: 'a', text: { nb: 'Kantina' } },
            { id: 'b', text: { nb: 'Matpakke', sv: 'Matlåda' } },
          ],
        },
      ],
    });
    const plan = roundPlan(doc, 0);
    expect(plan.questionIds).toEqual(['enps', 'desk', 'lunch']);
    expect(plan.questions).toEqual([
      {
        id: 'desk',
        kind: 'choice',
        yesno: true,
        text: { en: 'Do you have a good desk?', nb: 'Har du en god pult?', sv: 'Har du en god pult?' },
        options: [
          { value: 'yes', label: { en: 'Yes', nb: 'Ja', sv: 'Ja' } },
          { value: 'no', label: { en: 'No', nb: 'Nei', sv: 'Nej' } },
        ],
      },
      {
        id: 'lunch',
        kind: 'choice',
        text: { en: 'Lunsj?', nb: 'Lunsj?', sv: 'Lunsj?' },
        options: [
          { value: 'a', label: { en: 'Kantina', nb: 'Kantina', sv: 'Kantina' } },
          { value: 'b', label: { en: 'Matpakke', nb: 'Matpakke', sv: 'Matlåda' } },
        ],
      },
    ]);
  });

  it('a rotation deals drivers round by round, and eNPS named twice is asked once', () => {
    const doc = document({ questions: [{ builtin: 'enps' }, { rotate: { drivers: ['growth', 'voice'], perRound: 2, enpsEvery: 2 } }] });
    const first = roundPlan(doc, 0).questionIds;
    const second = roundPlan(doc, 1).questionIds;
    expect(first[0]).toBe('enps');
    expect(first.filter((id) => id === 'enps')).toHaveLength(1);
    expect(second.filter((id) => id !== 'enps').map((id) => id.split('-')[0])).toHaveLength(2);
    expect(new Set([...first, ...second].filter((id) => id !== 'enps').map((id) => id.split('-')[0]))).toEqual(new Set(['growth', 'voice']));
  });
});
