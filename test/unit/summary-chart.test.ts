import { describe, expect, it } from 'vitest';
import { trendChartSvg } from '../../src/services/chart-svg.js';
import { CHART_HEIGHT, CHART_WIDTH, summaryChart } from '../../src/services/summary-chart.js';
import { fixedSummary } from '../support/summary-fixture.js';
import { checkPng } from '../support/png.js';

const labels = { title: 'T', enps: 'eNPS', participation: 'P', date: (d: string) => d.slice(5) };

describe('summary chart', () => {
  it('is a valid PNG of the expected size, drawn for the chart segment', async () => {
    const chart = await summaryChart(fixedSummary(), 'nb');
    expect(chart).not.toBeNull();
    expect(checkPng(chart!.png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect([CHART_WIDTH, CHART_HEIGHT]).toEqual([800, 400]);
    expect(chart!.title).toBe('eNPS og deltakelse de siste 4 rundene: Sales <EMEA>');
    expect(chart!.altText).toContain('Sales <EMEA>');
  });

  it('a summary whose chart segment is hidden, or that has none, gets no chart', async () => {
    expect(await summaryChart({ ...fixedSummary(), chartSegment: 'sales-nordics' }, 'en')).toBeNull();
    expect(await summaryChart({ ...fixedSummary(), chartSegment: null }, 'en')).toBeNull();
  });

  it('draws only the rounds it is given values for: a hidden round leaves a gap', () => {
    const svg = trendChartSvg(
      [
        { roundDate: '2026-11-02', enps: 10, participation: 70 },
        { roundDate: '2026-11-09', enps: null, participation: null },
        { roundDate: '2026-11-16', enps: 20, participation: 75 },
        { roundDate: '2026-11-23', enps: 30, participation: 80 },
      ],
      labels,
    );
    expect(svg.match(/<circle /g)).toHaveLength(3);
    // One line through the last two rounds; the first point stands alone across the gap.
    expect(svg.match(/<polyline /g)).toHaveLength(1);
    // Bars: three participation bars plus the legend swatch (and the background).
    expect(svg.match(/<rect /g)).toHaveLength(3 + 1 + 1);
    expect(svg).toContain('>11-09<');
  });

  it('escapes names so a segment called <script> stays text', () => {
    const svg = trendChartSvg([{ roundDate: '2026-11-02', enps: 0, participation: 50 }], { ...labels, title: 'A & <b>' });
    expect(svg).toContain('A &amp; &lt;b&gt;');
    expect(svg).not.toContain('<b>');
  });
});
