import { parse } from 'csv-parse/sync';
import { dashboardModel, dashboardTrend } from '../../src/services/dashboard-model.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { resultsCsv } from '../../src/services/results-csv.js';
import { resultsInRange } from '../../src/services/results-range.js';
import { roundResults, type SegmentResult } from '../../src/services/results.js';
import { buildSummary } from '../../src/services/summary.js';
import { loadSummaryContext } from '../../src/services/summary-context.js';
import type { VisibleSegmentSummary } from '../../src/domain/summary/summary-model.js';
import { roundId } from '../../src/store/documents/rounds.js';
import { roundClosedMessage } from '../../src/services/webhooks/announce.js';
import { actionsFor } from '../../src/services/actions/action-views.js';
import { operator } from '../../src/services/actors.js';
import { loadImpactPool } from '../../src/services/impact/impact-pool.js';
import { ACTION_QUESTION, DRIVER_QUESTIONS, FAMILIES, SURVEY, type Family } from './differencing-org.js';

/**
 * Everything the results services show, to every role, on every surface: chat results (the
 * latest round, for HR and for each leader's scope), the weekly summary and App Home (org and
 * per leader: scores, trends, driver scores from earlier rounds, comments), the HR API and the
 * CSV export (every round, whole and per segment), and the dashboard (latest, history, live
 * participation of the open round), and the webhook messages sent out. Each shown number becomes
 * a figure the attacker may use.
 */
export interface Figure {
  readonly surface: string;
  readonly round: string;
  readonly family: Family;
  readonly segment: string;
  /** The number shown, when the surface shows a count (checked against what was filed). */
  readonly n: number | null;
}

const byDate = (date: string) => roundId(SURVEY, date);

/** The attacker's family of a question id (per-question figures of the HR API, the CSV and the dashboard). */
function familyOf(questionId: string): Family | null {
  if (questionId === 'comment') return 'comments';
  return (FAMILIES as readonly string[]).includes(questionId) ? (questionId as Family) : null;
}

/** Per-question figures (issue #17): each visible question is a figure with its answer count. */
function fromQuestions(
  surface: string,
  round: string,
  segment: string,
  questions: readonly { questionId: string; visible: boolean; respondents: number | null }[],
): Figure[] {
  return questions.flatMap((q) => {
    const family = familyOf(q.questionId);
    // A text question's count is the number of comments, which the attacker's comment family does not count.
    const n = family === 'comments' ? null : q.respondents;
    return q.visible && family !== null ? [{ surface: `${surface}.questions`, round, family, segment, n }] : [];
  });
}

function fromResult(
  surface: string,
  round: string,
  s: SegmentResult | (Omit<SegmentResult, 'enpsChange' | 'drivers'> & { drivers: readonly { driver: string }[] }),
): Figure[] {
  if (!s.visible) return [];
  const out: Figure[] = [{ surface, round, family: 'respondents', segment: s.segment, n: s.respondents }];
  if (s.enps) out.push({ surface, round, family: 'enps', segment: s.segment, n: s.enps.respondents });
  if (s.drivers.some((d) => d.driver === 'workload')) for (const q of DRIVER_QUESTIONS) out.push({ surface, round, family: q, segment: s.segment, n: null });
  return out;
}

function fromSummary(surface: string, latestRound: string, s: VisibleSegmentSummary): Figure[] {
  const out: Figure[] = [{ surface, round: latestRound, family: 'respondents', segment: s.segment, n: s.respondents }];
  if (s.enps) out.push({ surface, round: latestRound, family: 'enps', segment: s.segment, n: s.enps.respondents });
  for (const d of s.drivers)
    for (const q of DRIVER_QUESTIONS) out.push({ surface: `${surface}.drivers`, round: byDate(d.roundDate), family: q, segment: s.segment, n: null });
  for (const p of s.trend) {
    if (p.participation !== null) out.push({ surface: `${surface}.trend`, round: byDate(p.roundDate), family: 'respondents', segment: s.segment, n: null });
    if (p.enps !== null) out.push({ surface: `${surface}.trend`, round: byDate(p.roundDate), family: 'enps', segment: s.segment, n: null });
  }
  if (s.comments !== null) out.push({ surface: `${surface}.comments`, round: latestRound, family: 'comments', segment: s.segment, n: null });
  // What the comments are about (issue #20): counts of the group's comments, judged like the comments.
  if ((s.themes ?? []).length > 0) out.push({ surface: `${surface}.themes`, round: latestRound, family: 'comments', segment: s.segment, n: null });
  return out;
}

async function chat(deps: ServiceDeps, scopes: readonly string[]): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const scope of ['all' as const, ...scopes.map((s) => [s])]) {
    const results = await roundResults(deps, SURVEY, scope);
    if (results === null) continue;
    for (const s of results.segments) out.push(...fromResult(`chat:${String(scope)}`, results.round._id, s));
  }
  return out;
}

async function summaries(deps: ServiceDeps, scopes: readonly string[]): Promise<Figure[]> {
  const context = await loadSummaryContext(deps, SURVEY);
  if (context === null) return [];
  const out: Figure[] = [];
  const readers = [{ audience: 'org' as const, scope: 'all' as const }, ...scopes.map((s) => ({ audience: 'leader' as const, scope: [s] }))];
  for (const reader of readers) {
    const summary = await buildSummary(deps, context, { ...reader, variant: 1 });
    for (const s of summary.segments) if (s.visible) out.push(...fromSummary(`summary:${String(reader.scope)}`, summary.round.id, s));
  }
  return out;
}

async function hrApiAndCsv(deps: ServiceDeps, scopes: readonly string[]): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const segment of [undefined, ...scopes]) {
    const range = await resultsInRange(deps, { survey: SURVEY, ...(segment ? { segment } : {}) });
    if (range.kind !== 'pulse') continue;
    for (const round of range.rounds)
      for (const s of round.segments) {
        out.push(...fromResult(`api:${segment ?? 'all'}`, round.roundId, { ...s, enpsChange: null }));
        out.push(...fromQuestions(`api:${segment ?? 'all'}`, round.roundId, s.segment, s.questions));
      }
    const rows = parse<{ period: string; segment: string; metric: string; value: string }>(resultsCsv(range), { columns: true });
    for (const row of rows) {
      const round = byDate(row.period);
      if (row.metric === 'respondents') out.push({ surface: 'csv', round, family: 'respondents', segment: row.segment, n: Number(row.value) });
      if (row.metric.startsWith('enps')) out.push({ surface: 'csv', round, family: 'enps', segment: row.segment, n: null });
      const question = /^question\.([^.]+)\.respondents$/.exec(row.metric)?.[1];
      const family = question === undefined ? null : familyOf(question);
      if (family !== null) out.push({ surface: 'csv.questions', round, family, segment: row.segment, n: Number(row.value) });
      if (row.metric.startsWith('driver.workload'))
        for (const q of DRIVER_QUESTIONS) out.push({ surface: 'csv', round, family: q, segment: row.segment, n: null });
    }
  }
  return out;
}

async function dashboards(deps: ServiceDeps, scopes: readonly string[], openRound: string | null): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const scope of ['all' as const, ...scopes.map((s) => [s])]) {
    const model = await dashboardModel(deps, scope, scope === 'all');
    const surface = `dashboard:${String(scope)}`;
    for (const live of model.live)
      if (live.respondents !== null && openRound !== null)
        out.push({ surface: `${surface}.live`, round: openRound, family: 'respondents', segment: live.segment, n: live.respondents });
    for (const series of model.history) {
      for (const p of series.points) {
        if (p.participation !== null)
          out.push({ surface: `${surface}.history`, round: byDate(p.date), family: 'respondents', segment: series.segment, n: null });
        if (p.enps !== null) out.push({ surface: `${surface}.history`, round: byDate(p.date), family: 'enps', segment: series.segment, n: null });
      }
    }
    if (model.latest) for (const s of model.latest.segments) out.push(...fromResult(surface, model.latest.round._id, s));
    // The heatmap (issue #20): each shown cell, and each row's drill-down (trend per driver).
    for (const row of model.heatmap?.rows ?? []) {
      row.cells.forEach((cell, i) => {
        const column = model.heatmap?.columns[i];
        if (cell.value === null || cell.roundDate === null || column === undefined) return;
        const round = byDate(cell.roundDate);
        if (column.kind === 'enps') out.push({ surface: `${surface}.heatmap`, round, family: 'enps', segment: row.segment, n: null });
        else if (column.kind === 'question') {
          // A scored question of HR's own is its own count.
          const family = familyOf(column.questionId);
          if (family !== null) out.push({ surface: `${surface}.heatmap`, round, family, segment: row.segment, n: null });
        } else if (column.driver === 'workload')
          for (const q of DRIVER_QUESTIONS) out.push({ surface: `${surface}.heatmap`, round, family: q, segment: row.segment, n: null });
      });
      for (const trend of (await dashboardTrend(deps, scope, row.segment)) ?? [])
        for (const p of trend.points)
          if (p.favourable !== null && trend.driver === 'workload')
            for (const q of DRIVER_QUESTIONS) out.push({ surface: `${surface}.heatmapTrend`, round: byDate(p.date), family: q, segment: row.segment, n: null });
    }
  }
  return out;
}

/** What each closed round sends to webhook receivers (issue #18): a surface outside pulsebot, read once. */
async function webhooks(deps: ServiceDeps): Promise<Figure[]> {
  const out: Figure[] = [];
  type Shown = Omit<SegmentResult, 'enpsChange' | 'visible'> & { questions: { questionId: string; visible: boolean; respondents: number | null }[] };
  for (const { _id } of await deps.store.database.collections.rounds.find({ surveyId: SURVEY, state: 'closed' }, { projection: { _id: 1 } }).toArray()) {
    const round = await deps.store.rounds.get(_id);
    const message = round === null ? null : await roundClosedMessage(deps, round);
    for (const s of (message?.data.segments ?? []) as unknown as Shown[]) {
      out.push(...fromResult('webhook', _id, { ...s, visible: true, enpsChange: null }));
      out.push(...fromQuestions('webhook', _id, s.segment, s.questions));
    }
  }
  return out;
}

/** Action plans (issue #19): each action's follow-up answers per round, as the summaries and the board show them. */
async function actions(deps: ServiceDeps): Promise<Figure[]> {
  const views = await actionsFor(deps, operator('cli', 'hr'));
  return views.flatMap((a) =>
    a.followUps.map((f) => ({ surface: 'actions.followUp', round: byDate(f.roundDate), family: ACTION_QUESTION, segment: a.segment, n: f.n })),
  );
}

/**
 * Driver impact (issue #20): every stored pair sum the pool adds up, per round and group, as if
 * each were shown on its own (the dashboard and summaries show only pooled correlations of
 * groups with enough pairs, a function of these). The dashboard's groups must come from them.
 */
async function impact(deps: ServiceDeps, scopes: readonly string[]): Promise<Figure[]> {
  const pool = await loadImpactPool(deps, SURVEY);
  const out: Figure[] = pool.sources.map((s) => ({
    surface: 'impact.pool',
    round: s.roundId,
    family: `pairs-${s.questionId}` as Family,
    segment: s.segment,
    n: s.n,
  }));
  for (const scope of ['all' as const, ...scopes.map((s) => [s])]) {
    const model = await dashboardModel(deps, scope, scope === 'all');
    for (const group of model.impact.groups)
      if (!pool.sources.some((s) => s.segment === group.segment)) throw new Error(`the dashboard ranks ${group.segment}, which the pool never showed`);
  }
  return out.filter((f) => (FAMILIES as readonly string[]).includes(f.family));
}

/** Every figure every role can see, read with `deps`' settings. */
export async function everyFigure(deps: ServiceDeps, scopes: readonly string[], openRound: string | null): Promise<Figure[]> {
  return [
    ...(await chat(deps, scopes)),
    ...(await summaries(deps, scopes)),
    ...(await hrApiAndCsv(deps, scopes)),
    ...(await dashboards(deps, scopes, openRound)),
    ...(await webhooks(deps)),
    ...(await actions(deps)),
    ...(await impact(deps, scopes)),
  ];
}
