import { DateTime } from 'luxon';
import type { Locale } from '../domain/i18n/locale.js';
import { translator } from '../domain/i18n/translate.js';
import { segmentLabel } from '../domain/summary/summary-text.js';
import type { ChartImage, Summary } from '../domain/summary/summary-model.js';
import { renderPng } from './chart-png.js';
import { CHART_HEIGHT, CHART_WIDTH, trendChartSvg } from './chart-svg.js';

export { CHART_HEIGHT, CHART_WIDTH } from './chart-svg.js';

/** The summary's chart (eNPS and participation of its chart segment over its rounds) as a PNG, or null when it has none. */
export async function summaryChart(summary: Summary, locale: Locale): Promise<ChartImage | null> {
  const segment = summary.segments.find((s) => s.segment === summary.chartSegment);
  if (segment === undefined || !segment.visible) return null;
  const t = translator(locale);
  const n = segment.trend.length;
  const title = `${t('summary.chartTitle', { n })}: ${segmentLabel(t, segment)}`;
  const svg = trendChartSvg(segment.trend, {
    title,
    enps: t('summary.chartEnps'),
    participation: t('summary.chartParticipation'),
    date: (iso) => DateTime.fromISO(iso).setLocale(locale).toFormat('d LLL'),
  });
  return {
    png: await renderPng(svg),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    altText: t('summary.chartAlt', { segment: segmentLabel(t, segment), n }),
    title,
  };
}
