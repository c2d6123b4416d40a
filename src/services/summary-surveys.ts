import { roundId } from '../store/documents/rounds.js';
import { LOCALES, type Locale } from '../domain/i18n/locale.js';
import { translator } from '../domain/i18n/translate.js';
import { worded, type Question } from '../domain/question.js';
import { formatNumber, formatSigned } from '../domain/summary/number-format.js';
import type { SurveySummaryLines } from '../domain/summary/summary-model.js';
import type { QuestionResult } from './question-results.js';
import type { ServiceDeps } from './deps.js';
import { surveyResultsViews, type SurveyResultsView } from './survey-results-model.js';

/** A round shows in the weekly summaries for a week after it closes: each round once. */
const FRESH_DAYS = 7;
/** Choice questions list their most chosen options. */
const TOP_OPTIONS = 3;

function figuresLine(question: Question, figures: QuestionResult | undefined, locale: Locale): string {
  const t = translator(locale);
  const text = worded(question.text, locale, (key) => t(key, { org: t('org.fallback') }));
  if (figures === undefined || !figures.visible) return `• ${text}: ${t('summary.survey.hidden')}`;
  const percent = (value: number) => t('summary.percent', { value: formatNumber(locale, value, 0) });
  const label = (value: string) => {
    const option = 'options' in question ? question.options.find((o) => o.value === value) : undefined;
    return option === undefined ? value : worded(option.label, locale, (key) => t(key));
  };
  switch (figures.type) {
    case 'agreement':
      return `• ${text}: ${t('summary.survey.agreement', { mean: formatNumber(locale, figures.mean, 1), favourable: percent(figures.favourable) })}`;
    case 'scale':
      return `• ${text}: ${t('summary.survey.mean', { mean: formatNumber(locale, figures.mean, 1) })}`;
    case 'enps':
      return `• ${text}: eNPS ${formatSigned(locale, Math.round(figures.enps.score), 0)}`;
    case 'yesno':
      return `• ${text}: ${t('summary.survey.yes', { share: percent(figures.yesShare) })}`;
    case 'choice':
    case 'multi': {
      const top = Object.entries(figures.options)
        .filter(([, n]) => n > 0)
        .sort(([, a], [, b]) => b - a)
        .slice(0, TOP_OPTIONS)
        .map(([value, n]) => `${label(value)} (${n})`);
      return `• ${text}: ${top.join(', ')}`;
    }
    case 'text':
      return `• ${text}: ${t('summary.survey.text', { count: figures.respondents })}`;
  }
}

function linesOf(view: SurveyResultsView, locale: Locale): string[] {
  const top = view.segments[0];
  if (top === undefined) return [translator(locale)('summary.survey.noGroups')];
  const byId = new Map(top.questions.map((q) => [q.questionId, q]));
  return view.questions.map((question) => figuresLine(question, byId.get(question.id), locale));
}

/**
 * The surveys HR marked `inSummary`, for a weekly summary: each one's round that closed in the
 * last week, question by question for the top group the reader may see, in every language.
 * Every figure comes through the one slicer (survey-results-model.ts).
 */
export async function surveySummaryLines(deps: ServiceDeps, scope: 'all' | readonly string[]): Promise<SurveySummaryLines[]> {
  const wanted = new Set((await deps.store.rounds.surveys()).filter((s) => s.document?.inSummary === true && !s.archived).map((s) => s._id));
  if (wanted.size === 0) return [];
  const since = deps.clock.now().minus({ days: FRESH_DAYS }).toISODate() ?? '';
  const views = (await surveyResultsViews(deps, scope)).filter((v) => wanted.has(v.surveyId));
  const out: SurveySummaryLines[] = [];
  for (const view of views) {
    const round = await deps.store.rounds.get(roundId(view.surveyId, view.date));
    if (round === null || round.closesAt.toISOString().slice(0, 10) < since) continue;
    out.push({
      name: view.name,
      date: view.date,
      lines: Object.fromEntries(LOCALES.map((locale) => [locale, linesOf(view, locale)])) as Record<Locale, string[]>,
    });
  }
  return out;
}
