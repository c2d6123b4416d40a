import { describe, expect, it } from 'vitest';
import { counterValues, parseAnswer } from '../../src/domain/answer.js';
import { isDomainError } from '../../src/domain/errors.js';
import { questionById } from '../../src/domain/templates/catalog.js';
import type { Question } from '../../src/domain/question.js';

const q = (id: string): Question => {
  const question = questionById(id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
};

const rejects = (question: Question, raw: Parameters<typeof parseAnswer>[1]): boolean => {
  try {
    parseAnswer(question, raw);
    return false;
  } catch (error) {
    return isDomainError(error, 'INVALID_ANSWER');
  }
};

describe('answers', () => {
  it('scale 0–10 accepts whole numbers in range, as numbers or button strings', () => {
    expect(parseAnswer(q('enps'), 0)).toEqual({ kind: 'scale', value: 0 });
    expect(parseAnswer(q('enps'), '10')).toEqual({ kind: 'scale', value: 10 });
    for (const bad of [-1, 11, 7.5, '1e1', '', 'ten', ['9']]) expect(rejects(q('enps'), bad), String(bad)).toBe(true);
  });

  it('likert 1–5', () => {
    expect(parseAnswer(q('growth-1'), 4)).toEqual({ kind: 'likert', value: 4 });
    expect(rejects(q('growth-1'), 0)).toBe(true);
    expect(rejects(q('growth-1'), 6)).toBe(true);
  });

  it('multi-select keeps known options, once each, sorted', () => {
    expect(parseAnswer(q('exit-reasons'), ['pay', 'leadership', 'pay'])).toEqual({ kind: 'multi', values: ['leadership', 'pay'] });
    expect(rejects(q('exit-reasons'), [])).toBe(true);
    expect(rejects(q('exit-reasons'), ['pay', '{"$gt":""}'])).toBe(true);
  });

  it('free text is trimmed, must say something, and has a length limit', () => {
    expect(parseAnswer(q('comment'), '  more coffee  ')).toEqual({ kind: 'text', text: 'more coffee' });
    expect(rejects(q('comment'), '   ')).toBe(true);
    expect(rejects(q('comment'), 'x'.repeat(2001))).toBe(true);
  });

  it('counts each value once; text counts no value', () => {
    expect(counterValues({ kind: 'multi', values: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(counterValues({ kind: 'scale', value: 9 })).toEqual(['9']);
    expect(counterValues({ kind: 'text', text: 'hi' })).toEqual([]);
  });
});
