import { stringify } from 'csv-stringify/sync';
import { ORG_ROOT } from '../domain/anonymity/segment-tree.js';
import type { Enps } from '../domain/metrics/enps.js';
import type { ExitSlice } from './exit-results.js';
import type { QuestionResult } from './question-results.js';
import type { ResultsInRange } from './results-range.js';

export const RESULTS_CSV_COLUMNS = ['survey', 'period', 'segment', 'segment_name', 'metric', 'value'] as const;

type Row = [survey: string, period: string, segment: string, name: string, metric: string, value: number];

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A text cell a spreadsheet will not run: segment names come from chat user groups anyone may
 * name `=HYPERLINK(…)`, and Excel, LibreOffice and Sheets treat a cell starting with = + - @ (or a
 * tab or carriage return before one) as a formula. Such a cell gets a leading apostrophe, which
 * they show as text (OWASP's advice for CSV injection). Numbers are written as numbers.
 */
export function csvText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function enpsRows(enps: Enps | null): [string, number][] {
  return enps === null
    ? []
    : [
        ['enps', round1(enps.score)],
        ['enps_margin_of_error', round1(enps.marginOfError)],
      ];
}

function exitRows(slice: ExitSlice): [string, number][] {
  return [
    ['respondents', slice.respondents],
    ...slice.reasons.flatMap((r): [string, number][] => [
      [`reason.${r.reason}.count`, r.count],
      [`reason.${r.reason}.share_pct`, round1(r.share)],
    ]),
    ...Object.entries(slice.ratings).flatMap(([topic, s]): [string, number][] =>
      s === null
        ? []
        : [
            [`rating.${topic}.mean`, Math.round(s.mean * 100) / 100],
            [`rating.${topic}.favourable_pct`, round1(s.favourable)],
          ],
    ),
    ...enpsRows(slice.enps),
  ];
}

/** Per-question figures (every type but free text, whose texts are never exported, and eNPS, which has its own rows). */
function questionRows(questions: readonly QuestionResult[]): [string, number][] {
  return questions.flatMap((q): [string, number][] => {
    if (!q.visible || q.type === 'text' || q.type === 'enps') return [];
    const at = `question.${q.questionId}`;
    const counts = (kind: string, values: Readonly<Record<string, number>>) =>
      Object.entries(values).map(([v, n]): [string, number] => [`${at}.${kind}.${v}`, n]);
    const rows: [string, number][] = [[`${at}.respondents`, q.respondents]];
    switch (q.type) {
      case 'agreement':
        return [...rows, [`${at}.mean`, Math.round(q.mean * 100) / 100], [`${at}.favourable_pct`, round1(q.favourable)], ...counts('count', q.distribution)];
      case 'scale':
        return [...rows, [`${at}.mean`, Math.round(q.mean * 100) / 100], ...counts('count', q.distribution)];
      case 'yesno':
        return [...rows, [`${at}.yes_pct`, round1(q.yesShare)], ...counts('option', q.options)];
      case 'choice':
      case 'multi':
        return [...rows, ...counts('option', q.options)];
    }
  });
}

/**
 * Results as long-format CSV (one number per row), aggregates only: slices hidden by the
 * threshold or the subtraction rule have no rows at all, and comments are never exported.
 */
export function resultsCsv(results: ResultsInRange): string {
  const rows: Row[] = [];
  const push = (period: string, segment: string, name: string | null, metrics: [string, number][]) => {
    const label = name ?? (segment === ORG_ROOT ? 'Whole organisation' : segment);
    for (const [metric, value] of metrics) rows.push([csvText(results.survey), csvText(period), csvText(segment), csvText(label), csvText(metric), value]);
  };
  if (results.kind === 'pulse') {
    for (const round of results.rounds) {
      const quarters = round.quarters ?? [];
      const pool = quarters.length === 0 ? null : quarters.length === 1 ? (quarters[0] ?? '') : `${quarters[0] ?? ''}..${quarters.at(-1) ?? ''}`;
      const period = pool === null ? round.date : round.step ? `${pool}#${round.step + 1}` : pool;
      for (const s of round.segments) {
        if (!s.visible || s.respondents === null || s.invited === null) continue;
        push(period, s.segment, s.name, [
          ['respondents', s.respondents],
          ['invited', s.invited],
          ...(s.participationRate === null ? [] : [['participation_pct', round1(s.participationRate)] as [string, number]]),
          ...enpsRows(s.enps),
          ...s.drivers.flatMap((d): [string, number][] => [
            [`driver.${d.driver}.mean`, Math.round(d.mean * 100) / 100],
            [`driver.${d.driver}.favourable_pct`, round1(d.favourable)],
          ]),
          ...questionRows(s.questions),
        ]);
      }
    }
  } else {
    for (const pool of results.exit.pools) {
      const period = pool.quarters.length === 1 ? (pool.quarters[0] ?? '') : `${pool.quarters[0] ?? ''}..${pool.quarters.at(-1) ?? ''}`;
      for (const slice of [pool.organisation, ...pool.departments]) push(period, slice.segment, slice.name, exitRows(slice));
    }
  }
  return stringify(rows, { header: true, columns: [...RESULTS_CSV_COLUMNS] });
}
