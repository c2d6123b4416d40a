import { DRIVERS, type Driver } from '../domain/drivers.js';
import { ENPS_QUESTION } from '../domain/templates/enps.js';
import type { ServiceDeps } from './deps.js';
import { driversFor, enpsFor, segmentsInScope, type RoundCounts } from './results-counts.js';
import { roundQuestion, roundQuestions } from './round-questions.js';
import { sliceEnps, sliceLikert } from './slice-counts.js';
import { followUpParent, type Question } from '../domain/question.js';
import { latestDriverScores } from './summary.js';
import { loadSummaryContext, type SummaryContext } from './summary-context.js';

/**
 * The dashboard's heatmap (issue #20): rows are the groups in the viewer's scope (the team tree),
 * columns eNPS and each driver, each cell the group's latest shown score and its difference from
 * the organisation's. Every number comes from the summary context through `countRound`, the one
 * slicer: a hidden group or score is null here, never a number. Each row opens to its trend per
 * driver (% favourable per round that asked it).
 */
export type HeatmapColumn =
  | { readonly kind: 'enps' }
  | { readonly kind: 'driver'; readonly driver: Driver }
  /** A scored question of HR's own (no driver): % favourable (1–5) or an NPS-style score (0–10). */
  | { readonly kind: 'question'; readonly questionId: string; readonly question: Question };

export interface HeatmapCell {
  /** eNPS (−100…100) or % favourable; null when hidden (below the threshold, or against subtraction). */
  readonly value: number | null;
  /** value minus the organisation's, when both are shown. */
  readonly delta: number | null;
  /** The round the value is from (drivers rotate). */
  readonly roundDate: string | null;
}

export interface HeatmapRow {
  readonly segment: string;
  readonly name: string | null;
  /** 0 for the top of the viewer's scope, 1 for a group under it… */
  readonly depth: number;
  /** Whether the group is shown at all in the latest round. */
  readonly visible: boolean;
  /** One cell per column, in the columns' order. */
  readonly cells: readonly HeatmapCell[];
}

/** A group's trend per driver: % favourable per round that asked it, oldest first (null: hidden). */
export type DriverTrends = readonly { readonly driver: Driver; readonly points: readonly { readonly date: string; readonly favourable: number | null }[] }[];

export interface Heatmap {
  readonly roundDate: string;
  readonly columns: readonly HeatmapColumn[];
  /** The organisation's value per column (null when not shown). */
  readonly organisation: readonly (number | null)[];
  readonly rows: readonly HeatmapRow[];
  /** Rows are the values of this attribute (attribute-cuts/attribute-heatmap.ts), not groups. */
  readonly by?: string;
  /** The attributes the organisation's readers may cut the heatmap by instead (empty for leaders). */
  readonly cuts?: readonly string[];
}

/** A cell that shows nothing (hidden, or never asked). */
export const NO_CELL: HeatmapCell = { value: null, delta: null, roundDate: null };

/** Whether a column is scored 0–10 (eNPS, or a 0–10 question of HR's own, scored as eNPS is) rather than % favourable. */
export function isZeroToTen(column: HeatmapColumn): boolean {
  return column.kind === 'enps' || (column.kind === 'question' && column.question.kind === 'scale');
}

function enpsCell(ctx: SummaryContext, segment: string): HeatmapCell {
  const asked = ctx.rounds.filter((c) => c.round.questionIds.includes(ENPS_QUESTION.id));
  const last = asked.at(-1);
  if (last === undefined || !last.shown.has(segment)) return NO_CELL;
  const enps = enpsFor(last, segment);
  return enps === null ? NO_CELL : { value: enps.score, delta: null, roundDate: last.round.date };
}

/** A question of HR's own: from the latest round that asked it, null when hidden there. */
function questionCell(ctx: SummaryContext, segment: string, questionId: string): HeatmapCell {
  const last = ctx.rounds.filter((c) => c.round.questionIds.includes(questionId)).at(-1);
  const question = last === undefined ? undefined : roundQuestion(last.round, questionId);
  if (last === undefined || question === undefined || !last.shownFor(questionId).has(segment)) return NO_CELL;
  const value =
    question.kind === 'scale' ? (sliceEnps(last, segment, questionId)?.score ?? null) : (sliceLikert(last, segment, questionId)?.favourable ?? null);
  return value === null ? NO_CELL : { value, delta: null, roundDate: last.round.date };
}

/** A group's cells, one per column (its driver scores worked out once). */
function cellsOf(ctx: SummaryContext, segment: string, columns: readonly HeatmapColumn[]): HeatmapCell[] {
  const scores = latestDriverScores(ctx, segment);
  return columns.map((column) => {
    if (column.kind === 'enps') return enpsCell(ctx, segment);
    if (column.kind === 'question') return questionCell(ctx, segment, column.questionId);
    const score = scores.get(column.driver);
    return score === undefined ? NO_CELL : { value: score.favourable, delta: null, roundDate: score.roundDate };
  });
}

function asks(c: RoundCounts, driver: Driver): boolean {
  return roundQuestions(c.round).some((q) => q.kind === 'likert' && q.driver === driver);
}

function depthOf(ctx: SummaryContext, segment: string, roots: ReadonlySet<string>): number {
  const tree = (ctx.rounds.at(-1) as RoundCounts).tree;
  let depth = 0;
  for (let at = segment; !roots.has(at); depth++) {
    const parent = tree.parent(at);
    if (parent === null) break;
    at = parent;
  }
  return depth;
}

/**
 * A scored question of HR's own, asked of everyone: 1–5 or 0–10 without a driver, not eNPS, not a
 * follow-up (asked only after a low answer), not an action's follow-up (asked of one group).
 */
function ownScored(c: RoundCounts, q: Question): boolean {
  return (
    (q.kind === 'likert' || q.kind === 'scale') &&
    q.driver === undefined &&
    q.id !== ENPS_QUESTION.id &&
    followUpParent(q.id) === null &&
    c.round.questionScopes?.[q.id] === undefined
  );
}

/** eNPS when any round asked it, each driver any round asked (in the drivers' order), then HR's own scored questions. */
export function heatmapColumns(ctx: SummaryContext): HeatmapColumn[] {
  const asked = new Set(ctx.rounds.flatMap((c) => roundQuestions(c.round).flatMap((q) => (q.kind === 'likert' && q.driver !== undefined ? [q.driver] : []))));
  const own = new Map<string, Question>();
  for (const c of ctx.rounds) for (const q of roundQuestions(c.round)) if (ownScored(c, q)) own.set(q.id, q);
  return [
    ...(ctx.rounds.some((c) => c.round.questionIds.includes(ENPS_QUESTION.id)) ? [{ kind: 'enps' as const }] : []),
    ...DRIVERS.filter((d) => asked.has(d)).map((driver) => ({ kind: 'driver' as const, driver })),
    ...[...own].map(([questionId, question]) => ({ kind: 'question' as const, questionId, question })),
  ];
}

/** The organisation's value per column (null when not shown). */
export function organisationRow(ctx: SummaryContext, columns: readonly HeatmapColumn[]): (number | null)[] {
  return cellsOf(ctx, (ctx.rounds.at(-1) as RoundCounts).tree.root, columns).map((cell) => cell.value);
}

/** The heatmap of a survey's summary context for a viewer whose result scope is `scope`. */
export function heatmapModel(ctx: SummaryContext, scope: 'all' | readonly string[]): Heatmap {
  const latest = ctx.rounds.at(-1) as RoundCounts;
  const tree = latest.tree;
  const columns = heatmapColumns(ctx);
  const organisation = organisationRow(ctx, columns);
  const roots = new Set(scope === 'all' ? [tree.root] : scope.filter((s) => tree.has(s)));
  const rows = segmentsInScope(tree, scope).map((segment): HeatmapRow => {
    const visible = latest.shown.has(segment);
    const cells = visible
      ? cellsOf(ctx, segment, columns).map((cell, i) => {
          const org = organisation[i] ?? null;
          return cell.value === null || org === null ? cell : { ...cell, delta: cell.value - org };
        })
      : columns.map(() => NO_CELL);
    return { segment, name: ctx.names.get(segment) ?? null, depth: depthOf(ctx, segment, roots), visible, cells };
  });
  return { roundDate: latest.round.date, columns, organisation, rows };
}

/**
 * The drill-down of one heatmap row: the group's trend per driver over the summary's rounds.
 * Null when the group is not in the viewer's scope or is hidden in the latest round.
 */
export async function heatmapTrend(deps: ServiceDeps, surveyId: string, scope: 'all' | readonly string[], segment: string): Promise<DriverTrends | null> {
  const ctx = await loadSummaryContext(deps, surveyId);
  if (ctx === null) return null;
  const latest = ctx.rounds.at(-1) as RoundCounts;
  if (!segmentsInScope(latest.tree, scope).includes(segment) || !latest.shown.has(segment)) return null;
  return DRIVERS.filter((driver) => ctx.rounds.some((c) => asks(c, driver))).map((driver) => ({
    driver,
    points: ctx.rounds
      .filter((c) => asks(c, driver))
      .map((c) => ({ date: c.round.date, favourable: c.shown.has(segment) ? (driversFor(c, segment).get(driver)?.favourable ?? null) : null })),
  }));
}
