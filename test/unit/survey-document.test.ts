import { describe, expect, it } from 'vitest';
import { checkSurveyDocument, textIn } from '../../src/domain/survey-document.js';
import { teamHealth } from '../support/survey-fixtures.js';

const FLOOR = { minGroupSize: 5, minCommentGroupSize: 5 };

type Doc = ReturnType<typeof teamHealth> & Record<string, unknown>;

/** The issues of a changed copy of the example, as `path: message` lines. */
function issuesOf(change: (doc: Doc) => void): { path: string; message: string }[] {
  const doc = teamHealth() as Doc;
  change(doc);
  const check = checkSurveyDocument(doc, FLOOR);
  return check.ok ? [] : [...check.issues];
}

describe('a survey document as HR writes it', () => {
  it('the example from the contract is valid as written', () => {
    const check = checkSurveyDocument(teamHealth(), FLOOR);
    expect(check.ok).toBe(true);
  });

  it('everything but id, name, trigger and questions has a default, and the thresholds default to the installation’s', () => {
    const check = checkSurveyDocument(
      { id: 'pulse-2', name: 'Pulse', trigger: { type: 'once', date: '2027-02-01', time: '10:00' }, questions: [{ builtin: 'enps' }] },
      { minGroupSize: 7, minCommentGroupSize: 9 },
    );
    expect(check.ok && check.document).toMatchObject({
      defaultLocale: 'en',
      audience: { type: 'everyone' },
      openDays: 5,
      reminderDays: [3],
      minGroupSize: 7,
      minCommentGroupSize: 9,
      inSummary: false,
      shareResults: false,
      announceActions: true,
    });
  });

  // Each rule: the document with one thing wrong, the JSON path HR is pointed to, and a hint of what to do.
  const rules: [string, (doc: Doc) => void, string, RegExp][] = [
    ['an id that is not a slug', (d) => (d.id = 'Team Health!'), 'id', /lowercase/],
    ['no name', (d) => (d.name = ' '), 'name', /empty/],
    ['a language we do not speak', (d) => (d.defaultLocale = 'de'), 'defaultLocale', /en|nb|sv/],
    ['a cadence we do not run', (d) => (d.trigger = { ...d.trigger, every: 'daily' }), 'trigger.every', /weekly/],
    ['a weekday past Sunday', (d) => (d.trigger = { ...d.trigger, weekday: 8 }), 'trigger.weekday', /Sunday/],
    ['a time that is not HH:mm', (d) => (d.trigger = { ...d.trigger, time: '9.30' }), 'trigger.time', /09:00/],
    ['a start date that is not a date', (d) => (d.trigger = { ...d.trigger, startDate: '05/01/2027' }), 'trigger.startDate', /YYYY-MM-DD/],
    ['an audience of no segments', (d) => (d.audience = { type: 'segments', segments: [] }), 'audience.segments', /everyone/],
    ['a reminder after the round closes', (d) => (d.reminderDays = [6]), 'reminderDays[0]', /openDays/],
    ['a threshold below the installation’s', (d) => (d.minGroupSize = 3), 'minGroupSize', /PULSE_MIN_GROUP_SIZE/],
    ['a comment threshold below the installation’s', (d) => (d.minCommentGroupSize = 4), 'minCommentGroupSize', /PULSE_MIN_COMMENT_GROUP_SIZE/],
    [
      'a comment threshold below the survey’s own score threshold',
      (d) => ((d.minGroupSize = 8), (d.minCommentGroupSize = 6)),
      'minCommentGroupSize',
      /at least minGroupSize/,
    ],
    ['no questions', (d) => (d.questions = []), 'questions', /at least one/],
    ['a built-in question that does not exist', (d) => (d.questions[0] = { builtin: 'happiness-99' }), 'questions[0].builtin', /survey-templates/],
    ['two questions with one id', (d) => ((d.questions[3] as { id: string }).id = 'focus'), 'questions[3].id', /questions\[1\]/],
    ['a text missing in the default language', (d) => ((d.questions[1] as { text: object }).text = { nb: 'Bare norsk' }), 'questions[1].text', /"en"/],
    ['an empty text', (d) => ((d.questions[1] as { text: object }).text = { en: '' }), 'questions[1].text.en', /empty/],
    ['a question type we do not have', (d) => ((d.questions[1] as { type: string }).type = 'slider'), 'questions[1].type', /agreement, scale/],
    ['a choice with one option', (d) => ((d.questions[2] as { options: unknown[] }).options.length = 1), 'questions[2].options', /2 to 10/],
    ['two options with one id', (d) => ((d.questions[2] as { options: { id: string }[] }).options[1]!.id = 'laptop'), 'questions[2].options[1].id', /own id/],
    [
      'a follow-up everyone would get',
      (d) => ((d.questions[1] as { followUp: { atOrBelow: number } }).followUp.atOrBelow = 5),
      'questions[1].followUp.atOrBelow',
      /below 5/,
    ],
    ['a text question made required', (d) => ((d.questions[3] as { optional?: boolean }).optional = false), 'questions[3].optional', /always optional/],
    [
      'two rotations',
      (d) => d.questions.push({ rotate: { drivers: ['growth'] } } as never, { rotate: { drivers: ['peers'] } } as never),
      'questions[5].rotate',
      /at most one/,
    ],
  ];
  for (const [what, change, path, hint] of rules) {
    it(`refuses ${what}, pointing at ${path}`, () => {
      const issues = issuesOf(change);
      const issue = issues.find((i) => i.path === path);
      expect(issue, JSON.stringify(issues)).toBeDefined();
      expect(issue?.message).toMatch(hint);
    });
  }

  it('lists every problem at once, not only the first', () => {
    const issues = issuesOf((d) => {
      d.id = 'BAD';
      d.reminderDays = [9];
      d.minGroupSize = 2;
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['id']);
    // Field errors come first; once they are fixed, the cross-field rules speak, all of them.
    const next = issuesOf((d) => {
      d.reminderDays = [9];
      d.minGroupSize = 2;
    });
    expect(next.map((i) => i.path).sort()).toEqual(['minGroupSize', 'reminderDays[0]']);
  });

  it('a text in a missing language falls back to the default one', () => {
    expect(textIn({ en: 'Hello', nb: 'Hei' }, 'sv', 'en')).toBe('Hello');
    expect(textIn({ en: 'Hello', nb: 'Hei' }, 'nb', 'en')).toBe('Hei');
  });
});
