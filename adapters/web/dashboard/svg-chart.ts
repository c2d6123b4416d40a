import { escapeMarkup } from '../../../src/lib/escape-markup.js';

/**
 * Small server-rendered SVG charts: no chart library, no script, nothing that could leak a
 * number the model did not already allow. Gaps (hidden or missing points) stay gaps.
 */
export interface ChartPoint {
  readonly label: string;
  readonly value: number | null;
}

export interface ChartOptions {
  readonly min: number;
  readonly max: number;
  /** Accessible name of the chart. */
  readonly title: string;
  readonly width?: number;
  readonly height?: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A line chart of `points` (left to right), with a zero line when the range crosses zero. */
export function lineChart(points: readonly ChartPoint[], options: ChartOptions): string {
  const width = options.width ?? 480;
  const height = options.height ?? 180;
  const pad = { left: 36, right: 24, top: 12, bottom: 28 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => pad.top + innerH - ((v - options.min) / (options.max - options.min)) * innerH;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeMarkup(options.title)}">`,
  );
  for (const tick of [options.min, (options.min + options.max) / 2, options.max]) {
    parts.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${round1(y(tick))}" y2="${round1(y(tick))}" class="grid"/>`);
    parts.push(`<text x="${pad.left - 6}" y="${round1(y(tick) + 4)}" text-anchor="end" class="axis">${tick}</text>`);
  }
  if (options.min < 0 && options.max > 0)
    parts.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${round1(y(0))}" y2="${round1(y(0))}" class="zero"/>`);
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) parts.push(`<polyline points="${run.join(' ')}" class="line"/>`);
    run = [];
  };
  points.forEach((p, i) => {
    if (p.value === null) {
      flush();
      return;
    }
    const v = Math.min(options.max, Math.max(options.min, p.value));
    run.push(`${round1(x(i))},${round1(y(v))}`);
    parts.push(
      `<circle cx="${round1(x(i))}" cy="${round1(y(v))}" r="3.5" class="dot"><title>${escapeMarkup(`${p.label}: ${Math.round(p.value)}`)}</title></circle>`,
    );
  });
  flush();
  points.forEach((p, i) => parts.push(`<text x="${round1(x(i))}" y="${height - 8}" text-anchor="middle" class="axis">${escapeMarkup(p.label)}</text>`));
  parts.push('</svg>');
  return parts.join('');
}
