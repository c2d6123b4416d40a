import type { Question } from '../domain/question.js';
import type { QuestionResult } from './question-results.js';
import type { ServiceDeps } from './deps.js';
import { resultsInRange } from './results-range.js';
import { segmentsInScope, treeOf } from './results-counts.js';
import { reportedQuestions } from './round-questions.js';
import { loadRoundComments } from './summary-comments.js';
import { classifyInOwnLanguage, themeCounts, type ThemeCount } from '../domain/insight/theme-counts.js';

/** Written answers shown per question on the dashboard. */
const MAX_SHOWN = 20;

/**
 * The latest closed round of each survey HR wrote, per question, for the dashboard: read through
 * `resultsInRange` (the one slicer), limited to the segments the viewer may see. Question texts
 * travel as the round asked them (its snapshot), for the view to put in the reader's language.
 */
export interface SurveyResultsView {
  readonly surveyId: string;
  readonly name: string;
  readonly date: string;
  readonly questions: readonly Question[];
  /** Visible segments in scope, top first, with their figures per question. */
  readonly segments: readonly {
    readonly segment: string;
    readonly name: string | null;
    readonly respondents: number | null;
    readonly questions: readonly QuestionResult[];
  }[];
  /** Segments in scope hidden by the threshold or the subtraction rule (shown as a count, never with figures). */
  readonly hidden: number;
  /**
   * The written answers of the top segment, per text question (follow-ups included), only where
   * that question passes the comment threshold and the subtraction rule; in keyed-id order, which
   * says nothing of who wrote when.
   */
  readonly comments: Readonly<Record<string, readonly { readonly id: string; readonly text: string }[]>>;
  /**
   * What all of those written answers are about (issue #20), per text question: each theme with
   * its sentiment mix and its comments (at most MAX_PER_THEME, keyed-id order), for the same
   * group and under the same rule as the comments.
   */
  readonly themes: Readonly<
    Record<string, readonly { readonly count: ThemeCount; readonly comments: readonly { readonly id: string; readonly text: string }[] }[]>
  >;
}

/** How many comments of one theme the dashboard opens at most. */
export const MAX_PER_THEME = 20;

export async function surveyResultsViews(deps: ServiceDeps, scope: 'all' | readonly string[]): Promise<SurveyResultsView[]> {
  const surveys = (await deps.store.rounds.surveys()).filter((s) => s.document !== null).sort((a, b) => a._id.localeCompare(b._id));
  const out: SurveyResultsView[] = [];
  for (const survey of surveys) {
    const [round] = await deps.store.rounds.latestClosed(survey._id, 1);
    if (round === undefined) continue;
    const range = await resultsInRange(deps, { survey: survey._id, from: round.date, to: round.date });
    const slices = range.kind === 'pulse' ? range.rounds.find((r) => r.roundId === round._id) : undefined;
    if (slices === undefined) continue;
    const wanted = new Set(segmentsInScope(treeOf(round), scope));
    const inScope = slices.segments.filter((s) => wanted.has(s.segment));
    const top = inScope.find((s) => s.visible);
    const comments: Record<string, { id: string; text: string }[]> = {};
    const themes: Record<string, { count: ThemeCount; comments: { id: string; text: string }[] }[]> = {};
    for (const q of top?.questions ?? []) {
      if (q.type !== 'text' || !q.visible || top === undefined) continue;
      const bySegment = await loadRoundComments(deps, round._id, q.questionId);
      const all = treeOf(round)
        .subtree(top.segment)
        .flatMap((s) => bySegment.get(s) ?? [])
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((c) => ({ id: c.id, text: c.text }));
      comments[q.questionId] = all.slice(0, MAX_SHOWN);
      const classed = all.map((c) => ({ c, cls: classifyInOwnLanguage(c.text, deps.settings.defaultLocale) }));
      themes[q.questionId] = themeCounts(classed.map((x) => x.cls)).map((count) => ({
        count,
        comments: classed
          .filter((x) => x.cls.theme === count.theme)
          .slice(0, MAX_PER_THEME)
          .map((x) => x.c),
      }));
    }
    out.push({
      comments,
      themes,
      surveyId: survey._id,
      name: survey.definition.name,
      date: round.date,
      questions: reportedQuestions(round),
      segments: inScope.filter((s) => s.visible).map((s) => ({ segment: s.segment, name: s.name, respondents: s.respondents, questions: s.questions })),
      hidden: inScope.filter((s) => !s.visible).length,
    });
  }
  return out;
}
