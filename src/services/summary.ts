import { suggestActions } from '../domain/actions/action-catalog.js';
import type { Driver } from '../domain/drivers.js';
import { change } from '../domain/metrics/change.js';
import type { Enps } from '../domain/metrics/enps.js';
import type { LikertSummary } from '../domain/metrics/likert.js';
import { roundQuestions } from './round-questions.js';
import { ENPS_QUESTION } from '../domain/templates/enps.js';
import { biggestMovers } from '../domain/summary/movers.js';
import type { AttributeEnps, DriverScore, SegmentSummary, Summary, TrendPoint } from '../domain/summary/summary-model.js';
import { COUNTER_INVITED, COUNTER_RESPONDENTS, ROUND_QUESTION } from '../store/documents/answers.js';
import type { ServiceDeps } from './deps.js';
import type { PersonKey } from '../store/documents/identity.js';
import { actionsFor } from './actions/action-views.js';
import { exitSummaryLines } from './summary-exit.js';
import { surveySummaryLines } from './summary-surveys.js';
import { driversFor, enpsFor, segmentsInScope, type RoundCounts } from './results-counts.js';
import { commentsFor, commentThemesFor } from './summary-comments.js';
import type { Locale } from '../domain/i18n/locale.js';
import type { SummaryContext } from './summary-context.js';
import { segmentImpact } from './impact/segment-impact.js';
import { attributeHeatmap, cutAttributes } from './attribute-cuts/attribute-heatmap.js';

export interface SummaryRequest {
  readonly audience: Summary['audience'];
  /** Segment roots the reader may see (`all` for HR and admins). */
  readonly scope: 'all' | readonly string[];
  /** Picks which catalog action each weak driver gets (the ISO week number varies them week by week). */
  readonly variant: number;
  /** The reader, whose open actions the summary lists (absent: none listed). */
  readonly reader?: PersonKey;
}

/**
 * A round's numbers for one segment never change (closed rounds), and the weekly job builds many
 * summaries that share segments (a team, its department, the organisation): compute each once.
 */
function memo<T>(cache: WeakMap<RoundCounts, Map<string, T>>, c: RoundCounts, segment: string, compute: () => T): T {
  let bySegment = cache.get(c);
  if (bySegment === undefined) {
    bySegment = new Map();
    cache.set(c, bySegment);
  }
  if (!bySegment.has(segment)) bySegment.set(segment, compute());
  return bySegment.get(segment) as T;
}
const enpsCache = new WeakMap<RoundCounts, Map<string, Enps | null>>();
const driversCache = new WeakMap<RoundCounts, Map<string, Map<Driver, LikertSummary>>>();
const enpsOf = (c: RoundCounts, segment: string) => memo(enpsCache, c, segment, () => enpsFor(c, segment));
const driversOf = (c: RoundCounts, segment: string) => memo(driversCache, c, segment, () => driversFor(c, segment));

function participationOf(c: RoundCounts, segment: string): { invited: number; respondents: number; rate: number | null } {
  const invited = c.count(segment, ROUND_QUESTION, COUNTER_INVITED);
  const respondents = c.count(segment, ROUND_QUESTION, COUNTER_RESPONDENTS);
  return { invited, respondents, rate: invited > 0 ? (respondents / invited) * 100 : null };
}

function trendOf(rounds: readonly RoundCounts[], segment: string): TrendPoint[] {
  return rounds.map((c) => {
    const shown = c.shown.has(segment);
    return {
      roundDate: c.round.date,
      enps: shown ? (enpsOf(c, segment)?.score ?? null) : null,
      participation: shown ? participationOf(c, segment).rate : null,
    };
  });
}

const askedDrivers = (c: RoundCounts): Set<Driver> =>
  new Set(roundQuestions(c.round).flatMap((q) => (q.kind === 'likert' && q.driver !== undefined ? [q.driver] : [])));

/**
 * Each driver's latest scores (drivers rotate, so from the latest round that asked it) and the
 * change since the round before that asked it. A driver hidden in its latest round is left out;
 * a change needs both rounds shown.
 */
function driverScores(rounds: readonly RoundCounts[], segment: string): DriverScore[] {
  const latest = new Map<Driver, { score: LikertSummary | null; date: string }>();
  const before = new Map<Driver, LikertSummary | null>();
  for (let i = rounds.length - 1; i >= 0; i--) {
    const c = rounds[i] as RoundCounts;
    const shown = c.shown.has(segment) ? driversOf(c, segment) : new Map<Driver, LikertSummary>();
    for (const driver of askedDrivers(c)) {
      if (!latest.has(driver)) latest.set(driver, { score: shown.get(driver) ?? null, date: c.round.date });
      else if (!before.has(driver)) before.set(driver, shown.get(driver) ?? null);
    }
  }
  const out: DriverScore[] = [];
  for (const [driver, { score, date }] of latest) {
    if (score === null) continue;
    const previous = before.get(driver) ?? null;
    out.push({
      driver,
      respondents: score.respondents,
      mean: score.mean,
      favourable: score.favourable,
      meanChange: change(score.mean, previous?.mean),
      favourableChange: change(score.favourable, previous?.favourable),
      roundDate: date,
    });
  }
  return out.sort((a, b) => a.driver.localeCompare(b.driver));
}

/** Each driver's latest shown score in a segment, by driver (the heatmap's cells, driver impact's weakness). */
export function latestDriverScores(ctx: SummaryContext, segment: string): Map<Driver, DriverScore> {
  return new Map(driverScores(ctx.rounds, segment).map((d) => [d.driver, d]));
}

/** A driver's latest shown score in a segment (an action's "before" and "now"), or null. */
export function latestDriverScore(ctx: SummaryContext, segment: string, driver: Driver): DriverScore | null {
  return latestDriverScores(ctx, segment).get(driver) ?? null;
}

/** The latest eNPS of a segment and its change since the round before that asked it. */
function enpsWithChange(rounds: readonly RoundCounts[], segment: string): { enps: Enps | null; change: number | null } {
  const asked = rounds.filter((c) => c.round.questionIds.includes(ENPS_QUESTION.id));
  const [last, previous] = [asked.at(-1), asked.at(-2)];
  const enps = last && last.shown.has(segment) ? enpsOf(last, segment) : null;
  const earlier = previous && previous.shown.has(segment) ? enpsOf(previous, segment) : null;
  return { enps, change: change(enps?.score, earlier?.score) };
}

function segmentSummary(ctx: SummaryContext, segment: string, primary: boolean, variant: number, locale: Locale): SegmentSummary {
  const latest = ctx.rounds.at(-1) as RoundCounts;
  const previous = ctx.rounds.at(-2);
  const name = ctx.names.get(segment) ?? null;
  if (!latest.shown.has(segment)) return { segment, name, visible: false };
  const now = participationOf(latest, segment);
  const before = previous && previous.shown.has(segment) ? participationOf(previous, segment).rate : null;
  const enps = enpsWithChange(ctx.rounds, segment);
  const drivers = driverScores(ctx.rounds, segment);
  return {
    segment,
    name,
    visible: true,
    invited: now.invited,
    respondents: now.respondents,
    participation: now.rate,
    participationChange: change(now.rate, before),
    enps: enps.enps,
    enpsChange: enps.change,
    drivers,
    biggestMover: biggestMovers(drivers),
    trend: trendOf(ctx.rounds, segment),
    // Comments and actions belong to the roots of the reader's scope: a parent's comments
    // already hold its teams', so repeating them per team would only add noise.
    comments: primary ? commentsFor(latest, ctx.comments, segment) : null,
    themes: primary ? commentThemesFor(latest, ctx.comments, segment, locale) : null,
    actions: primary ? suggestActions(drivers, variant) : [],
    // What goes with eNPS: the top priority, named where the reader's scope starts.
    priority: primary ? segmentImpact(ctx.impact, segment, (driver) => drivers.find((d) => d.driver === driver)?.favourable ?? null).top : null,
  };
}

/**
 * A reader's summary of the latest closed round, with trends over the context's rounds, for the
 * segments in `scope`. A segment below the threshold (or hidden against subtraction) gets only
 * its name; nothing about it is given that could be worked out, including comments.
 */
export async function buildSummary(deps: ServiceDeps, ctx: SummaryContext, request: SummaryRequest): Promise<Summary> {
  const latest = ctx.rounds.at(-1) as RoundCounts;
  const tree = latest.tree;
  const roots = request.scope === 'all' ? [tree.root] : request.scope.filter((s) => tree.has(s));
  const primary = new Set(roots.filter((root) => !roots.some((other) => other !== root && tree.subtree(other).includes(root))));
  const segments: SegmentSummary[] = [];
  for (const segment of segmentsInScope(tree, request.scope)) {
    segments.push(segmentSummary(ctx, segment, primary.has(segment), request.variant, deps.settings.defaultLocale));
  }
  const chartSegment =
    segments.find((s) => s.visible && primary.has(s.segment) && s.trend.some((p) => p.enps !== null || p.participation !== null))?.segment ?? null;
  // HR's and admins' summaries carry the pooled exit results; leaders' never do.
  const exitResults = request.audience === 'org' ? await exitSummaryLines(deps) : null;
  const surveys = await surveySummaryLines(deps, request.scope);
  const openActions = request.reader === undefined ? [] : await actionsFor(deps, request.reader, { own: true, open: true });
  const attributes = request.audience === 'org' && request.scope === 'all' ? attributeEnps(ctx) : [];
  return {
    audience: request.audience,
    surveyId: ctx.surveyId,
    surveyName: ctx.surveyName,
    round: { id: latest.round._id, date: latest.round.date },
    minGroupSize: latest.thresholds.minGroupSize,
    segments,
    chartSegment,
    ...(exitResults ? { exitResults } : {}),
    ...(surveys.length > 0 ? { surveys } : {}),
    ...(openActions.length > 0 ? { openActions } : {}),
    ...(attributes.length > 0 ? { attributes } : {}),
  };
}

/** eNPS per shown value of each attribute the latest rounds were cut by (the heatmap's eNPS column). */
function attributeEnps(ctx: SummaryContext): AttributeEnps[] {
  return cutAttributes(ctx, ctx.cuts).flatMap((attribute) => {
    const heatmap = attributeHeatmap(ctx, ctx.cuts, attribute);
    const column = heatmap?.columns.findIndex((c) => c.kind === 'enps') ?? -1;
    if (heatmap === null || column < 0) return [];
    const values = heatmap.rows.flatMap((row) => {
      const enps = row.cells[column]?.value ?? null;
      return enps === null ? [] : [{ value: row.segment, other: row.name === null, enps }];
    });
    return values.length === 0 ? [] : [{ attribute, values, hidden: heatmap.rows.length - values.length }];
  });
}
