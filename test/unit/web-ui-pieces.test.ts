import { describe, expect, it } from 'vitest';
import { lineChart } from '../../adapters/web/dashboard/svg-chart.js';
import { parseWebCommand } from '../../adapters/web/web-commands.js';
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
  it('parses what the web chat accepts, with the Slack-style prefixes', () => {
    expect(parseWebCommand('results')).toEqual({ kind: 'results' });
    expect(parseWebCommand('/pulse results engineering')).toEqual({ kind: 'results', segment: 'engineering' });
    expect(parseWebCommand('results exit')).toEqual({ kind: 'results-exit' });
    expect(parseWebCommand('exit-survey Ada@Example.com 2026-12-01 nb')).toEqual({ kind: 'exit', email: 'ada@example.com', date: '2026-12-01', locale: 'nb' });
    expect(parseWebCommand('exit-survey cancel ada@example.com')).toEqual({ kind: 'exit-cancel', email: 'ada@example.com' });
    expect(parseWebCommand('exit-survey ada')).toEqual({ kind: 'exit-usage' });
    expect(parseWebCommand('exit-survey ada@example.com 1.12')).toEqual({ kind: 'bad-date', date: '1.12' });
    expect(parseWebCommand('dashboard')).toEqual({ kind: 'dashboard' });
    expect(parseWebCommand('')).toEqual({ kind: 'help' });
    expect(parseWebCommand('dance')).toEqual({ kind: 'unknown' });
  });

  it('every web text exists in Norwegian and Swedish, translated', () => {
    const keys = Object.keys(en).filter((k) => k.startsWith('web.'));
    expect(keys.length).toBeGreaterThan(40);
    const same = (catalog: Record<string, string>) => keys.filter((k) => catalog[k] === (en as Record<string, string>)[k] && !/^(web\.ui\.bot|web\.dash\.col\.enps|web\.ui\.role\.hr|web\.ui\.send)$/.test(k));
    expect(same(nb)).toEqual([]);
    expect(same(sv)).toEqual([]);
  });
});
