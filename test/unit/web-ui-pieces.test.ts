import { describe, expect, it } from 'vitest';
import { lineChart } from '../../adapters/web/dashboard/svg-chart.js';
import { en } from '../../src/domain/i18n/en.js';
import { nb } from '../../src/domain/i18n/nb.js';
import { sv } from '../../src/domain/i18n/sv.js';

describe('dashboard charts (server-rendered SVG)', () => {
  it('draws a point per shown value and leaves hidden ones as gaps', () => {
    const svg = lineChart(
      [
        { label: '11-02', value: 20 },
        { label: '11-09', value: null },
        { label: '11-16', value: 35 },
        { label: '11-23', value: 40 },
      ],
      { min: -100, max: 100, title: 'eNPS' },
    );
    expect(svg.match(/<circle /g)).toHaveLength(3);
    // The gap splits the line: only 11-16 → 11-23 is joined.
    expect(svg.match(/<polyline /g)).toHaveLength(1);
    expect(svg).toContain('aria-label="eNPS"');
  });

  it('escapes labels', () => {
    expect(lineChart([{ label: '<b>', value: 1 }], { min: 0, max: 100, title: '"x"' })).not.toMatch(/<b>|"x"/);
  });
});

describe('web chat commands', () => {
  it('every web text exists in Norwegian and Swedish, translated', () => {
    const keys = Object.keys(en).filter((k) => k.startsWith('web.'));
    expect(keys.length).toBeGreaterThan(40);
    const same = (catalog: Record<string, string>) =>
      keys.filter((k) => catalog[k] === (en as Record<string, string>)[k] && !/^(web\.ui\.bot|web\.dash\.col\.enps|web\.ui\.role\.hr|web\.ui\.send)$/.test(k));
    expect(same(nb)).toEqual([]);
    expect(same(sv)).toEqual([]);
  });
});
