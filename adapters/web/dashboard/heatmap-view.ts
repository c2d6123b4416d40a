import { ORG_ROOT } from '../../../src/domain/anonymity/segment-tree.js';
import { attributeLabel, attributeValueLabel } from '../../../src/domain/people/attribute-labels.js';
import { worded } from '../../../src/domain/question.js';
import type { MessageKey } from '../../../src/domain/i18n/en.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import type { Translator } from '../../../src/domain/i18n/translate.js';
import { escapeMarkup as esc } from '../../../src/lib/escape-markup.js';
import { isZeroToTen, type DashboardModel, type DriverTrends } from '../../../src/pulse/index.js';
import { lineChart } from './svg-chart.js';

type Heatmap = NonNullable<DashboardModel['heatmap']>;
type Column = Heatmap['columns'][number];

const intl: Record<Locale, string> = { en: 'en-GB', nb: 'nb-NO', sv: 'sv-SE' };

/** A 0–10 score (eNPS, or a 0–10 question of HR's own) moves twice as far as % favourable. */
const columnId = (column: Column) => (column.kind === 'enps' ? 'enps' : column.kind === 'driver' ? column.driver : column.questionId);

/** How far from the organisation a cell is, in steps of `step` points. */
function heatClass(delta: number | null, column: Column): string {
  if (delta === null) return 'heat-none';
  const step = isZeroToTen(column) ? 10 : 5;
  if (delta <= -2 * step) return 'heat-much-lower';
  if (delta <= -step) return 'heat-lower';
  if (delta < step) return 'heat-same';
  if (delta < 2 * step) return 'heat-higher';
  return 'heat-much-higher';
}

function columnLabel(t: Translator, locale: Locale, column: Column): string {
  if (column.kind === 'enps') return t('heatmap.enps');
  return column.kind === 'driver' ? t(`driver.${column.driver}` as MessageKey) : worded(column.question.text, locale, t);
}
const groupName = (t: Translator, segment: string, name: string | null) => (segment === ORG_ROOT ? t('results.org') : (name ?? segment));

/** Rows by team or by one attribute (readers of the whole organisation, when HR marked any reportable). */
function rowsBySelector(heatmap: Heatmap, t: Translator): string {
  const cuts = heatmap.cuts ?? [];
  if (cuts.length === 0) return '';
  const option = (value: string, label: string) => `<option value="${esc(value)}"${(heatmap.by ?? '') === value ? ' selected' : ''}>${esc(label)}</option>`;
  const options = [option('', t('heatmap.byTeams')), ...cuts.map((a) => option(a, attributeLabel(t, a)))].join('');
  return `<p><label>${esc(t('heatmap.rowsBy'))} <select data-heatmap-by>${options}</select></label></p>`;
}

/**
 * The heatmap (issue #20): a row per group in the viewer's scope, a column for eNPS and each
 * driver; each cell the group's latest shown score, coloured by its difference from the
 * organisation's; hidden cells marked, never blank. A row's name opens its trend per driver.
 */
export function heatmapSection(heatmap: Heatmap | null, k: number, t: Translator, locale: Locale): string {
  if (heatmap === null || heatmap.columns.length === 0) return '';
  const f0 = new Intl.NumberFormat(intl[locale], { maximumFractionDigits: 0 });
  // Rounded first, so a difference of −0.3 prints "±0", never "−0".
  const signed = (v: number) => {
    const r = Math.round(v);
    return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${f0.format(Math.abs(r))}`;
  };
  const value = (column: Column, v: number) => (isZeroToTen(column) ? (Math.round(v) === 0 ? '0' : signed(v)) : `${f0.format(v)} %`);
  const by = heatmap.by;
  const firstHead = by === undefined ? t('heatmap.group') : attributeLabel(t, by);
  const head = `<tr><th>${esc(firstHead)}</th>${heatmap.columns.map((c) => `<th>${esc(columnLabel(t, locale, c))}</th>`).join('')}</tr>`;
  const hidden = `<td class="heat-hidden" title="${esc(t('heatmap.hiddenTitle'))}">${esc(t('heatmap.hidden'))}</td>`;
  const rows = heatmap.rows.map((row) => {
    const name = esc(by === undefined ? groupName(t, row.segment, row.name) : attributeValueLabel(t, by, row.segment, row.name === null));
    const indent = `style="padding-left:${0.5 + row.depth * 1.25}em"`;
    if (!row.visible)
      return `<tr data-${by === undefined ? 'segment' : 'value'}="${esc(row.segment)}" class="heat-row-hidden"><th scope="row" ${indent}>${name}</th>${heatmap.columns.map(() => hidden).join('')}</tr>`;
    const cells = row.cells.map((cell, i) => {
      const column = heatmap.columns[i] as Column;
      if (cell.value === null) return hidden;
      const delta = cell.delta === null ? '' : `<small>${esc(signed(cell.delta))}</small>`;
      return `<td class="${heatClass(cell.delta, column)}" data-column="${esc(columnId(column))}">${esc(value(column, cell.value))}${delta}</td>`;
    });
    // A value of an attribute has no drill-down: its trend would be one more cut per round.
    if (by !== undefined) return `<tr data-value="${esc(row.segment)}"><th scope="row" ${indent}>${name}</th>${cells.join('')}</tr>`;
    const open = `<button type="button" class="link" data-trend="${esc(row.segment)}" aria-expanded="false">${name}</button>`;
    return `<tr data-segment="${esc(row.segment)}"><th scope="row" ${indent}>${open}</th>${cells.join('')}</tr><tr class="trend" data-trend-for="${esc(row.segment)}" hidden><td colspan="${heatmap.columns.length + 1}"></td></tr>`;
  });
  const intro = `<p>${esc(t('heatmap.intro', { k }))}</p>${by === undefined ? '' : `<p>${esc(t('heatmap.byIntro', { k }))}</p>`}`;
  return `<h2>${esc(t('heatmap.heading'))}</h2>${intro}${rowsBySelector(heatmap, t)}<table class="heatmap" data-testid="heatmap"${by === undefined ? '' : ` data-by="${esc(by)}"`}><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A heatmap row's drill-down: one small line chart per driver, % favourable per round (gaps where hidden). */
export function trendSection(trends: DriverTrends, group: string, t: Translator): string {
  if (trends.length === 0) return `<p>${esc(t('heatmap.noTrend'))}</p>`;
  const charts = trends.map(({ driver, points }) => {
    const title = t('heatmap.trendTitle', { driver: t(`driver.${driver}` as MessageKey), group });
    const chart = lineChart(
      points.map((p) => ({ label: p.date.slice(5), value: p.favourable })),
      { min: 0, max: 100, title, width: 320, height: 140 },
    );
    return `<figure data-driver="${esc(driver)}"><figcaption>${esc(title)}</figcaption>${chart}</figure>`;
  });
  return `<div class="charts trends" data-testid="trend">${charts.join('')}</div>`;
}
