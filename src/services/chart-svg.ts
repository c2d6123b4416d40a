import type { TrendPoint } from '../domain/summary/summary-model.js';
import { escapeMarkup } from '../lib/escape-markup.js';

/** The chart's size in pixels (the PNG is rendered at this size). */
export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;

export interface ChartLabels {
  readonly title: string;
  readonly enps: string;
  readonly participation: string;
  /** Short x-axis label of a round date. */
  readonly date: (isoDate: string) => string;
}

const PLOT = { left: 64, right: CHART_WIDTH - 64, top: 72, bottom: CHART_HEIGHT - 48 };
const COLOURS = { enps: '#1d4ed8', participation: '#86efac', grid: '#e5e7eb', axis: '#6b7280', text: '#111827' };
const FONT = `font-family="DejaVu Sans" fill="${COLOURS.text}"`;

const round1 = (n: number) => Math.round(n * 10) / 10;
/** eNPS −100…100 on the left axis; participation 0…100% on the right, sharing the grid. */
const yEnps = (score: number) => round1(PLOT.bottom - ((score + 100) / 200) * (PLOT.bottom - PLOT.top));
const yRate = (rate: number) => round1(PLOT.bottom - (rate / 100) * (PLOT.bottom - PLOT.top));

/** Line segments of consecutive known points; a hidden or unasked round breaks the line. */
function runs(points: readonly { x: number; y: number | null }[]): { x: number; y: number }[][] {
  const out: { x: number; y: number }[][] = [];
  let current: { x: number; y: number }[] = [];
  for (const p of points) {
    if (p.y === null) {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push({ x: p.x, y: p.y });
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * An SVG chart of eNPS (line, left axis) and participation (bars, right axis) over rounds, oldest
 * on the left. Only the points given are drawn: hidden rounds arrive as null and leave a gap.
 */
export function trendChartSvg(points: readonly TrendPoint[], labels: ChartLabels): string {
  const n = Math.max(points.length, 1);
  const step = (PLOT.right - PLOT.left) / n;
  const xAt = (i: number) => round1(PLOT.left + step * (i + 0.5));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${PLOT.left}" y="26" font-size="18" font-weight="bold" ${FONT}>${escapeMarkup(labels.title)}</text>`,
  ];
  for (const score of [-100, -50, 0, 50, 100]) {
    const y = yEnps(score);
    parts.push(`<line x1="${PLOT.left}" y1="${y}" x2="${PLOT.right}" y2="${y}" stroke="${COLOURS.grid}" stroke-width="${score === 0 ? 2 : 1}"/>`);
    parts.push(`<text x="${PLOT.left - 8}" y="${y + 4}" font-size="12" text-anchor="end" ${FONT}>${score > 0 ? '+' : ''}${score}</text>`);
    parts.push(`<text x="${PLOT.right + 8}" y="${y + 4}" font-size="12" ${FONT}>${(score + 100) / 2}%</text>`);
  }
  points.forEach((p, i) => {
    if (p.participation !== null) {
      const y = yRate(p.participation);
      parts.push(
        `<rect x="${round1(xAt(i) - step * 0.3)}" y="${y}" width="${round1(step * 0.6)}" height="${round1(PLOT.bottom - y)}" fill="${COLOURS.participation}"/>`,
      );
    }
    parts.push(`<text x="${xAt(i)}" y="${PLOT.bottom + 20}" font-size="11" text-anchor="middle" ${FONT}>${escapeMarkup(labels.date(p.roundDate))}</text>`);
  });
  const enps = points.map((p, i) => ({ x: xAt(i), y: p.enps === null ? null : yEnps(p.enps) }));
  for (const run of runs(enps)) {
    if (run.length > 1) parts.push(`<polyline points="${run.map((p) => `${p.x},${p.y}`).join(' ')}" fill="none" stroke="${COLOURS.enps}" stroke-width="3"/>`);
    for (const p of run) parts.push(`<circle cx="${p.x}" cy="${p.y}" r="4.5" fill="${COLOURS.enps}"/>`);
  }
  const legendX = PLOT.left;
  parts.push(
    `<line x1="${legendX}" y1="46" x2="${legendX + 24}" y2="46" stroke="${COLOURS.enps}" stroke-width="3"/>`,
    `<text x="${legendX + 30}" y="50" font-size="13" ${FONT}>${escapeMarkup(labels.enps)}</text>`,
    `<rect x="${legendX + 120}" y="39" width="16" height="14" fill="${COLOURS.participation}"/>`,
    `<text x="${legendX + 142}" y="50" font-size="13" ${FONT}>${escapeMarkup(labels.participation)}</text>`,
    `<line x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" stroke="${COLOURS.axis}"/>`,
    `</svg>`,
  );
  return parts.join('\n');
}
