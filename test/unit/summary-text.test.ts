import { describe, expect, it } from 'vitest';
import { summaryBlocks } from '../../adapters/slack/summary-blocks.js';
import { LOCALES } from '../../src/domain/i18n/locale.js';
import { summaryText } from '../../src/domain/summary/summary-text.js';
import { fixedSummary } from '../support/summary-fixture.js';

describe('summary text (golden, en/nb/sv)', () => {
  it.each(LOCALES)('%s: text and Slack blocks match the reviewed golden files', async (locale) => {
    const text = summaryText(fixedSummary(), locale);
    const plain = [text.title, ...text.sections.flatMap((s) => [s.heading ?? '', ...s.lines]), text.footer].join('\n');
    await expect(plain).toMatchFileSnapshot(`./golden/summary-${locale}.txt`);
    await expect(JSON.stringify(summaryBlocks(text), null, 2)).toMatchFileSnapshot(`./golden/summary-${locale}.blocks.json`);
  });

  it('a hidden segment is one line with its name and nothing else', () => {
    const text = summaryText(fixedSummary(), 'en');
    const hidden = text.sections.filter((s) => s.lines.some((l) => l.startsWith('Nordics')));
    expect(hidden).toEqual([
      { heading: null, lines: ['Nordics: not shown, to protect anonymity (fewer than 5 answers, or it could be worked out from other groups).'] },
    ]);
  });

  it('text people typed cannot mention, link or broadcast in Slack', () => {
    const blocks = JSON.stringify(summaryBlocks(summaryText(fixedSummary(), 'en')));
    expect(blocks).not.toContain('<!channel>');
    expect(blocks).toContain('&lt;!channel&gt;');
    expect(blocks).toContain('Sales &lt;EMEA&gt;');
  });

  it('keeps every section under Slack’s 3,000 characters, however long the comments', () => {
    const base = fixedSummary();
    const [first, ...rest] = base.segments;
    if (first?.visible !== true) throw new Error('fixture');
    const long = {
      ...first,
      comments: Array.from({ length: 5 }, (_, i) => ({ id: '00000000-0000-4000-8000-000000000004', roundDate: '2026-11-23', text: `${i}`.repeat(2000) })),
    };
    const blocks = summaryBlocks(summaryText({ ...base, segments: [long, ...rest] }, 'en'));
    const texts = blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
    expect(texts.some((text) => text.endsWith('…'))).toBe(true);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(3000);
  });

  it('stays within Block Kit limits however many segments there are', () => {
    const base = fixedSummary();
    const many = { ...base, segments: Array.from({ length: 120 }, (_, i) => ({ segment: `t${i}`, name: `Team ${i}`, visible: false as const })) };
    const blocks = summaryBlocks(summaryText(many, 'sv'));
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks.at(-1)?.type).toBe('context');
  });
});
