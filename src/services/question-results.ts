import { computeEnps, type Enps } from '../domain/metrics/enps.js';
import { summarizeLikert } from '../domain/metrics/likert.js';
import { LIKERT_VALUES, questionType, SCALE_VALUES, type Question, type QuestionType } from '../domain/question.js';
import { COUNTER_ANSWERED } from '../store/documents/answers.js';
import type { RoundCounts } from './results-counts.js';
import { reportedQuestions } from './round-questions.js';

/**
 * Figures per question of a round for one segment, for every question type (issue #17), read
 * through the one slicer: a question shows only where its own answers pass k and the subtraction
 * rule (`shownFor`), free text only where the comment threshold does too.
 */

interface Hidden {
  readonly questionId: string;
  readonly type: QuestionType;
  readonly visible: false;
  readonly respondents: null;
}

interface Shown {
  readonly questionId: string;
  readonly type: QuestionType;
  readonly visible: true;
  /** People who answered this question in the segment. */
  readonly respondents: number;
}

export type QuestionResult =
  | Hidden
  | (Shown & {
      readonly type: 'agreement';
      readonly mean: number;
      /** Share answering 4 or 5, in percent. */
      readonly favourable: number;
      readonly distribution: Readonly<Record<string, number>>;
    })
  | (Shown & { readonly type: 'scale'; readonly mean: number; readonly distribution: Readonly<Record<string, number>> })
  | (Shown & { readonly type: 'enps'; readonly enps: Enps; readonly distribution: Readonly<Record<string, number>> })
  | (Shown & { readonly type: 'choice' | 'multi'; readonly options: Readonly<Record<string, number>> })
  | (Shown & { readonly type: 'yesno'; readonly options: Readonly<Record<string, number>>; /** Percent answering yes. */ readonly yesShare: number })
  | (Shown & { readonly type: 'text' });

function distribution(c: RoundCounts, segment: string, id: string, values: readonly (number | string)[]): Record<string, number> {
  return Object.fromEntries(values.map((v) => [String(v), c.count(segment, id, String(v))]));
}

function mean(counts: Record<string, number>): number {
  let n = 0;
  let sum = 0;
  for (const [value, k] of Object.entries(counts)) {
    n += k;
    sum += Number(value) * k;
  }
  return n === 0 ? 0 : sum / n;
}

export function questionResult(c: RoundCounts, segment: string, question: Question): QuestionResult {
  const type = questionType(question);
  const id = question.id;
  const shown = c.shownFor(id).has(segment) && (type !== 'text' || c.commentsShown().has(segment));
  if (!shown) return { questionId: id, type, visible: false, respondents: null };
  const base = { questionId: id, visible: true as const, respondents: c.count(segment, id, COUNTER_ANSWERED) };
  switch (question.kind) {
    case 'likert': {
      const counts = distribution(c, segment, id, LIKERT_VALUES);
      const summary = summarizeLikert(Object.fromEntries(Object.entries(counts).map(([v, n]) => [Number(v), n])));
      return { ...base, type: 'agreement', mean: summary?.mean ?? 0, favourable: summary?.favourable ?? 0, distribution: counts };
    }
    case 'scale': {
      const counts = distribution(c, segment, id, SCALE_VALUES);
      if (type === 'enps') {
        const enps = computeEnps(Object.fromEntries(Object.entries(counts).map(([v, n]) => [Number(v), n])));
        return enps === null ? { questionId: id, type, visible: false, respondents: null } : { ...base, type: 'enps', enps, distribution: counts };
      }
      return { ...base, type: 'scale', mean: mean(counts), distribution: counts };
    }
    case 'choice':
    case 'multi': {
      const options = distribution(
        c,
        segment,
        id,
        question.options.map((o) => o.value),
      );
      if (type === 'yesno') {
        const total = (options.yes ?? 0) + (options.no ?? 0);
        return { ...base, type: 'yesno', options, yesShare: total === 0 ? 0 : ((options.yes ?? 0) / total) * 100 };
      }
      return { ...base, type: question.kind, options };
    }
    case 'text':
      return { ...base, type: 'text' };
  }
}

/** Every question of the round, for one segment. */
export function questionResults(c: RoundCounts, segment: string): QuestionResult[] {
  return reportedQuestions(c.round).map((question) => questionResult(c, segment, question));
}
