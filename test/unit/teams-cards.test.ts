import { describe, expect, it } from 'vitest';
import { MAX_CARD_BYTES, cardActivity, promptCard } from '../../adapters/cards/prompt-card.js';
import { repliesCard, repliesEntryCard } from '../../adapters/cards/replies-card.js';
import { DRIVERS } from '../../src/domain/drivers.js';
import { LOCALES } from '../../src/domain/i18n/locale.js';
import type { Question } from '../../src/domain/question.js';
import { ENGAGEMENT_BANK, PULSE_COMMENT_QUESTION } from '../../src/domain/templates/engagement-bank.js';
import { ENPS_QUESTION } from '../../src/domain/templates/enps.js';
import { EXIT_SURVEY_QUESTIONS } from '../../src/domain/templates/exit-survey.js';
import type { SurveyPrompt } from '../../src/ports/chat-platform.js';
import { cardProblems as problems } from '../support/adaptive-cards.js';

const TOKEN = '6f1c2b5e-7d4a-4f9e-8a3b-2c1d0e9f8a7b';
const prompt = (surveyKind: SurveyPrompt['surveyKind'], questions: readonly Question[]): SurveyPrompt => ({
  roundId: `${surveyKind}:2026-11-23:a-long-survey-id-for-good-measure`,
  surveyKind,
  questions,
  responseToken: TOKEN,
  binding: 'Ab-_'.repeat(6).slice(0, 22),
  minGroupSize: 5,
  orgName: 'A rather long organisation name, Incorporated and Partners',
});

// The largest real prompt per template: eNPS plus the longest statement of every driver plus
// the comment, and the whole exit survey.
const pulse = [ENPS_QUESTION, ...DRIVERS.map((d) => ENGAGEMENT_BANK[d][0]!), PULSE_COMMENT_QUESTION];
const templates: [string, SurveyPrompt][] = [
  ['pulse', prompt('pulse', pulse)],
  ['exit', prompt('exit', EXIT_SURVEY_QUESTIONS)],
  ...DRIVERS.map((d): [string, SurveyPrompt] => [`driver ${d}`, prompt('pulse', ENGAGEMENT_BANK[d])]),
];

describe('Teams prompt cards', () => {
  for (const locale of LOCALES) {
    for (const [name, p] of templates) {
      it(`${name} in ${locale}: parses with the Adaptive Cards SDK at 1.5 with no events, open, answered and closed, under 40 KB`, () => {
        const variants = [
          promptCard(p, locale),
          promptCard(p, locale, { answered: new Set([p.questions[0]!.id]), note: 'note' }),
          promptCard(p, locale, { answered: new Set(p.questions.map((q) => q.id)) }),
          promptCard(p, locale, { closed: true }),
        ];
        for (const card of variants) {
          expect(problems(card)).toEqual([]);
          expect(Buffer.byteLength(JSON.stringify(cardActivity(card, 'summary')))).toBeLessThan(MAX_CARD_BYTES);
        }
      });
    }
  }

  for (const locale of LOCALES) {
    it(`the replies cards in ${locale} (issue #19): entry, none, and a full thread parse at 1.5, under 40 KB`, () => {
      const link = { r: 'pulse:2026-11-23', t: TOKEN, q: 'comment', g: 'Ab-_'.repeat(5) };
      const long = 'x'.repeat(2000);
      const thread = {
        commentId: TOKEN,
        comment: long,
        messages: Array.from({ length: 50 }, (_, i) =>
          i % 2 === 0
            ? { kind: 'reply' as const, from: 'leader' as const, text: long.slice(0, 400) }
            : { kind: 'ack' as const, from: 'leader' as const, ack: 'say-more' as const },
        ),
      };
      for (const card of [repliesEntryCard(link, locale), repliesCard(link, [], locale), repliesCard(link, [thread], locale, 'sent')]) {
        expect(problems(card)).toEqual([]);
        expect(Buffer.byteLength(JSON.stringify(cardActivity(card, 'summary')))).toBeLessThan(MAX_CARD_BYTES);
      }
    });
  }

  it('the SDK check can fail: a card with two inputs of one id is reported', () => {
    const card = promptCard(prompt('pulse', [ENPS_QUESTION, ENPS_QUESTION]), 'en');
    expect(problems(card).length).toBeGreaterThan(0);
  });

  it('uses the input each question kind needs', () => {
    const card = JSON.stringify(promptCard(prompt('exit', EXIT_SURVEY_QUESTIONS), 'en'));
    expect(card).toContain('"isMultiSelect":true');
    expect(card).toContain('"isMultiline":true');
    expect(card).toContain('"maxLength":2000');
    expect(card).toContain('"style":"expanded"');
    expect(JSON.stringify(promptCard(prompt('pulse', [ENPS_QUESTION]), 'en'))).toContain('"style":"compact"');
  });

  it('an answered question shows "Answered" and no input; a closed card has no action at all', () => {
    const p = prompt('pulse', pulse);
    const answered = JSON.stringify(promptCard(p, 'en', { answered: new Set(['enps']) }));
    expect(answered).toContain('Answered');
    expect(answered).not.toContain('"id":"a-enps"');
    const closed = JSON.stringify(promptCard(p, 'en', { closed: true }));
    expect(closed).toContain('This survey has closed. Thank you!');
    expect(closed).not.toContain('Action.');
  });
});
