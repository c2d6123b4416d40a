import { z } from 'zod';
import { DomainError } from './errors.js';
import { MAX_COMMENT_LENGTH, type Question } from './question.js';

/** An answer as it arrives from a chat surface, before it is checked against its question. */
export const rawAnswerSchema = z.union([z.number(), z.string().max(MAX_COMMENT_LENGTH * 2), z.array(z.string().max(100)).max(50)]);
export type RawAnswer = z.infer<typeof rawAnswerSchema>;

/** A checked answer, ready to count. */
export type Answer =
  | { readonly kind: 'scale' | 'likert'; readonly value: number }
  | { readonly kind: 'choice'; readonly value: string }
  | { readonly kind: 'multi'; readonly values: readonly string[] }
  | { readonly kind: 'text'; readonly text: string };

function invalid(question: Question, why: string): DomainError {
  return new DomainError('INVALID_ANSWER', `answer to ${question.id} ${why}`);
}

function asInteger(raw: RawAnswer): number | null {
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : null;
  if (typeof raw === 'string' && /^\d{1,2}$/.test(raw)) return Number(raw);
  return null;
}

/**
 * Checks a raw answer against its question and returns it in counting form. Throws
 * `INVALID_ANSWER` for anything out of range, unknown options or empty text.
 */
export function parseAnswer(question: Question, raw: RawAnswer): Answer {
  switch (question.kind) {
    case 'scale':
    case 'likert': {
      const value = asInteger(raw);
      const [min, max] = question.kind === 'scale' ? [0, 10] : [1, 5];
      if (value === null || value < min || value > max) throw invalid(question, `must be a whole number ${min}–${max}`);
      return { kind: question.kind, value };
    }
    case 'choice': {
      if (typeof raw !== 'string' || !question.options.some((o) => o.value === raw)) {
        throw invalid(question, 'must be one of its options');
      }
      return { kind: 'choice', value: raw };
    }
    case 'multi': {
      const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : null;
      if (values === null || values.length === 0) throw invalid(question, 'must pick at least one option');
      const unique = [...new Set(values)];
      if (!unique.every((v) => question.options.some((o) => o.value === v))) {
        throw invalid(question, 'has an unknown option');
      }
      return { kind: 'multi', values: unique.sort() };
    }
    case 'text': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (text.length === 0) throw invalid(question, 'is empty');
      if (text.length > MAX_COMMENT_LENGTH) throw invalid(question, `is longer than ${MAX_COMMENT_LENGTH} characters`);
      return { kind: 'text', text };
    }
  }
}

/** The counter values an answer adds to: one per value, none for text (comments are counted apart). */
export function counterValues(answer: Answer): readonly string[] {
  switch (answer.kind) {
    case 'scale':
    case 'likert':
      return [String(answer.value)];
    case 'choice':
      return [answer.value];
    case 'multi':
      return answer.values;
    case 'text':
      return [];
  }
}
