import { describe, expect, it } from 'vitest';
import { classifyComment } from '../../src/domain/insight/classify-comment.js';
import { accuracy, macroF1 } from '../../src/domain/insight/classifier-metrics.js';
import { labelledComments } from '../support/comment-fixtures.js';

/** Issue #20's targets on the labelled comments: sentiment accuracy at least 0.80, theme macro-F1 at least 0.70, per language. */
describe('the comment classifier', () => {
  for (const lang of ['en', 'nb', 'sv'] as const) {
    it(`${lang}: meets the targets on at least 60 labelled comments`, () => {
      const rows = labelledComments(lang);
      expect(rows.length).toBeGreaterThanOrEqual(60);
      const got = rows.map((row) => ({ row, found: classifyComment(row.text, lang) }));
      expect(accuracy(got.map(({ row, found }) => ({ expected: row.sentiment, predicted: found.sentiment })))).toBeGreaterThanOrEqual(0.8);
      expect(macroF1(got.map(({ row, found }) => ({ expected: row.theme, predicted: found.theme })))).toBeGreaterThanOrEqual(0.7);
    });
  }

  it('turns a word around after a negation, and reads short entries as whole words', () => {
    expect(classifyComment('The new process is good', 'en').sentiment).toBe('positive');
    expect(classifyComment('The new process is not good at all', 'en').sentiment).toBe('negative');
    expect(classifyComment('Opplæringen er ikke bra nok', 'nb')).toEqual({ theme: 'growth', sentiment: 'negative' });
    // "god" is good, but "godkjenning" (approval) is not.
    expect(classifyComment('Alt må gjennom godkjenning', 'nb').sentiment).toBe('neutral');
    expect(classifyComment('Lönen är för låg', 'sv')).toEqual({ theme: 'pay', sentiment: 'negative' });
  });

  it('says nothing of a comment that says nothing: other, neutral', () => {
    for (const [text, lang] of [
      ['No comment', 'en'],
      ['Ingen kommentar', 'nb'],
      ['Inget att tillägga', 'sv'],
      ['', 'en'],
    ] as const)
      expect(classifyComment(text, lang)).toEqual({ theme: 'other', sentiment: 'neutral' });
  });

  it('the metrics: macro-F1 averages each label’s F1, so a label always missed costs its share', () => {
    const pairs = [
      { expected: 'a', predicted: 'a' },
      { expected: 'a', predicted: 'a' },
      { expected: 'b', predicted: 'a' },
    ];
    expect(accuracy(pairs)).toBeCloseTo(2 / 3);
    expect(macroF1(pairs)).toBeCloseTo((0.8 + 0) / 2);
  });
});
