import { computeEnps } from '../../domain/metrics/enps.js';
import { summarizeLikert } from '../../domain/metrics/likert.js';
import { ENPS_QUESTION } from '../../domain/templates/enps.js';
import {
  heatmapColumns,
  isZeroToTen,
  NO_CELL,
  organisationRow,
  type Heatmap,
  type HeatmapCell,
  type HeatmapColumn,
  type HeatmapRow,
} from '../heatmap-model.js';
import { roundQuestions } from '../round-questions.js';
import type { SummaryContext } from '../summary-context.js';
import type { AttributeSlices } from './attribute-slices.js';
import { OTHER_VALUE } from './cuts-docs.js';
import type { RoundCuts } from './load-cuts.js';

/** One value's cell in one column: from the latest round cut by the attribute that asked it. */
function cellOf(ctx: SummaryContext, cuts: RoundCuts, attribute: string, value: string, column: HeatmapColumn): HeatmapCell {
  for (const c of [...ctx.rounds].reverse()) {
    const slices = cuts.get(c.round._id)?.get(attribute);
    if (slices === undefined) continue;
    const questions =
      column.kind === 'enps'
        ? c.round.questionIds.filter((id) => id === ENPS_QUESTION.id)
        : column.kind === 'question'
          ? c.round.questionIds.filter((id) => id === column.questionId)
          : roundQuestions(c.round)
              .filter((q) => q.kind === 'likert' && q.driver === column.driver)
              .map((q) => q.id);
    if (questions.length === 0) continue;
    // A driver with any question hidden is hidden whole, as for groups (results-counts.ts driversFor).
    if (!slices.shown.has(value) || questions.some((id) => !slices.shownFor(id).has(value))) return NO_CELL;
    return { value: scoreOf(slices, value, questions, column), delta: null, roundDate: c.round.date };
  }
  return NO_CELL;
}

function scoreOf(slices: AttributeSlices, value: string, questions: readonly string[], column: HeatmapColumn): number | null {
  const counts: Record<number, number> = {};
  const zeroToTen = isZeroToTen(column);
  const [from, to] = zeroToTen ? [0, 10] : [1, 5];
  for (const id of questions) for (let v = from; v <= to; v++) counts[v] = (counts[v] ?? 0) + slices.count(value, id, String(v));
  return zeroToTen ? (computeEnps(counts)?.score ?? null) : (summarizeLikert(counts)?.favourable ?? null);
}

/**
 * The heatmap with a row per value of one attribute HR marked reportable (issue #20) instead of
 * per group: for readers of the whole organisation only (a leader's subtree cut by attribute would
 * be a combination of the two). Null when no closed round in the context was cut by `attribute`.
 */
export function attributeHeatmap(ctx: SummaryContext, cuts: RoundCuts, attribute: string): Heatmap | null {
  const rounds = ctx.rounds.filter((c) => cuts.get(c.round._id)?.has(attribute) === true);
  const latest = rounds.at(-1);
  const slices = latest === undefined ? undefined : cuts.get(latest.round._id)?.get(attribute);
  if (latest === undefined || slices === undefined) return null;
  const columns = heatmapColumns(ctx);
  const organisation = organisationRow(ctx, columns);
  const rows = slices.values.map((value): HeatmapRow => {
    const visible = slices.shown.has(value);
    const cells = columns.map((column, i) => {
      const cell = visible ? cellOf(ctx, cuts, attribute, value, column) : NO_CELL;
      const org = organisation[i] ?? null;
      return cell.value === null || org === null ? cell : { ...cell, delta: cell.value - org };
    });
    return { segment: value, name: value === OTHER_VALUE ? null : value, depth: 0, visible, cells };
  });
  return { roundDate: latest.round.date, columns, organisation, rows, by: attribute };
}

/** The attributes the context's closed rounds were cut by, in HR's order of the latest such round. */
export function cutAttributes(ctx: SummaryContext, cuts: RoundCuts): string[] {
  for (const c of [...ctx.rounds].reverse()) {
    const found = cuts.get(c.round._id);
    if (found !== undefined) return [...found.keys()];
  }
  return [];
}
