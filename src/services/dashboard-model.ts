import type { ConversationMessage } from '../domain/comment-conversation.js';
import { exitResults, type ExitResults } from './exit-results.js';
import type { ServiceDeps } from './deps.js';
import { resultsInRange } from './results-range.js';
import { roundResults, type RoundResults } from './results.js';
import { countRound, segmentsInScope, type RoundCounts } from './results-counts.js';
import { loadSummaryContext, type SummaryContext } from './summary-context.js';
import { heatmapModel, heatmapTrend, type DriverTrends, type Heatmap } from './heatmap-model.js';
import { latestDriverScores } from './summary.js';
import { segmentImpact } from './impact/segment-impact.js';
import { IMPACT_MONTHS, type ImpactItem } from '../domain/insight/driver-impact.js';
import type { Question } from '../domain/question.js';
import { DEFAULT_SURVEY_ID } from './surveys.js';
import { surveyResultsViews, type SurveyResultsView } from './survey-results-model.js';
import { COUNTER_INVITED, COUNTER_RESPONDENTS, ROUND_QUESTION } from '../store/documents/answers.js';
import { DomainError } from '../domain/errors.js';
import { attributeHeatmap, cutAttributes } from './attribute-cuts/attribute-heatmap.js';

/**
 * Everything the dashboard shows, read ONLY through the results services (results.ts,
 * results-range.ts, exit-results.ts, results-counts.ts, survey-results-model.ts), so every number passes the same
 * thresholds and subtraction rule as the chat summaries and the HR API. Keep all use of those
 * services in this file, so changes to them land in one place.
 */

export interface LiveParticipation {
  readonly segment: string;
  readonly date: string;
  /** null: below the threshold (or could be worked out by subtraction), so not shown. */
  readonly respondents: number | null;
  readonly invited: number | null;
  readonly rate: number | null;
}

export interface HistoryPoint {
  readonly date: string;
  readonly enps: number | null;
  readonly participation: number | null;
}

export interface DashboardModel {
  readonly k: number;
  readonly kComments: number;
  readonly live: readonly LiveParticipation[];
  /** One series per segment the viewer may see at the top (the organisation, or each team they lead). */
  readonly history: readonly { readonly segment: string; readonly name: string | null; readonly points: readonly HistoryPoint[] }[];
  readonly latest: RoundResults | null;
  /** Exit results, for HR and admins only. */
  readonly exit: ExitResults | null;
  /** The latest closed round of each survey HR wrote, per question. */
  readonly surveys: readonly SurveyResultsView[];
  /** What goes with eNPS over the last year (issue #20): each visible group in scope with enough paired answers. */
  readonly impact: DashboardImpact;
  /** Groups × eNPS and drivers, coloured against the organisation (issue #20); null before the pulse's first closed round. */
  readonly heatmap: Heatmap | null;
  /** The conversation on each comment shown here that has one (issue #19), by comment id. */
  readonly conversations: Readonly<Record<string, readonly ConversationMessage[]>>;
}

export interface DashboardImpact {
  readonly months: number;
  readonly rounds: number;
  /** The scored questions of HR's own in the ranking, by id (their wording). */
  readonly questions: Readonly<Record<string, Question>>;
  readonly groups: readonly { readonly segment: string; readonly name: string | null; readonly items: readonly ImpactItem[] }[];
}

const HISTORY_ROUNDS = 12;
const NO_IMPACT: DashboardImpact = { months: IMPACT_MONTHS, rounds: 0, questions: {}, groups: [] };

/** Driver impact of the pulse in every group in scope that is shown and has enough pairs, top first. */
function impact(ctx: SummaryContext | null, scope: 'all' | readonly string[]): DashboardImpact {
  if (ctx === null) return NO_IMPACT;
  const tree = (ctx.rounds.at(-1) as RoundCounts).tree;
  const groups = segmentsInScope(tree, scope).flatMap((segment) => {
    const scores = latestDriverScores(ctx, segment);
    const { items } = segmentImpact(ctx.impact, segment, (driver) => scores.get(driver)?.favourable ?? null);
    return items.length === 0 ? [] : [{ segment, name: ctx.names.get(segment) ?? null, items }];
  });
  return { months: IMPACT_MONTHS, rounds: ctx.impact.rounds.length, questions: Object.fromEntries(ctx.impact.questions), groups };
}

async function liveParticipation(deps: ServiceDeps, roots: readonly string[] | null): Promise<LiveParticipation[]> {
  const open = (await deps.store.rounds.openRounds()).filter((r) => r.surveyId === DEFAULT_SURVEY_ID).sort((a, b) => b.date.localeCompare(a.date));
  const round = open[0];
  if (round === undefined) return [];
  const slices = countRound(round, await deps.store.counters.forRound(round._id), deps.settings.anonymity);
  const tree = slices.tree;
  return (roots ?? [tree.root])
    .filter((s) => tree.has(s))
    .map((segment) => {
      if (!slices.shown.has(segment)) return { segment, date: round.date, respondents: null, invited: null, rate: null };
      const invited = slices.count(segment, ROUND_QUESTION, COUNTER_INVITED);
      const respondents = slices.count(segment, ROUND_QUESTION, COUNTER_RESPONDENTS);
      return { segment, date: round.date, respondents, invited, rate: invited > 0 ? (respondents / invited) * 100 : null };
    });
}

async function history(deps: ServiceDeps, roots: readonly string[] | null): Promise<DashboardModel['history']> {
  const tree = await deps.store.segments.tree();
  const wanted = roots ?? [tree.root];
  const out = [];
  for (const segment of wanted.filter((s) => tree.has(s))) {
    const range = await resultsInRange(deps, { survey: DEFAULT_SURVEY_ID, ...(segment === tree.root ? {} : { segment }) });
    if (range.kind !== 'pulse') continue;
    const rounds = range.rounds.slice(0, HISTORY_ROUNDS).reverse();
    const name = rounds.flatMap((r) => r.segments).find((s) => s.segment === segment)?.name ?? null;
    const points = rounds.map((round) => {
      const slice = round.segments.find((s) => s.segment === segment);
      return { date: round.date, enps: slice?.visible ? (slice.enps?.score ?? null) : null, participation: slice?.visible ? slice.participationRate : null };
    });
    out.push({ segment, name, points });
  }
  return out;
}

/**
 * The heatmap: rows per group, or (readers of the whole organisation, issue #20) per value of the
 * attribute `by`. An attribute the rounds were not cut by, or any `by` for a leader, is refused.
 */
function heatmapFor(ctx: SummaryContext | null, scope: 'all' | readonly string[], by: string | undefined): Heatmap | null {
  if (ctx === null) {
    if (by !== undefined) throw new DomainError('INVALID_INPUT', `by: no results are cut by ${by}`);
    return null;
  }
  const cuts = scope === 'all' ? ctx.cuts : new Map();
  const attributes = cutAttributes(ctx, cuts);
  if (by === undefined) return { ...heatmapModel(ctx, scope), cuts: attributes };
  const heatmap = attributes.includes(by) ? attributeHeatmap(ctx, cuts, by) : null;
  if (heatmap === null)
    throw new DomainError('INVALID_INPUT', `by: results are cut by ${attributes.length === 0 ? 'no attribute' : attributes.join(', ')}, not ${by}`);
  return { ...heatmap, cuts: attributes };
}

/** The dashboard for someone whose result scope is `scope` (see `resultScope`); `hr` adds exit results; `by` cuts the heatmap by an attribute. */
export async function dashboardModel(deps: ServiceDeps, scope: 'all' | readonly string[], hr: boolean, by?: string): Promise<DashboardModel> {
  const roots = scope === 'all' ? null : scope;
  const hasPulse = (await deps.store.rounds.survey(DEFAULT_SURVEY_ID)) !== null;
  // One summary context for the heatmap and driver impact (loading it twice at once would read it twice).
  const ctx = hasPulse ? await loadSummaryContext(deps, DEFAULT_SURVEY_ID) : null;
  const [live, series, latest, exit, surveys] = await Promise.all([
    liveParticipation(deps, roots),
    hasPulse ? history(deps, roots) : Promise.resolve([]),
    roundResults(deps, DEFAULT_SURVEY_ID, scope),
    hr ? exitResults(deps) : Promise.resolve(null),
    surveyResultsViews(deps, scope),
  ]);
  // Only comments this viewer is shown: their conversations are theirs to read.
  const shownIds = surveys.flatMap((s) => Object.values(s.comments).flatMap((list) => list.map((c) => c.id)));
  const conversations =
    shownIds.length === 0
      ? []
      : await deps.store.database.collections.conversations.find({ _id: { $in: shownIds } }, { projection: { messages: 1 } }).toArray();
  return {
    conversations: Object.fromEntries(conversations.map((c) => [c._id, c.messages])),
    k: deps.settings.anonymity.minGroupSize,
    kComments: deps.settings.anonymity.minCommentGroupSize,
    live,
    history: series,
    latest,
    exit,
    surveys,
    impact: impact(ctx, scope),
    heatmap: heatmapFor(ctx, scope, by),
  };
}

/** One heatmap row's drill-down (its trend per driver), for a viewer whose scope holds it; null otherwise. */
export function dashboardTrend(deps: ServiceDeps, scope: 'all' | readonly string[], segment: string): Promise<DriverTrends | null> {
  return heatmapTrend(deps, DEFAULT_SURVEY_ID, scope, segment);
}
